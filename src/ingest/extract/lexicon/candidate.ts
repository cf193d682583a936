// A name found in the text before resolution: what it is, where it is and which rule found it.
import { defined } from '../../../domain/defined.ts';
import type { ExtractionContext, ExtractionParagraph } from '../context.ts';

export type ExtractedType = 'place' | 'project' | 'initiative' | 'organization';

export interface Candidate {
  type: ExtractedType;
  kind: string | null;
  /** The name this occurrence supports (quotes and parenthetical notes removed); resolution keys it. */
  name: string;
  /** Absolute half-open span of the surface text. */
  start: number;
  end: number;
  paragraphId: string;
  /** The rule that produced it; overlap resolution prefers higher priorities. */
  rule: string;
  priority: number;
  /** Further names of the same entity stated here (“地票”改革 → 地票改革). */
  aliases?: string[];
  /** Administrative code from the gazetteer (GB/T 2260, nine digits for townships). */
  code?: string;
  /** Names of the parts of a bundle (六大战略 → 产业集群, 创新驱动, …). */
  parts?: string[];
}

/** Paragraph-relative match turned into a candidate with absolute offsets. */
export function candidateAt(
  paragraph: ExtractionParagraph,
  localStart: number,
  localEnd: number,
  fields: Omit<Candidate, 'start' | 'end' | 'paragraphId'>,
): Candidate {
  return { ...fields, start: paragraph.charStart + localStart, end: paragraph.charStart + localEnd, paragraphId: paragraph.id };
}

export function spanContains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * The spans of `sorted` (ordered by start) that lie inside `span`, in that order: a binary search finds the first
 * starting at or after its start, and only the run starting inside it is looked at (a scan of all was quadratic).
 */
export function spansInside<T extends { start: number; end: number }>(sorted: readonly T[], span: { start: number; end: number }): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (defined(sorted[middle], 'span at a search index').start < span.start) low = middle + 1;
    else high = middle;
  }
  const inside: T[] = [];
  for (let i = low; i < sorted.length; i++) {
    const candidate = sorted[i];
    if (candidate === undefined || candidate.start >= span.end) break;
    if (spanContains(span, candidate)) inside.push(candidate);
  }
  return inside;
}

export function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Positions of every occurrence of `needle` in every paragraph. */
export function* occurrences(ctx: ExtractionContext, needle: string): Generator<{ paragraph: ExtractionParagraph; index: number }> {
  if (!needle) return;
  for (const paragraph of ctx.paragraphs) {
    let index = paragraph.text.indexOf(needle);
    while (index >= 0) {
      yield { paragraph, index };
      index = paragraph.text.indexOf(needle, index + needle.length);
    }
  }
}

/**
 * Spans kept so far, found by overlap in time proportional to the longest span rather than to how many are kept
 * (a paragraph of thousands of names made a list scan quadratic).
 */
export class SpanSet<T extends { start: number; end: number }> {
  private readonly byStart = new Map<number, T[]>();
  private longest = 0;

  add(span: T): void {
    const list = this.byStart.get(span.start);
    if (list) list.push(span);
    else this.byStart.set(span.start, [span]);
    this.longest = Math.max(this.longest, span.end - span.start);
  }

  /** Whether a kept span overlapping [start, end) passes the test. */
  someOverlapping(span: { start: number; end: number }, test: (kept: T) => boolean): boolean {
    for (let at = span.start - this.longest + 1; at < span.end; at++) {
      for (const kept of this.byStart.get(at) ?? []) if (spansOverlap(kept, span) && test(kept)) return true;
    }
    return false;
  }
}

/**
 * Keeps the best of candidates that compete for the same text: exact duplicates and crossing spans go to the
 * higher priority (then the longer); candidates nested inside others are kept, since a longer name can
 * mention a shorter one (东钱湖旅游度假区 mentions 东钱湖).
 */
export function resolveCrossings(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  const keptByParagraph = new Map<string, SpanSet<Candidate>>();
  for (const candidate of ordered) {
    let neighbours = keptByParagraph.get(candidate.paragraphId);
    if (!neighbours) {
      neighbours = new SpanSet();
      keptByParagraph.set(candidate.paragraphId, neighbours);
    }
    const conflict = neighbours.someOverlapping(
      candidate,
      (k) => (k.start === candidate.start && k.end === candidate.end) || (!spanContains(k, candidate) && !spanContains(candidate, k)),
    );
    if (conflict) continue;
    kept.push(candidate);
    neighbours.add(candidate);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
