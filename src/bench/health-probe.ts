// /api/health latency while heavy requests run (issue 19's target: under 100 ms): the benchmark's load section
// polls health every 25 ms during a 2,000-character question asked several times and during an upload of 40,000
// one-character lines, against the load server. A figure, not a test assertion: on 2 cores shared with other
// work the maximum depends on what else runs.
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

async function ok(reply: Promise<Response>, expected: number[]): Promise<void> {
  const response = await reply;
  const body = await response.text();
  if (!expected.includes(response.status)) throw new Error(`${response.url}: ${response.status} ${body.slice(0, 200)}`);
}

export async function healthUnderHeavyRequests(
  url: string,
  longQuestion: string,
  uploadLines = 40_000,
): Promise<{ longAsk: HealthFigures; upload: HealthFigures }> {
  const longAsk = await healthWhile(url, async () => {
    for (let i = 0; i < 5; i++) await ok(fetch(`${url}/api/ask?q=${encodeURIComponent(longQuestion)}`), [200]);
  });
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
  return { longAsk, upload };
}
