// Spans of a passage to highlight: where it names a linked entity, a translated term or a word of the question.
export interface MatchedSpan {
  /** Offsets into the passage text, half-open. */
  start: number;
  end: number;
  text: string;
}

/** Longest terms claim their characters first, so 千岛湖风景区 is one span rather than 千岛湖 + 风景区. */
export function matchedSpans(text: string, terms: string[]): MatchedSpan[] {
  const lower = text.toLowerCase();
  const taken: boolean[] = new Array(text.length).fill(false);
  const spans: MatchedSpan[] = [];
  for (const term of [...new Set(terms.map((t) => t.toLowerCase()).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length)) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
      if (taken.slice(at, at + term.length).some(Boolean)) continue;
      for (let i = at; i < at + term.length; i++) taken[i] = true;
      spans.push({ start: at, end: at + term.length, text: text.slice(at, at + term.length) });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
