// The benchmark's load figures: 50 connections for 30 s on /api/ask over the seeds, with the model warm,
// against a server in its own process (src/bench/load-server.ts), through the load-test runner.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoadTest } from './load-test.ts';

export async function benchLoad(questions: string[], connections = 50, durationSeconds = 30) {
  const dataDir = mkdtempSync(join(tmpdir(), 'policy-graph-bench-load-'));
  const server = spawn(process.execPath, ['--import', 'tsx/esm', fileURLToPath(new URL('./load-server.ts', import.meta.url)), dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk) => {
        out += chunk;
        const found = /listening (\d+)/.exec(out);
        if (found) resolve(found[1]!);
      });
      server.once('exit', (code) => reject(new Error(`load server exited with code ${code} before listening`)));
    });
    const url = `http://127.0.0.1:${port}`;
    // Warm-up, so the figures measure the steady state rather than first-use loading.
    await runLoadTest({ url, questions, connections: 10, durationSeconds: 5 });
    const result = await runLoadTest({ url, questions, connections, durationSeconds, serverPid: server.pid });
    return { ...result, memory: result.memory && { ...result.memory, samplesMb: undefined } };
  } finally {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
