// Splits decoded text into lines, recognising \n, \r\n and lone \r, and writes line terminators as a single
// \n into the clean text while keeping the source map exact.
import type { MappedTextBuilder } from './mapped-text.ts';

export interface SourceLine {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the line's content (where its terminator begins). */
  end: number;
  /** Offset of the next line (end of the terminator); equals `end` on the last line without terminator. */
  next: number;
}

export function splitLines(source: string, from = 0): SourceLine[] {
  const lines: SourceLine[] = [];
  const terminator = /\r\n?|\n/g;
  terminator.lastIndex = from;
  let start = from;
  for (let match = terminator.exec(source); match !== null; match = terminator.exec(source)) {
    lines.push({ start, end: match.index, next: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  if (start < source.length) lines.push({ start, end: source.length, next: source.length });
  return lines;
}

/** Writes the line's terminator as \n: the \n of \r\n is copied, a lone \r becomes \n. */
export function emitLineBreak(builder: MappedTextBuilder, source: string, line: SourceLine): void {
  if (line.next === line.end) return;
  if (source[line.next - 1] === '\n') builder.copy(source, line.next - 1, line.next);
  else builder.insert('\n', line.end);
}
