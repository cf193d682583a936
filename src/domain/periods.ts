// Periods as the graph states them: one year ("2017") or a span of years ("2017-2021").
export interface YearSpan {
  start: number;
  end: number;
}

export function parsePeriod(period: string | null | undefined): YearSpan | null {
  const match = /^((?:19|20)\d{2})(?:-((?:19|20)\d{2}))?$/.exec(period ?? '');
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : start;
  return start <= end ? { start, end } : null;
}

export function isSpan(span: YearSpan): boolean {
  return span.end > span.start;
}

export function overlaps(a: YearSpan, b: YearSpan): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** How a period reads in a reason: 2017年 or 2017-2021年. */
export function periodLabel(span: YearSpan, language: 'zh' | 'en'): string {
  if (language === 'en') return isSpan(span) ? `${span.start}–${span.end}` : String(span.start);
  return isSpan(span) ? `${span.start}-${span.end}年` : `${span.start}年`;
}
