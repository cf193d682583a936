// Extraction on a real report other than the seed (../shared/corpus/sample), so the rules are not the seed's.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractObservations } from '../../src/ingest/extract/indicators.ts';
import { normalizeWidth } from '../../src/ingest/normalize.ts';
import { corpusDocument, SHARED_DIR } from '../helpers/seed-context.ts';

const { text, context } = await corpusDocument(join(SHARED_DIR, 'corpus/sample/hangzhou-2017.md'));
const { observations, indicators, mentions } = extractObservations(context);
const find = (indicator: string, value: number) => observations.find((o) => o.indicator === indicator && o.value === value);

describe('Hangzhou 2017 report', () => {
  it("reads last year's headline results", () => {
    expect(find('地区生产总值', 11050.49)).toMatchObject({ unit: '亿元', kind: 'actual', period: '2016', comparator: '达到' });
    expect(find('地区生产总值', 9.5)).toMatchObject({ unit: '%', kind: 'growth', period: '2016' });
    expect(find('一般公共预算收入', 1402.38)).toMatchObject({ unit: '亿元', kind: 'actual', period: '2016' });
    expect(find('社会消费品零售总额', 5176.2)).toMatchObject({ kind: 'actual', period: '2016' });
  });
  it('dates figures inside a five-year comparison by the year written before each', () => {
    expect(find('地区生产总值', 7037.28)).toMatchObject({ period: '2011' });
  });
  it("reads this year's targets", () => {
    expect(find('地区生产总值', 8)).toMatchObject({ kind: 'growth_target', period: '2017', comparator: '左右' });
    expect(find('固定资产投资', 6135)).toMatchObject({ unit: '亿元', kind: 'target', period: '2017' });
  });
  it('keeps ids unique and offsets on the figures', () => {
    expect(new Set(observations.map((o) => o.id)).size).toBe(observations.length);
    for (const o of observations) expect(/\d|[一二两三四五六七八九十百千]|翻|[ⅠⅡⅢⅣⅤ]/.test(text.slice(o.charStart, o.charEnd))).toBe(true);
    // Surfaces are in the width-normalised text extractors read (（ → (), at the same offsets as the original.
    for (const m of mentions) expect(normalizeWidth(text.slice(m.charStart, m.charEnd))).toBe(m.surface);
    expect(new Set(indicators.map((i) => i.id)).size).toBe(indicators.length);
  });
  it('takes no year for a figure', () => {
    expect(observations.filter((o) => o.unit === '年' && o.value > 1900)).toEqual([]);
  });
});
