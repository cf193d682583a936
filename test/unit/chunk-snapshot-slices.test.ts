// The embedded store reads a vector index's snapshot of chunk ids in slices, giving the event loop a turn between
// them (50,000 ids read at once held it 0.3 s after a large upload). A write committed between two slices may show
// in the ids but never in the generation, so an index that caught up from such a snapshot looks again and ends up
// holding exactly the store's chunks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStoreSyncedIndex } from '../../embeddings/store-synced-index.ts';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import type { DocumentGraph } from '../../src/domain/schemas.ts';
import { buildDocumentGraph } from '../../src/ingest/pipeline.ts';
import { readDocument } from '../../src/ingest/read.ts';

const DIMENSIONS = 4;
const NO_TIMINGS = { read: 0, structure: 0, extract: 0, embed: 0, write: 0 };

/** A report of `lines` one-line paragraphs: one chunk each. */
async function reportGraph(dir: string, name: string, lines: number): Promise<DocumentGraph> {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, Array.from({ length: lines }, (_, i) => `${name}第${i}段，推进改革。`).join('\n'));
  return buildDocumentGraph(await readDocument(file), NO_TIMINGS);
}

const vectorsOf = (graph: DocumentGraph) => graph.chunks.map((_, i) => Float32Array.from([1, i % 7, (i % 5) + 1, 0.5]));

describe('a chunk snapshot read in slices', () => {
  it('never reports a generation newer than the ids it read, and the index settles on the store’s chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-graph-snapshot-'));
    const store = openEmbeddedStore(join(dir, 'data'));
    try {
      const large = await reportGraph(dir, 'large', 12_000);
      expect(large.chunks.length).toBeGreaterThan(10_000);
      await store.writeDocument(large, vectorsOf(large));
      const before = await store.generation();

      // The snapshot reads its first slice, then yields; the write commits before its next slice.
      const small = await reportGraph(dir, 'small', 3);
      const snapshotRead = store.chunkSnapshot(() => false);
      await store.writeDocument(small, vectorsOf(small));
      const snapshot = await snapshotRead;

      expect(snapshot.generation).toBe(before);
      expect(await store.generation()).toBeGreaterThan(before);
      // Whether the small report's ids show depends on where they sort against the slice read before the write.
      expect(snapshot.chunks.map((c) => c.id)).toEqual(expect.arrayContaining(large.chunks.map((c) => c.id)));

      const index = await openStoreSyncedIndex({ dir: join(dir, 'vectors'), dimensions: DIMENSIONS, source: store, writable: true });
      try {
        const stored = (store.db.prepare('SELECT id FROM chunks WHERE vector IS NOT NULL').all() as Array<{ id: string }>).map((r) => r.id);
        expect((await index.chunkIds()).sort()).toEqual(stored.sort());
        expect(index.generation).toBe(await store.generation());
      } finally {
        await index.close();
      }
    } finally {
      await store.close();
    }
  }, 60_000);
});
