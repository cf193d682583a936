// Two processes writing one data folder: two CLI ingests at once, and CLI ingests and deletes while `serve` runs
// and uploads. Before the write lock and the store-synced index, each process saved its own in-memory index
// stamped with the store's generation, and chunks of the other's documents were lost to vector search for good.
// After each case, the vector file on disk holds exactly the store's chunk ids, and the server's index as well.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { cli, tempDataDir } from './cli-helpers.ts';
import { expectVectorFileMatchesStore, LEXICAL_EMBEDDER, reportText, startServe, writeReports } from './writer-helpers.ts';

describe('concurrent writers on one data folder', () => {
  it('two CLI ingests at once: both succeed, and every stored chunk is in the vector file', async () => {
    const data = tempDataDir();
    const first = writeReports(join(data, '..', `${data.split('/').pop()}-a`), 'alpha', 4);
    const second = writeReports(join(data, '..', `${data.split('/').pop()}-b`), 'beta', 4);
    const [a, b] = await Promise.all([
      cli(['ingest', ...first, '--data', data, '--json'], LEXICAL_EMBEDDER),
      cli(['ingest', ...second, '--data', data, '--json'], LEXICAL_EMBEDDER),
    ]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    for (const run of [a, b]) expect(JSON.parse(run.stdout).documents.map((d: { status: string }) => d.status)).toEqual(Array(4).fill('ingested'));
    const store = openEmbeddedStore(data);
    expect(await store.listDocuments().finally(() => store.close())).toHaveLength(8);
    expect(await expectVectorFileMatchesStore(data)).toBeGreaterThanOrEqual(8);
  });

  it('CLI ingest and delete while serve runs: the server answers from every stored chunk, and its writes keep them', async () => {
    const data = tempDataDir();
    const server = await startServe(data);
    try {
      const upload = async (prefix: string, i: number) => fetch(`${server.base}/api/documents?name=${prefix}-${i}.txt`, { method: 'POST', body: reportText(prefix, i) });
      const indexSize = async () => (await (await fetch(`${server.base}/api/health`)).json()).index.size as number;
      const storedChunks = async () => (await (await fetch(`${server.base}/api/health`)).json()).store;
      expect((await upload('gamma', 0)).status).toBe(201);
      const perDocument = await indexSize();
      expect(perDocument).toBeGreaterThan(0);

      // Another process writes: the server's next answer must include its chunks.
      const files = writeReports(join(data, '..', `${data.split('/').pop()}-c`), 'delta', 3);
      const ingested = await cli(['ingest', ...files, '--data', data, '--json'], LEXICAL_EMBEDDER);
      expect(ingested.code, ingested.stderr).toBe(0);
      expect(await indexSize()).toBe(4 * perDocument);

      // The server writes next: the file it saves holds the CLI's chunks too (it did not before).
      expect((await upload('gamma', 1)).status).toBe(201);
      expect(await expectVectorFileMatchesStore(data)).toBe(5 * perDocument);

      // Another process deletes: the server stops finding that document, and the file stays exact.
      const deleted = JSON.parse(ingested.stdout).documents[0].id as string;
      expect((await cli(['delete', deleted, '--data', data, '--json'], LEXICAL_EMBEDDER)).code).toBe(0);
      expect(await indexSize()).toBe(4 * perDocument);
      expect((await storedChunks()).documents).toBe(4);
      expect(await expectVectorFileMatchesStore(data)).toBe(4 * perDocument);
    } finally {
      await server.stop();
    }
  });
});
