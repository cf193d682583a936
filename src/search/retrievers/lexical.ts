// Lexical retriever: the store's own full-text index (BM25 over jieba tokens and CJK bigrams).
import type { GraphStore } from '../../../graph/store.ts';
import { keepScoped, SCOPED_SEARCH_DEPTH, type Retriever } from './types.ts';

export function lexicalRetriever(store: GraphStore): Retriever {
  return {
    name: 'lexical',
    async retrieve(understanding, { k, scope }) {
      const found = await store.searchText(understanding.searchText, scope?.size ? SCOPED_SEARCH_DEPTH : k * 3);
      const hits = keepScoped(found.map((h) => ({ ...h, documentId: h.paragraph.documentId })), scope, k * 3, k);
      return {
        passages: hits.map(({ paragraph: p, score }) => ({
          paragraphId: p.id, documentId: p.documentId, taskId: p.taskId, text: p.text, charStart: p.charStart, charEnd: p.charEnd, score, via: 'bm25',
        })),
      };
    },
  };
}
