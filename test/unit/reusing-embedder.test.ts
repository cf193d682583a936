// Passages embedded before by the same model are taken from where they are kept; only the rest reach the model,
// and vectors of another model are refused rather than mixed into one index.
import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../embeddings/embedder.ts';
import { type PassageVectorLookup, ReusingEmbedder } from '../../embeddings/reusing-embedder.ts';

function countingModel(modelId = 'model-a'): Embedder & { embedded: string[] } {
  const embedded: string[] = [];
  return {
    mode: 'semantic',
    dimensions: 2,
    modelId,
    embedded,
    async embedPassages(texts) {
      embedded.push(...texts);
      return texts.map(() => Float32Array.from([0, 1]));
    },
    embedQuery: async () => Float32Array.from([1, 1]),
    close: async () => {},
  };
}

function lookup(kept: Record<string, number[]>, modelId = 'model-a'): PassageVectorLookup & { closed: boolean } {
  return {
    modelId,
    closed: false,
    vectorsOf: async (texts) => texts.map((t) => (kept[t] ? Float32Array.from(kept[t]) : undefined)),
    async close() {
      this.closed = true;
    },
  };
}

describe('an embedder reusing kept vectors', () => {
  it('takes kept passages from the lookup, embeds only the others, in the order asked', async () => {
    const model = countingModel();
    const embedder = new ReusingEmbedder(model, lookup({ 甲: [1, 0] }));
    const vectors = await embedder.embedPassages(['乙', '甲', '丙']);
    expect(vectors.map((v) => [...v])).toEqual([
      [0, 1],
      [1, 0],
      [0, 1],
    ]);
    expect(model.embedded).toEqual(['乙', '丙']);
    expect(embedder.counts).toEqual({ reused: 1, embedded: 2 });
  });

  it('embeds again a kept vector of other dimensions', async () => {
    const model = countingModel();
    const embedder = new ReusingEmbedder(model, lookup({ 甲: [1, 0, 0] }));
    await embedder.embedPassages(['甲']);
    expect(model.embedded).toEqual(['甲']);
  });

  it('refuses vectors of another model', () => {
    expect(() => new ReusingEmbedder(countingModel('model-a'), lookup({}, 'model-b'))).toThrow(/model-b.*model-a/);
  });

  it('closes the lookup with the model', async () => {
    const kept = lookup({});
    await new ReusingEmbedder(countingModel(), kept).close();
    expect(kept.closed).toBe(true);
  });
});
