// Shared by the concurrent-writer and data-folder tests: small distinct reports, the CLI's `serve` in a child
// process on a free port, and the check that the vector file on disk holds exactly the store's chunks.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openHnswIndex } from '../../embeddings/hnsw-index.ts';
import { LEXICAL_FALLBACK_DIMENSIONS } from '../../embeddings/lexical-embedder.ts';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { cli, ROOT } from './cli-helpers.ts';
import { SMALL_REPORT } from './http-fixtures.ts';

/** Transformers.js is not loaded: every command falls back to the lexical embedder. */
export const LEXICAL_EMBEDDER = { POLICY_GRAPH_MODEL_DIR: join(tmpdir(), 'policy-graph-no-model') };

/** A letters-only marker: digits could read as figures and change what is extracted. */
const letters = (n: number) => [...String(n)].map((d) => 'abcdefghij'[Number(d)]).join('');

/** `count` small reports that differ in one paragraph (so in content hash), written under `dir`. */
export function writeReports(dir: string, prefix: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `${prefix}-${i}.txt`);
    writeFileSync(file, reportText(prefix, i));
    return file;
  });
}

/** The text of report `i` of a series: the small report plus one paragraph naming its marker. */
export function reportText(prefix: string, i: number): string {
  return `${SMALL_REPORT}\n2.加强试点工作。试点编号 ${prefix}${letters(i)}，推进改革。\n`;
}

/**
 * The vector file as saved: restored without a rebuild (checksums hold), stamped with the store's generation,
 * and holding exactly the chunk ids the store keeps vectors for. Returns how many chunks that is.
 */
export async function expectVectorFileMatchesStore(data: string): Promise<number> {
  const store = openEmbeddedStore(data);
  try {
    const stored = (store.db.prepare('SELECT id FROM chunks WHERE vector IS NOT NULL ORDER BY id').all() as Array<{ id: string }>).map(
      (r) => r.id,
    );
    const index = await openHnswIndex({ dir: join(data, 'vectors'), dimensions: LEXICAL_FALLBACK_DIMENSIONS });
    try {
      expect(index.restoreStatus).toEqual({ restored: true });
      expect(index.generation).toBe(await store.generation());
      expect([...index.chunkIds()].sort()).toEqual(stored);
    } finally {
      await index.close();
    }
    return stored.length;
  } finally {
    await store.close();
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServeProcess {
  base: string;
  stderr: () => string;
  stop(): Promise<void>;
}

/** `policy-graph serve` on a free port of 127.0.0.1, in its own process, resolved once it listens. */
export async function startServe(data: string, env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const port = await freePort();
  const { NEO4J_URI: _unused, POLICY_GRAPH_TOKEN: _token, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(ROOT, 'bin/policy-graph.js'), 'serve', '--port', String(port), '--data', data], {
    cwd: ROOT,
    env: { ...inherited, ...LEXICAL_EMBEDDER, POLICY_GRAPH_RATE_LIMIT: '100000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', () => /serving on/.test(stderr) && resolve());
    void exited.then(() => reject(new Error(`serve exited: ${stderr}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A data folder holding `count` small reports, ingested by the CLI. */
export async function ingested(data: string, count: number): Promise<string> {
  const files = writeReports(join(data, '..', `${data.split('/').pop()}-in`), 'faults', count);
  const run = await cli(['ingest', ...files, '--data', data, '--json'], LEXICAL_EMBEDDER);
  expect(run.code, run.stderr).toBe(0);
  return data;
}
