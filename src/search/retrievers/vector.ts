// Vector retriever: nearest chunks to the question's embedding (an English question is embedded through its
// translated Chinese terms, since the model reads Chinese).
import type { Embedder } from '../../../embeddings/embedder.ts';
import type { VectorIndex } from '../../../embeddings/index.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { paragraphsOfChunks } from './paragraph-hits.ts';
import type { Retriever } from './types.ts';

export function vectorRetriever(store: GraphStore, embedder: Embedder, index: VectorIndex): Retriever {
  return {
    name: 'vector',
    async retrieve(understanding, { k }) {
      const query = understanding.terms.length ? understanding.terms.join('，') : understanding.question;
      const hits = await index.search(await embedder.embedQuery(query), k * 3);
      const score = new Map(hits.map((h) => [h.id, h.score]));
      const chunks = await store.chunks(hits.map((h) => h.id));
      return { passages: await paragraphsOfChunks(store, chunks.map((chunk) => ({ chunk, score: score.get(chunk.id) ?? 0 })), 'cosine') };
    },
  };
}
