// Reindex use case (CLI `reindex`): re-embeds every stored chunk with the current embedder, as the data folder's
// only writer; saving the vector index then rebuilds it from the new vectors (the stored model changed).
import type { Embedder } from '../../embeddings/embedder.ts';
import type { VectorIndex } from '../../embeddings/index.ts';
import type { GraphStore } from '../../graph/store.ts';
import { reindexVectors } from '../ingest/reindex.ts';
import type { WriteLock } from '../locks/write-lock.ts';

export interface ReindexDeps {
  store: GraphStore;
  embedder: Embedder;
  index: VectorIndex;
  lock: WriteLock;
}

export function reindex(deps: ReindexDeps, onProgress?: (done: number, total: number) => void) {
  return deps.lock.run(async () => {
    const report = await reindexVectors(deps.store, deps.embedder, onProgress);
    await deps.index.persist(await deps.store.generation());
    return report;
  });
}
