// Paragraph-based chunks for embedding: short paragraphs stay whole; long ones are cut at sentence
// boundaries with one sentence of overlap, so every vector hit cites an exact span of the document.
import { defined } from '../domain/defined.ts';
import { stableId } from '../domain/ids.ts';
import type { Chunk, Paragraph } from '../domain/schemas.ts';

export const MAX_CHUNK_CHARS = 360;

export function chunkParagraphs(paragraphs: Paragraph[], documentText: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const p of paragraphs) {
    const make = (charStart: number, charEnd: number): Chunk => ({
      id: stableId('chk', p.documentId, charStart, charEnd),
      documentId: p.documentId,
      paragraphId: p.id,
      sectionPath: p.sectionPath,
      taskId: p.taskId,
      text: documentText.slice(charStart, charEnd),
      charStart,
      charEnd,
    });
    if (p.charEnd - p.charStart <= MAX_CHUNK_CHARS || p.sentences.length <= 1) {
      chunks.push(make(p.charStart, p.charEnd));
      continue;
    }
    const sentenceAt = (i: number) => defined(p.sentences[i], 'sentence of a paragraph');
    let first = 0;
    while (first < p.sentences.length) {
      let last = first;
      while (last + 1 < p.sentences.length && sentenceAt(last + 1).charEnd - sentenceAt(first).charStart <= MAX_CHUNK_CHARS) last++;
      chunks.push(make(sentenceAt(first).charStart, sentenceAt(last).charEnd));
      if (last + 1 >= p.sentences.length) break;
      // Overlap by one sentence, unless the window held a single sentence.
      first = last > first ? last : last + 1;
    }
  }
  return chunks;
}
