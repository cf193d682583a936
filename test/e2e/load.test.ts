// The load test in short form (20 connections for 5 s; the benchmark runs 50 for 30 s): a server process over
// the ingested seed answers a mix of /api/ask questions without a single error or non-2xx status, and its
// resident memory does not climb over the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadTest } from '../../src/bench/load-test.ts';
import { ROOT, tempDataDir } from './cli-helpers.ts';

const QUESTIONS = (JSON.parse(readFileSync(join(ROOT, '../shared/eval/questions.json'), 'utf8')) as Array<{ question: string }>)
  .map((q) => q.question);
/** The lexical embedder: this test measures the server under load, not the model (the benchmark uses the model). */
const LEXICAL_EMBEDDER = { POLICY_GRAPH_MODEL_DIR: join(tmpdir(), 'policy-graph-no-model') };

let server: ChildProcess;
let url = '';

beforeAll(async () => {
  const { NEO4J_URI: _unused, ...inherited } = process.env;
  server = spawn(process.execPath, ['--import', 'tsx/esm', join(ROOT, 'test/e2e/load-server-child.ts'), tempDataDir()], {
    cwd: ROOT, env: { ...inherited, ...LEXICAL_EMBEDDER }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (chunk) => (stderr += chunk));
  const port = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    server.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening (\d+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) => reject(new Error(`load server exited (${code}): ${stderr}`)));
  });
  url = `http://127.0.0.1:${port}`;
}, 180_000);

afterAll(async () => {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

describe('load: /api/ask under concurrent connections', () => {
  it('answers every request of 20 connections for 5 s with 2xx, and memory stays flat', async () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(10);
    // Warm-up, so the figures measure the steady state rather than first-use loading.
    await runLoadTest({ url, questions: QUESTIONS, connections: 20, durationSeconds: 3 });
    const result = await runLoadTest({ url, questions: QUESTIONS, connections: 20, durationSeconds: 5, serverPid: server.pid });
    process.stderr.write(`load (20 connections, 5 s): ${JSON.stringify({ ...result, memory: result.memory && { ...result.memory, samplesMb: undefined } })}\n`);
    expect(result.requests).toBeGreaterThan(20);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.ok).toBe(result.requests);
    expect(result.latency.p50).toBeGreaterThan(0);
    expect(result.latency.p99).toBeGreaterThanOrEqual(result.latency.p50);
    expect(result.memory).not.toBeNull();
    // Flat: the steady state may settle a little above the warm-up, but not grow with the number of requests.
    expect(result.memory!.growthMb).toBeLessThan(Math.max(64, result.memory!.firstQuarterMb * 0.25));
  }, 120_000);
});
