// Peer baseline: MiniSearch (an off-the-shelf BM25 library) over the same chunks as the vector index, with
// the same jieba tokens and CJK bigrams as the store's full-text index — what a plain full-text engine gives.
import MiniSearch from 'minisearch';
import type { ChunkVectorStore, GraphReader } from '../../../graph/store.ts';
import type { Chunk } from '../../domain/schemas.ts';
import { lexicalTokens, queryTokens } from '../../text/tokenize.ts';
import { paragraphsOfChunks } from './paragraph-hits.ts';
import { keepScoped, type Retriever } from './types.ts';

interface BuiltIndex {
  generation: number;
  search: MiniSearch<{ id: string; text: string }>;
  chunks: Map<string, Chunk>;
}

/** One in-memory index per store, rebuilt when the store's generation changes. */
const built = new WeakMap<GraphReader & ChunkVectorStore, BuiltIndex>();

const CHUNK_BATCH = 500;

async function allChunks(store: GraphReader & ChunkVectorStore): Promise<Chunk[]> {
  const ids: string[] = [];
  for await (const { id } of store.chunkVectors()) ids.push(id);
  const chunks: Chunk[] = [];
  for (let at = 0; at < ids.length; at += CHUNK_BATCH) chunks.push(...(await store.chunks(ids.slice(at, at + CHUNK_BATCH))));
  return chunks;
}

async function miniSearchIndex(store: GraphReader & ChunkVectorStore): Promise<BuiltIndex> {
  const generation = await store.generation();
  const cached = built.get(store);
  if (cached?.generation === generation) return cached;
  const chunks = await allChunks(store);
  const search = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    tokenize: lexicalTokens,
    processTerm: (term) => term,
    searchOptions: { tokenize: queryTokens, processTerm: (term) => term, combineWith: 'OR' },
  });
  search.addAll(chunks.map((c) => ({ id: c.id, text: c.text })));
  const fresh = { generation, search, chunks: new Map(chunks.map((c) => [c.id, c])) };
  built.set(store, fresh);
  return fresh;
}

export function miniSearchRetriever(store: GraphReader & ChunkVectorStore): Retriever {
  return {
    name: 'minisearch',
    async retrieve(understanding, { k, scope }) {
      const index = await miniSearchIndex(store);
      const found = index.search.search(understanding.searchText).flatMap((h) => {
        const chunk = index.chunks.get(h.id as string);
        return chunk ? [{ chunk, score: h.score, documentId: chunk.documentId }] : [];
      });
      const chunks = keepScoped(found, scope, k * 3, k);
      return { passages: await paragraphsOfChunks(store, chunks, 'minisearch bm25') };
    },
  };
}
