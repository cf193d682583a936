// Vector retriever: nearest chunks to the question's embedding (an English question is embedded through its
// translated Chinese terms, since the model reads Chinese).
import type { Embedder } from '../../../embeddings/embedder.ts';
import type { VectorIndex } from '../../../embeddings/index.ts';
import type { GraphReader } from '../../../graph/store.ts';
import { paragraphsOfChunks } from './paragraph-hits.ts';
import type { Retriever } from './types.ts';

export function vectorRetriever(store: GraphReader, embedder: Embedder, index: VectorIndex): Retriever {
  return {
    name: 'vector',
    async retrieve(understanding, { k, scope }) {
      const query = understanding.terms.length ? understanding.terms.join('，') : understanding.searchText;
      const vector = await embedder.embedQuery(query);
      // Inside the named reports exactly (among 150,000 chunks a report's best may not be in the nearest
      // hundreds), and the best few of the others, best first.
      const hits = scope?.size
        ? await Promise.all([index.searchWithin(vector, k * 3, [...scope]), index.search(vector, k * 3)]).then(([inside, everywhere]) =>
            [...inside, ...everywhere.filter((h) => !scope.has(h.documentId)).slice(0, k)].sort((a, b) => b.score - a.score),
          )
        : await index.search(vector, k * 3);
      const score = new Map(hits.map((h) => [h.id, h.score]));
      const chunks = await store.chunks(hits.map((h) => h.id));
      return {
        passages: await paragraphsOfChunks(
          store,
          chunks.map((chunk) => ({ chunk, score: score.get(chunk.id) ?? 0 })),
          'cosine',
        ),
      };
    },
  };
}
