// The suite's own Neo4j: started on a free port in a temporary folder before any test file runs, stopped (and
// its folder removed) after the last one. A server the user runs (e.g. on 7687) is never used or touched.
// POLICY_GRAPH_SKIP_NEO4J=1 skips it, and the Neo4j suites with it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const TEST_PASSWORD = 'policygraph-test';

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

async function script(name: string, env: NodeJS.ProcessEnv): Promise<void> {
  await exec('bash', [join(ROOT, 'graph/server', name)], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
}

export default async function startNeo4jForTests(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.POLICY_GRAPH_SKIP_NEO4J === '1') return undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'policy-graph-test-neo4j-'));
  const env = {
    POLICY_GRAPH_DATA: dataDir,
    NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: TEST_PASSWORD,
  };
  try {
    await script('start.sh', env);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`the test suite could not start its Neo4j server: ${e.stderr || e.stdout || e.message}`);
  }
  // Test workers are forked after global setup, so they inherit these; so do the CLIs and servers tests spawn.
  process.env.NEO4J_URI = env.NEO4J_URI;
  process.env.NEO4J_USER = env.NEO4J_USER;
  process.env.NEO4J_PASSWORD = env.NEO4J_PASSWORD;
  process.env.POLICY_GRAPH_TEST_NEO4J_DATA = dataDir;
  return async () => {
    await script('stop.sh', env).catch((error: Error) => console.error(`stopping the test Neo4j failed: ${error.message}`));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
