// The benchmark's load figures: 50 connections for 30 s on /api/ask over the seeds, with the model warm,
// against a server in its own process (src/bench/load-server.ts), through the load-test runner; then /api/health's
// latency during a long question, a long draft checked, an export and a 40,000-line upload (health-probe.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthUnderHeavyRequests } from './health-probe.ts';
import { startLoadServer } from './load-server-process.ts';
import { runLoadTest } from './load-test.ts';

const SEEDS = new URL('../../seeds/', import.meta.url);

/** The seed reports' text, one after another. */
function seedTexts(): string {
  return readdirSync(SEEDS)
    .map((name) => readFileSync(new URL(name, SEEDS), 'utf8'))
    .join('\n');
}

export async function benchLoad(questions: string[], connections = 50, durationSeconds = 30) {
  const dataDir = mkdtempSync(join(tmpdir(), 'policy-graph-bench-load-'));
  const server = await startLoadServer(dataDir);
  try {
    // Warm-up, so the figures measure the steady state rather than first-use loading.
    await runLoadTest({ url: server.url, questions, connections: 10, durationSeconds: 5 });
    const result = await runLoadTest({ url: server.url, questions, connections, durationSeconds, serverPid: server.process.pid });
    // The longest question the API takes (2,000 characters), made of the evaluation questions.
    const longQuestion = questions
      .join('')
      .repeat(Math.ceil(2000 / Math.max(1, questions.join('').length)))
      .slice(0, 2000);
    // The draft: 190,000 characters of report text (the seeds, repeated).
    const reports = seedTexts();
    const draft = reports.repeat(Math.ceil(190_000 / reports.length)).slice(0, 190_000);
    const health = await healthUnderHeavyRequests(server.url, longQuestion, draft);
    return { ...result, memory: result.memory && { ...result.memory, samplesMb: undefined }, health };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
