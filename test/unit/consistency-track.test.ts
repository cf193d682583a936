// track: an earlier report's targets against the later report's results for the same period and place, and
// series whose stated change contradicts the two stated levels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackTargets, trackVerdict } from '../../src/app/track.ts';
import type { Observation } from '../../src/domain/schemas.ts';
import { FIXTURES, storeWith, type TempStore } from '../fixtures/consistency/store.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

function observation(fields: Partial<Observation>): Observation {
  return {
    id: 'o',
    indicatorId: 'i',
    indicator: '地区生产总值',
    value: 0,
    unit: '%',
    kind: 'growth_target',
    period: '2018',
    comparator: null,
    documentId: 'd',
    paragraphId: 'p',
    text: '',
    charStart: 0,
    charEnd: 1,
    ...fields,
  };
}

describe('trackVerdict', () => {
  it('meets an approximate growth target within 0.3 points, exceeds or misses it beyond', () => {
    const target = observation({ value: 7, comparator: '左右' });
    expect(trackVerdict(target, observation({ kind: 'growth', value: 7.2 }))).toBe('met');
    expect(trackVerdict(target, observation({ kind: 'growth', value: 7.5 }))).toBe('exceeded');
    expect(trackVerdict(target, observation({ kind: 'growth', value: 6.5 }))).toBe('missed');
  });

  it('converts units before comparing (1.2万户 against 12423户)', () => {
    const target = observation({ indicator: '农村住房改造', kind: 'target', value: 1.2, unit: '万户' });
    expect(trackVerdict(target, observation({ indicator: '农村住房改造', kind: 'actual', value: 12423, unit: '户' }))).toBe('exceeded');
    expect(trackVerdict(target, observation({ indicator: '农村住房改造', kind: 'actual', value: 11000, unit: '户' }))).toBe('missed');
    expect(trackVerdict(target, observation({ indicator: '农村住房改造', kind: 'actual', value: 1.2, unit: '万户' }))).toBe('met');
  });

  it('meets a cap by staying under it, and misses it above', () => {
    const cap = observation({ indicator: '城镇登记失业率', kind: 'target', value: 3, comparator: '以内' });
    expect(trackVerdict(cap, observation({ indicator: '城镇登记失业率', kind: 'actual', value: 2.5 }))).toBe('met');
    expect(trackVerdict(cap, observation({ indicator: '城镇登记失业率', kind: 'actual', value: 3.4 }))).toBe('missed');
  });
});

describe('trackTargets across two reports of one place', () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await storeWith([`${FIXTURES}example-city-2018.md`, `${FIXTURES}example-city-2019.md`]);
  });
  afterAll(async () => temp.dispose());

  it('pairs each 2018 target with the 2018 result the 2019 report states', async () => {
    const report = await trackTargets(temp.store, { place: '示例市', period: '2018' });
    const verdicts = Object.fromEntries(report.pairs.map((p) => [`${p.indicator} ${p.target.value}${p.target.unit}`, p.verdict]));
    expect(verdicts).toEqual({
      '地区生产总值 7%': 'exceeded',
      '一般公共预算收入 120亿元': 'exceeded',
      '城镇登记失业率 3%': 'met',
      '城镇新增就业 5万人': 'not_reported',
      '新建农村公路 200公里': 'missed',
    });
    const road = expectDefined(report.pairs.find((p) => p.indicator === '新建农村公路'));
    expect(road).toMatchObject({ period: '2018', place: '示例市', result: { value: 150, unit: '公里', documentId: temp.documentIds[1] } });
    expect(road.target.documentId).toBe(temp.documentIds[0]);
    expect(report.summary).toEqual({ met: 1, exceeded: 2, missed: 1, not_reported: 1 });
  });

  it('leaves out targets no later report can have reported on yet (2019)', async () => {
    const report = await trackTargets(temp.store, { place: '示例市', period: '2019' });
    expect(report.pairs).toEqual([]);
  });

  it('finds no pairs for a place it holds no report of', async () => {
    expect((await trackTargets(temp.store, { place: '别的市' })).pairs).toEqual([]);
  });

  it('flags a stated growth that the two stated levels contradict (1000亿元 → 900亿元 said to be +7.5%)', async () => {
    const report = await trackTargets(temp.store, { place: '示例市' });
    expect(report.inconsistencies).toHaveLength(1);
    expect(report.inconsistencies[0]).toMatchObject({
      indicator: '地区生产总值',
      implied: -10,
      change: { value: 7.5, unit: '%', period: '2018' },
      from: { value: 1000, period: '2017' },
      to: { value: 900, period: '2018' },
    });
    // Revenue rose 110 → 130 with no stated growth, and 2017's 8% has no 2016 level: nothing else to flag.
  });
});
