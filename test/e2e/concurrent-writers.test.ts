// Two CLI ingests into one data folder at once. Before the write lock and the store-synced index, each process
// saved its own in-memory index stamped with the store's generation, and the chunks of the other's documents were
// lost to vector search for good. Now both succeed and the vector file holds exactly the store's chunk ids.
// (CLI writes while `serve` runs: cli-while-serving.test.ts.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { cli, tempDataDir } from './cli-helpers.ts';
import { expectVectorFileMatchesStore, LEXICAL_EMBEDDER, writeReports } from './writer-helpers.ts';

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
    for (const run of [a, b])
      expect(JSON.parse(run.stdout).documents.map((d: { status: string }) => d.status)).toEqual(Array(4).fill('ingested'));
    const store = openEmbeddedStore(data);
    expect(await store.listDocuments().finally(() => store.close())).toHaveLength(8);
    expect(await expectVectorFileMatchesStore(data)).toBeGreaterThanOrEqual(8);
  });
});
