// Starts src/bench/load-server.ts in its own process (so its memory is sampled alone) and resolves once it
// listens; the benchmark's load section and the load test both use it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startLoadServer(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<LoadServer> {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', fileURLToPath(new URL('./load-server.ts', import.meta.url)), dataDir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const listening = /listening (\d+)/.exec(out)?.[1];
      if (listening) resolve(listening);
    });
    child.once('exit', (code) => reject(new Error(`load server exited with code ${code} before listening: ${stderr.slice(-2000)}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
