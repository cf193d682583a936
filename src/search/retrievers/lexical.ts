// Lexical retriever: the store's own full-text index (BM25 over jieba tokens and CJK bigrams).
import type { GraphStore } from '../../../graph/store.ts';
import type { Retriever } from './types.ts';

export function lexicalRetriever(store: GraphStore): Retriever {
  return {
    name: 'lexical',
    async retrieve(understanding, { k }) {
      const hits = await store.searchText(understanding.searchText, k * 3);
      return {
        passages: hits.map(({ paragraph: p, score }) => ({
          paragraphId: p.id, documentId: p.documentId, taskId: p.taskId, text: p.text, charStart: p.charStart, charEnd: p.charEnd, score, via: 'bm25',
        })),
      };
    },
  };
}
