// The report as lines (non-blank, trimmed, with absolute offsets), and the line patterns every layout uses.
import type { CharSpan } from '../read.ts';

export interface Line {
  start: number;
  /** Exclusive, before the newline. */
  end: number;
  /** Width-normalised content. */
  raw: string;
  /** The whole line was bold or a heading in the source markup. */
  bold: boolean;
  /** End of a bold run that opens the line and stops before its end (**加快科技创新。**全年…), else null. */
  boldLeadEnd: number | null;
}

export const CN = '[一二三四五六七八九十百零]';
export const PART = new RegExp(`^\\s*(?:第(${CN}+)部分[、,:. ]?|(${CN}+)\\s*[、.])\\s*(.+)$`);
/** （一）…; the opening bracket may be lost with a line's first character in a damaged source (二）推进…). */
export const SECTION = new RegExp(`^\\s*[(（]?(${CN}+)[)）]\\s*(.+)$`);

/** A heading line is short and does not read as running text. */
const MAX_HEADING_CHARS = 48;

export function isHeadingOnly(body: string): boolean {
  const trimmed = body.trim();
  if (trimmed.length > MAX_HEADING_CHARS) return false;
  const stop = trimmed.search(/[。;!?]/);
  return stop < 0 || stop === trimmed.length - 1;
}

export function splitLines(normalized: string, boldLines: CharSpan[], boldLeads: CharSpan[] = []): Line[] {
  const lines: Line[] = [];
  const boldStarts = new Set(boldLines.map((b) => b.charStart));
  const leadEnds = new Map(boldLeads.map((b) => [b.charStart, b.charEnd]));
  let start = 0;
  while (start <= normalized.length) {
    let end = normalized.indexOf('\n', start);
    if (end < 0) end = normalized.length;
    const raw = normalized.slice(start, end);
    if (raw.trim()) {
      const s = start + raw.length - raw.trimStart().length;
      const e = end - (raw.length - raw.trimEnd().length);
      const bold = boldStarts.has(start) || boldStarts.has(s);
      const leadEnd = leadEnds.get(start) ?? leadEnds.get(s) ?? null;
      lines.push({
        start: s,
        end: e,
        raw: normalized.slice(s, e),
        bold,
        boldLeadEnd: !bold && leadEnd !== null && leadEnd < e ? leadEnd : null,
      });
    }
    start = end + 1;
  }
  return lines;
}
