import { describe, expect, it } from 'vitest';
import { statementPeriod } from '../../src/ingest/extract/indicators/periods.ts';
import { numeralYearsAsDigits } from '../../src/ingest/normalize.ts';

describe('years written in Chinese numerals', () => {
  it('become four digits in place, so offsets still hold', () => {
    const text = '工业总产值一九七七年比一九七六年增长百分之十四点三，二〇二〇年目标';
    const read = numeralYearsAsDigits(text);
    expect(read).toBe('工业总产值1977年比1976年增长百分之十四点三，2020年目标');
    expect(read.length).toBe(text.length);
  });

  it('leave numerals that are no year alone', () => {
    for (const text of ['一二三四年', '十一五期间', '一九七八', '三千二百年']) expect(numeralYearsAsDigits(text)).toBe(text);
  });
});

describe('the period of a dated change', () => {
  const plan = { mode: 'plan' as const, start: 1979, end: 1979 };
  const lastYear = { mode: 'review' as const, start: 1982, end: 1982 };
  it('is the first year of "A年比B年"', () => {
    expect(statementPeriod(plan, '工业总产值1977年比1976年增长百分之十四点三', 1979)).toBe('1977');
    expect(statementPeriod(plan, '1978年又比1977年增长百分之十三点五', 1979)).toBe('1978');
  });

  it('is the reviewed year for a change over the year before it, a span for an older base', () => {
    expect(statementPeriod(lastYear, '比1981年增长百分之十五点五', 1983)).toBe('1982');
    // The base year's own change is not in the span: 1978 to 1982.
    expect(statementPeriod({ mode: 'review', start: 1978, end: 1982 }, '比1977年增长百分之七十二点八', 1983)).toBe('1978-1982');
  });
});
