// Re-embeds every stored chunk with the current embedder: needed when the store's vectors came from another
// model (for example the lexical fallback, before the real model was fetched). All or nothing.
import type { Embedder } from '../../embeddings/embedder.ts';
import type { GraphStore } from '../../graph/store.ts';
import { defined } from '../domain/defined.ts';

const BATCH = 256;

export async function reindexVectors(store: GraphStore, embedder: Embedder, onProgress: (done: number, total: number) => void = () => {}) {
  const started = performance.now();
  const ids: string[] = [];
  for await (const item of store.chunkVectors()) ids.push(item.id);
  const vectors: Array<{ id: string; vector: Float32Array }> = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    onProgress(i, ids.length);
    const chunks = await store.chunks(ids.slice(i, i + BATCH));
    const embedded = await embedder.embedPassages(chunks.map((c) => c.text));
    chunks.forEach((c, k) => void vectors.push({ id: c.id, vector: defined(embedded[k], 'vector of a chunk') }));
  }
  onProgress(ids.length, ids.length);
  const previous = await store.embeddingModel();
  await store.replaceChunkVectors(embedder.modelId, vectors);
  return { chunks: vectors.length, from: previous, to: embedder.modelId, ms: Math.round(performance.now() - started) };
}

/** Why stored vectors cannot be searched with this embedder, or null when they can. */
export async function vectorModelMismatch(store: GraphStore, embedder: Embedder): Promise<string | null> {
  const stored = await store.embeddingModel();
  return stored && stored !== embedder.modelId
    ? `the stored vectors come from ${stored}, not ${embedder.modelId}: run \`policy-graph reindex\``
    : null;
}
