// Vector retriever: nearest chunks to the question's embedding (an English question is embedded through its
// translated Chinese terms, since the model reads Chinese).
import type { Embedder } from '../../../embeddings/embedder.ts';
import type { VectorIndex } from '../../../embeddings/index.ts';
import type { GraphReader } from '../../../graph/store.ts';
import { paragraphsOfChunks } from './paragraph-hits.ts';
import { keepScoped, SCOPED_SEARCH_DEPTH, type Retriever } from './types.ts';

export function vectorRetriever(store: GraphReader, embedder: Embedder, index: VectorIndex): Retriever {
  return {
    name: 'vector',
    async retrieve(understanding, { k, scope }) {
      const query = understanding.terms.length ? understanding.terms.join('，') : understanding.searchText;
      const found = await index.search(await embedder.embedQuery(query), scope?.size ? SCOPED_SEARCH_DEPTH : k * 3);
      const hits = keepScoped(found, scope, k * 3, k);
      const score = new Map(hits.map((h) => [h.id, h.score]));
      const chunks = await store.chunks(hits.map((h) => h.id));
      return { passages: await paragraphsOfChunks(store, chunks.map((chunk) => ({ chunk, score: score.get(chunk.id) ?? 0 })), 'cosine') };
    },
  };
}
