// Periods: what a draft's claims are dated (its own year, 今后五年, deadlines) and which prior figures each
// is held against (the latest annual target before it, the multi-year targets covering it, the latest result).
import { describe, expect, it } from 'vitest';
import { draftYear, extractClaims, type FigureClaim } from '../../src/consistency/claims.ts';
import { judgeFigure } from '../../src/consistency/compare.ts';
import { overlaps, parsePeriod } from '../../src/domain/periods.ts';
import type { Observation } from '../../src/domain/schemas.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

function prior(fields: Partial<Observation>): Observation {
  return {
    id: `o${Math.random()}`,
    indicatorId: 'i',
    indicator: '新增上市公司',
    value: 0,
    unit: '家',
    kind: 'target',
    period: '2017',
    comparator: null,
    documentId: 'd',
    paragraphId: 'p',
    text: '',
    charStart: 0,
    charEnd: 1,
    ...fields,
  };
}

/** A draft's target for new listed companies over a period. */
function listings(period: string, value: number): FigureClaim {
  return {
    id: 'c1',
    kind: 'quantity',
    text: '',
    charStart: 0,
    charEnd: 1,
    subject: '新增上市公司',
    period,
    value,
    unit: '家',
    observationKind: 'target',
    comparator: null,
    flow: true,
  };
}

describe('periods', () => {
  it('parses one year and a span of years', () => {
    expect(parsePeriod('2017')).toEqual({ start: 2017, end: 2017 });
    expect(parsePeriod('2017-2021')).toEqual({ start: 2017, end: 2021 });
    expect(parsePeriod('unknown')).toBeNull();
    expect(overlaps({ start: 2018, end: 2022 }, { start: 2017, end: 2021 })).toBe(true);
    expect(overlaps({ start: 2022, end: 2022 }, { start: 2017, end: 2021 })).toBe(false);
  });

  it('takes the first year a draft speaks of as its year, not a deadline', () => {
    expect(draftYear('到2020年建成。2018年新建公路80公里。')).toBe(2018);
    expect(draftYear('今后五年新增上市公司5家。')).toBeNull();
  });

  it('dates claims: the draft year, a stated year, and 今后五年 as the five years from the draft year', () => {
    const { claims } = extractClaims('今后五年新增上市公司5家。2019年新建农村公路100公里。', { year: 2018 });
    const [fiveYear, annual] = claims as FigureClaim[];
    expect(fiveYear).toMatchObject({
      subject: '新增上市公司',
      value: 5,
      unit: '家',
      period: '2018-2022',
      observationKind: 'target',
      flow: true,
    });
    expect(annual).toMatchObject({ subject: '新建农村公路', value: 100, unit: '公里', period: '2019', observationKind: 'target' });
  });

  it('holds a five-year claim against the five-year target, not against an annual one', () => {
    const priors = [prior({ value: 2, period: '2017' }), prior({ value: 10, period: '2017-2021' })];
    const fiveYear = listings('2018-2022', 5);
    const judgement = judgeFigure(fiveYear, priors, 2018);
    expect(judgement.verdict).toBe('weaker_than_commitment');
    expect(judgement.reason).toBe('5家低于2017-2021年目标(10家)，比已有承诺弱。');
    // The same 5 as an annual amount answers to the annual target of 2 and is consistent.
    expect(judgeFigure({ ...fiveYear, period: '2018' }, priors, 2018).verdict).toBe('consistent');
  });

  it('uses the latest annual target before the claim and ignores targets set for later years', () => {
    const priors = [prior({ value: 8, period: '2016' }), prior({ value: 3, period: '2017' }), prior({ value: 9, period: '2020' })];
    const judgement = judgeFigure(listings('2018', 4), priors, 2018);
    expect(judgement.verdict).toBe('consistent');
    expect(judgement.reason).toBe('4家不低于2017年目标(3家)，与已有承诺一致。');
  });

  it('gives claims offsets into the draft as written, line breaks included', () => {
    const draft = '一、总体要求\r\n2018年空气质量优良率目标为75%。\r\n取消城北快速路建设。';
    const { claims } = extractClaims(draft, {
      year: 2018,
      known: [{ id: 'project_x', type: 'project', name: '城北快速路', kind: 'works', aliases: [], pinyin: '' }],
    });
    const air = expectDefined(claims.find((c) => c.subject.startsWith('空气质量优良率')));
    expect(draft.slice(air.charStart, air.charEnd)).toBe('2018年空气质量优良率目标为75%');
    const road = expectDefined(claims.find((c) => c.subject === '城北快速路'));
    expect(road).toMatchObject({ kind: 'project', status: { verb: '取消', effect: 'reverses' } });
    expect(draft.slice(road.charStart, road.charEnd)).toBe('取消城北快速路');
    expect(road.text).toBe('取消城北快速路建设。');
  });
});
