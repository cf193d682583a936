// Breaks absurdly long lines — a whole report pasted onto one line, or a hostile multi-megabyte line — after a
// sentence end. Every later stage takes a line for a paragraph and some of them grow faster than linearly with
// paragraph length, so one 2 MB line would stall an ingest for many minutes. Real report paragraphs stay far
// below the limit (the longest in 1,659 reports but one is under 12,000 characters), so they pass untouched.
import type { ConvertedText } from './converted.ts';
import { mapToSource, type SourceMap } from './mapped-text.ts';

export const MAX_LINE_CHARS = 12_000;
/** A break is looked for in the last part of each window, so the pieces stay long enough to be paragraphs. */
const MIN_PIECE_CHARS = MAX_LINE_CHARS / 2;

const SENTENCE_END = /[。！？!?；;]/;
const CLAUSE_END = /[，,、：:\s]/;

/** The text with a line break inserted wherever a line would exceed MAX_LINE_CHARS; the map and bold lines follow. */
export function breakLongLines(converted: ConvertedText): ConvertedText {
  const breaks = breakPositions(converted.text);
  if (breaks.length === 0) return converted;
  const { text } = converted;
  const pieces: string[] = [];
  let from = 0;
  for (const position of breaks) {
    pieces.push(text.slice(from, position));
    from = position;
  }
  pieces.push(text.slice(from));
  const shift = (offset: number, inclusive: boolean): number => offset + countBreaks(breaks, offset, inclusive);
  return {
    text: pieces.join('\n'),
    sourceMap: shiftedSourceMap(converted.sourceMap, breaks),
    // A line long enough to be broken is never a heading.
    boldLines: converted.boldLines
      .filter((span) => countBreaks(breaks, span.charEnd, false) === countBreaks(breaks, span.charStart, true))
      .map((span) => ({ charStart: shift(span.charStart, true), charEnd: shift(span.charEnd, true) })),
    boldLeads: converted.boldLeads
      ?.filter((span) => countBreaks(breaks, span.charEnd, false) === countBreaks(breaks, span.charStart, true))
      .map((span) => ({ charStart: shift(span.charStart, true), charEnd: shift(span.charEnd, true) })),
    frontMatter: converted.frontMatter,
  };
}

/** Offsets (in the unbroken text) of the characters that start a new line. */
function breakPositions(text: string): number[] {
  const positions: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let start = lineStart;
    while (lineEnd - start > MAX_LINE_CHARS) {
      const position = breakWithin(text, start);
      positions.push(position);
      start = position;
    }
    lineStart = lineEnd + 1;
  }
  return positions;
}

/** Where to end the piece that starts at `start`: after a sentence end, else after a clause end, else hard. */
function breakWithin(text: string, start: number): number {
  const window = text.slice(start + MIN_PIECE_CHARS, start + MAX_LINE_CHARS);
  for (const boundary of [SENTENCE_END, CLAUSE_END]) {
    for (let i = window.length - 1; i >= 0; i--) {
      if (boundary.test(window[i] ?? '')) return start + MIN_PIECE_CHARS + i + 1;
    }
  }
  const hard = start + MAX_LINE_CHARS;
  // Never between the two halves of a surrogate pair.
  return /[\ud800-\udbff]/.test(text[hard - 1] ?? '') ? hard - 1 : hard;
}

/** Breaks at positions ≤ offset (inclusive) or < offset. */
function countBreaks(breaks: number[], offset: number, inclusive: boolean): number {
  let count = 0;
  for (const position of breaks) {
    if (position < offset || (inclusive && position === offset)) count++;
    else break;
  }
  return count;
}

/** Each inserted line break stands for the source position of the character it precedes. */
function shiftedSourceMap(sourceMap: SourceMap, breaks: number[]): SourceMap {
  const points: SourceMap = sourceMap.map(([t, s]) => [t + countBreaks(breaks, t, true), s]);
  breaks.forEach((position, index) => {
    const source = mapToSource(sourceMap, position);
    points.push([position + index, source], [position + index + 1, source]);
  });
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const compact: SourceMap = [];
  for (const [t, s] of points) {
    const last = compact[compact.length - 1];
    if (last !== undefined && last[0] === t) {
      last[1] = Math.max(last[1], s);
      continue;
    }
    if (last !== undefined && last[1] + (t - last[0]) === s) continue;
    compact.push([t, s]);
  }
  return compact;
}
