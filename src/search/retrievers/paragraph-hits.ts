// Chunk hits cited as their paragraphs: every retriever then returns the same unit (the paragraph the graph
// and the full-text index work on), so fusion, highlighting and citations agree whichever retriever found it.
import type { GraphReader } from '../../../graph/store.ts';
import { defined } from '../../domain/defined.ts';
import type { Chunk } from '../../domain/schemas.ts';
import type { RetrievedPassage } from './types.ts';

/** Paragraphs of the chunks, best first, each at the score of its best chunk. */
export async function paragraphsOfChunks(
  store: GraphReader,
  hits: Array<{ chunk: Chunk; score: number }>,
  via: string,
): Promise<RetrievedPassage[]> {
  const best = new Map<string, number>();
  for (const { chunk, score } of hits) if (!best.has(chunk.paragraphId)) best.set(chunk.paragraphId, score);
  const paragraphs = await store.paragraphs([...best.keys()]);
  return paragraphs.map((p) => ({
    paragraphId: p.id,
    documentId: p.documentId,
    taskId: p.taskId,
    text: p.text,
    charStart: p.charStart,
    charEnd: p.charEnd,
    score: defined(best.get(p.id), 'score of a hit paragraph'),
    via,
  }));
}
