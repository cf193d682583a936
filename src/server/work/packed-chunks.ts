// An upload's chunk ids and texts as two strings with end offsets, for the trip from the reading worker to the
// main thread: 40,000 small chunk objects took 150–400 ms of the main thread to copy in (structured clone), two
// strings and two offset arrays take milliseconds, and slicing them back is cheap.
import { defined } from '../../domain/defined.ts';
import type { DocumentOutline } from '../../ingest/pipeline.ts';

type OutlineChunk = DocumentOutline['chunks'][number];

export interface PackedChunks {
  documentId: string;
  ids: string;
  idEnds: Uint32Array<ArrayBuffer>;
  texts: string;
  textEnds: Uint32Array<ArrayBuffer>;
}

function joined(values: string[]): { text: string; ends: Uint32Array<ArrayBuffer> } {
  const ends = new Uint32Array(values.length);
  let end = 0;
  values.forEach((value, i) => {
    end += value.length;
    ends[i] = end;
  });
  return { text: values.join(''), ends };
}

function split(text: string, ends: Uint32Array): string[] {
  const values: string[] = [];
  let start = 0;
  for (const end of ends) {
    values.push(text.slice(start, end));
    start = end;
  }
  return values;
}

/** The chunks of one document (all share its id). */
export function packChunks(documentId: string, chunks: OutlineChunk[]): PackedChunks {
  if (chunks.some((c) => c.documentId !== documentId)) throw new Error(`a chunk of another document than ${documentId}`);
  const ids = joined(chunks.map((c) => c.id));
  const texts = joined(chunks.map((c) => c.text));
  return { documentId, ids: ids.text, idEnds: ids.ends, texts: texts.text, textEnds: texts.ends };
}

export function unpackChunks(packed: PackedChunks): OutlineChunk[] {
  const texts = split(packed.texts, packed.textEnds);
  return split(packed.ids, packed.idEnds).map((id, i) => ({
    id,
    documentId: packed.documentId,
    text: defined(texts[i], 'text of a packed chunk'),
  }));
}
