// Opening the embedded store's vector file: one saved earlier at an older generation with the same model is
// caught up (only the missing vectors are read), one of another model is rebuilt from every stored vector.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChunkSnapshot, ChunkVectorSource, VectorItem } from '../../embeddings/index.ts';
import { openStoreSyncedIndex } from '../../embeddings/store-synced-index.ts';

const DIMENSIONS = 8;

function item(n: number): VectorItem {
  const vector = new Float32Array(DIMENSIONS);
  vector[n % DIMENSIONS] = 1;
  vector[(n + 3) % DIMENSIONS] = 0.5;
  return { id: `chunk-${n}`, documentId: `doc-${Math.floor(n / 2)}`, vector };
}

/** A store holding `items` at `generation`, whose vectors come from `model`; counts the vectors it hands out. */
function source(state: { items: VectorItem[]; generation: number; model: string }) {
  const read = { vectors: 0 };
  const fake: ChunkVectorSource = {
    generation: async () => state.generation,
    async chunkSnapshot(wanted): Promise<ChunkSnapshot> {
      const vectors = state.items.filter((i) => wanted(i.id));
      read.vectors += vectors.length;
      return {
        generation: state.generation,
        model: state.model,
        chunks: state.items.map(({ id, documentId }) => ({ id, documentId })),
        vectors,
      };
    },
    vectorsWithin: async (documentIds) => state.items.filter((i) => documentIds.includes(i.documentId)),
  };
  return { fake, read };
}

async function openWith(dir: string, state: { items: VectorItem[]; generation: number; model: string }) {
  const { fake, read } = source(state);
  const log: string[] = [];
  const index = await openStoreSyncedIndex({ dir, dimensions: DIMENSIONS, source: fake, writable: true, log: (m) => log.push(m) });
  return { index, read, log };
}

describe('opening a vector file that is behind the store', () => {
  it('catches up a file of the same model, reading only the vectors written since it was saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-graph-synced-'));
    const first = await openWith(dir, { items: [0, 1, 2, 3].map(item), generation: 2, model: 'model-a' });
    await first.index.persist();
    await first.index.close();

    const later = await openWith(dir, { items: [0, 1, 2, 3, 4, 5].map(item), generation: 3, model: 'model-a' });
    expect(later.log.join('')).toMatch(/behind the store/);
    expect(later.read.vectors).toBe(2);
    expect((await later.index.chunkIds()).sort()).toEqual([0, 1, 2, 3, 4, 5].map((n) => `chunk-${n}`));
    expect(later.index.updatedOnOpen).toBe(true);
    await later.index.close();
  });

  it('rebuilds a file whose vectors come from another model (a reindex the writer did not save)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-graph-synced-'));
    const first = await openWith(dir, { items: [0, 1, 2, 3].map(item), generation: 2, model: 'model-a' });
    await first.index.persist();
    await first.index.close();

    const reindexed = await openWith(dir, { items: [0, 1, 2, 3].map(item), generation: 3, model: 'model-b' });
    expect(reindexed.log.join('')).toMatch(/rebuilding/);
    expect(reindexed.read.vectors).toBe(4);
    await reindexed.index.close();
  });
});
