// /api/health latency while heavy requests run (issue 19's target: under 100 ms): the benchmark's load section
// polls health every 25 ms during a 2,000-character question asked several times, a 190,000-character draft
// checked, the whole graph exported and an upload of 40,000 one-character lines, against the load server. A
// figure, not a test assertion: on 2 cores shared with other work the maximum depends on what else runs.
import { percentile } from '../eval/percentile.ts';

export interface HealthFigures {
  probes: number;
  p50: number;
  p95: number;
  max: number;
  /** Milliseconds the heavy requests took. */
  ms: number;
}

async function healthWhile(url: string, heavy: () => Promise<void>): Promise<HealthFigures> {
  const latencies: number[] = [];
  let done = false;
  const started = performance.now();
  const settled = heavy().finally(() => {
    done = true;
  });
  while (!done) {
    const since = performance.now();
    const reply = await fetch(`${url}/api/health`);
    await reply.arrayBuffer();
    latencies.push(performance.now() - since);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await settled;
  const round = (ms: number) => Math.round(ms);
  return {
    probes: latencies.length,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    max: round(Math.max(...latencies)),
    ms: round(performance.now() - started),
  };
}

/**
 * Fails unless the status is expected. The body is read piece by piece and dropped: decoding a 26 MB check report
 * at once would hold this process's event loop, and with it the health probes that share it.
 */
async function ok(reply: Promise<Response>, expected: number[]): Promise<void> {
  const response = await reply;
  let start = '';
  const reader = response.body?.getReader();
  for (let piece = await reader?.read(); piece && !piece.done; piece = await reader?.read())
    if (start.length < 200) start += Buffer.from(piece.value).toString('utf8');
  if (!expected.includes(response.status)) throw new Error(`${response.url}: ${response.status} ${start.slice(0, 200)}`);
}

export async function healthUnderHeavyRequests(
  url: string,
  longQuestion: string,
  draft: string,
  uploadLines = 40_000,
): Promise<{ longAsk: HealthFigures; check: HealthFigures; export: HealthFigures; upload: HealthFigures }> {
  const longAsk = await healthWhile(url, async () => {
    for (let i = 0; i < 5; i++) await ok(fetch(`${url}/api/ask?q=${encodeURIComponent(longQuestion)}`), [200]);
  });
  const check = await healthWhile(url, () =>
    ok(
      fetch(`${url}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: draft }) }),
      [200],
    ),
  );
  const exported = await healthWhile(url, () => ok(fetch(`${url}/api/export?format=json`), [200]));
  const lines = Array.from({ length: uploadLines }, (_, i) => '县市区镇乡村路桥水田'[i % 10]).join('\n');
  const upload = await healthWhile(url, () =>
    ok(
      fetch(`${url}/api/documents?name=lines.txt`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: lines,
      }),
      [200, 201],
    ),
  );
  return { longAsk, check, export: exported, upload };
}
