// Lexical retriever: the store's own full-text index (BM25 over jieba tokens and CJK bigrams).
import type { GraphReader, TextSearch } from '../../../graph/store.ts';
import type { Retriever } from './types.ts';

export function lexicalRetriever(store: GraphReader & TextSearch): Retriever {
  return {
    name: 'lexical',
    async retrieve(understanding, { k, scope }) {
      // Within the named reports first (the store filters before ranking), then the best of the others.
      const [inScope, everywhere] = await Promise.all([
        scope?.size ? store.searchText(understanding.searchText, k * 3, { documentIds: [...scope] }) : Promise.resolve([]),
        store.searchText(understanding.searchText, scope?.size ? k : k * 3),
      ]);
      const seen = new Set(inScope.map((h) => h.paragraph.id));
      const hits = [...inScope, ...everywhere.filter((h) => !seen.has(h.paragraph.id))].sort((a, b) => b.score - a.score);
      return {
        passages: hits.map(({ paragraph: p, score }) => ({
          paragraphId: p.id,
          documentId: p.documentId,
          taskId: p.taskId,
          text: p.text,
          charStart: p.charStart,
          charEnd: p.charEnd,
          score,
          via: 'bm25',
        })),
      };
    },
  };
}
