// The embedded store's exact search within named reports reads the vectors the store keeps: it ranks those reports'
// chunks exactly as a brute-force comparison does, and sees a report another connection wrote after the index opened.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStoreSyncedIndex, type StoreSyncedIndex } from '../../embeddings/store-synced-index.ts';
import { SqliteGraphStore } from '../../graph/embedded/sqlite-store.ts';
import { DOCUMENT_A, DOCUMENT_B, fixtureVectors } from '../contract/fixtures.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const opened: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((x, i) => {
    const y = expectDefined(b[i]);
    dot += x * y;
    aa += x * x;
    bb += y * y;
  });
  return dot / Math.sqrt(aa * bb);
}

it("ranks the named reports' stored chunks exactly, including a report written after the index opened", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-graph-within-'));
  const store = new SqliteGraphStore(join(dir, 'graph.sqlite'));
  opened.push(store);
  await store.writeDocument(DOCUMENT_A, fixtureVectors(DOCUMENT_A));
  const index: StoreSyncedIndex = await openStoreSyncedIndex({ dir: join(dir, 'vectors'), dimensions: 4, source: store, writable: true });
  opened.push(index);
  const other = new SqliteGraphStore(join(dir, 'graph.sqlite'));
  opened.push(other);
  await other.writeDocument(DOCUMENT_B, fixtureVectors(DOCUMENT_B));

  const query = Float32Array.from([0.2, 1, 0.1, 0.3]);
  const hits = await index.searchWithin(query, 3, [DOCUMENT_B.document.id]);
  const expected = DOCUMENT_B.chunks
    .map((chunk, i) => ({ id: chunk.id, score: cosine(query, expectDefined(fixtureVectors(DOCUMENT_B)[i])) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 3);
  expect(hits.map((h) => h.id)).toEqual(expected.map((e) => e.id));
  for (const [i, hit] of hits.entries()) expect(hit.score).toBeCloseTo(expectDefined(expected[i]).score, 5);
  expect(hits.every((h) => h.documentId === DOCUMENT_B.document.id)).toBe(true);
  expect(await index.searchWithin(query, 3, ['no-such-report'])).toEqual([]);
});
