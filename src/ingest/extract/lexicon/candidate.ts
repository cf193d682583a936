// A name found in the text before resolution: what it is, where it is and which rule found it.
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
 * Keeps the best of candidates that compete for the same text: exact duplicates and crossing spans go to the
 * higher priority (then the longer); candidates nested inside others are kept, since a longer name can
 * mention a shorter one (东钱湖旅游度假区 mentions 东钱湖).
 */
export function resolveCrossings(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  const keptByParagraph = new Map<string, Candidate[]>();
  for (const candidate of ordered) {
    const neighbours = keptByParagraph.get(candidate.paragraphId) ?? [];
    const conflict = neighbours.some(
      (k) =>
        (k.start === candidate.start && k.end === candidate.end) ||
        (spansOverlap(k, candidate) && !spanContains(k, candidate) && !spanContains(candidate, k)),
    );
    if (conflict) continue;
    kept.push(candidate);
    keptByParagraph.set(candidate.paragraphId, [...neighbours, candidate]);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
