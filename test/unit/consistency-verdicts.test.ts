// Verdicts: consistent, conflict, weaker_than_commitment and novel, for figures and for project statements.
import { describe, expect, it } from 'vitest';
import type { EntityClaim, FigureClaim } from '../../src/consistency/claims.ts';
import { judgeEntity, judgeFigure } from '../../src/consistency/compare.ts';
import { coreNames } from '../../src/consistency/priors.ts';
import { statusOf } from '../../src/consistency/status.ts';
import type { Observation } from '../../src/domain/schemas.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

function prior(fields: Partial<Observation>): Observation {
  return {
    id: `o${Math.random()}`,
    indicatorId: 'i',
    indicator: '空气质量优良率',
    value: 0,
    unit: '%',
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

function figure(fields: Partial<FigureClaim>): FigureClaim {
  return {
    id: 'c1',
    kind: 'indicator',
    text: '',
    charStart: 0,
    charEnd: 1,
    subject: '空气质量优良率',
    period: '2018',
    value: 0,
    unit: '%',
    observationKind: 'target',
    comparator: null,
    flow: false,
    ...fields,
  };
}

const airQuality = [
  prior({ value: 78.4, kind: 'actual', period: '2016' }),
  prior({ value: 79, comparator: '以上', period: '2017' }),
  prior({ value: 85, comparator: '以上', period: '2017-2021' }),
];

describe('figure verdicts', () => {
  it('conflict: below the annual target, the five-year target and the achieved level', () => {
    const judgement = judgeFigure(figure({ value: 75 }), airQuality, 2018);
    expect(judgement.verdict).toBe('conflict');
    expect(judgement.reason).toBe(
      '75%低于2017年目标(79%以上)、2017-2021年目标(85%以上)，也低于已达到的2016年实际(78.4%)，与已有承诺的方向相反。',
    );
    expect(judgement.reasonEn).toContain('below the 2017 target (≥79%)');
    expect(expectDefined(judgement.basis[0]).value).toBe(79);
  });

  it('weaker_than_commitment: below the annual target but not below the achieved level', () => {
    expect(judgeFigure(figure({ value: 78.6 }), airQuality, 2018).verdict).toBe('weaker_than_commitment');
  });

  it('consistent: at or above the annual target; a level short of the five-year goal is on its way there', () => {
    const judgement = judgeFigure(figure({ value: 80, comparator: '以上' }), airQuality, 2018);
    expect(judgement.verdict).toBe('consistent');
    expect(judgement.reason).toBe('80%以上不低于2017年目标(79%以上)，与已有承诺一致。');
    expect(judgeFigure(figure({ value: 79 }), airQuality, 2018).verdict).toBe('consistent');
  });

  it('reads a cap the other way: a higher ceiling is weaker (PM2.5 50 against 46 以内)', () => {
    const cap = [prior({ indicator: 'PM2.5颗粒平均浓度', value: 46, unit: '微克/立方米', comparator: '以内' })];
    const claim = figure({ subject: 'PM2.5平均浓度', value: 50, unit: '微克/立方米', comparator: '以内' });
    const judgement = judgeFigure(claim, cap, 2018);
    expect(judgement.verdict).toBe('weaker_than_commitment');
    expect(judgement.reason).toBe('50微克/立方米以内高于2017年目标(46微克/立方米以内)，比已有承诺弱。');
    expect(judgeFigure({ ...claim, value: 40 }, cap, 2018).verdict).toBe('consistent');
  });

  it("a yearly amount of work below last year's target is weaker, not a conflict, even below last year's result", () => {
    const roads = [
      prior({ indicator: '美丽乡村公路', unit: '公里', value: 100, comparator: '以上' }),
      prior({ indicator: '新建美丽乡村公路', unit: '公里', value: 140, kind: 'actual', period: '2016' }),
    ];
    const claim = figure({ kind: 'quantity', subject: '新建美丽乡村公路', unit: '公里', value: 80, flow: true });
    expect(judgeFigure(claim, roads, 2018).verdict).toBe('weaker_than_commitment');
    expect(judgeFigure({ ...claim, value: 120 }, roads, 2018).verdict).toBe('consistent');
  });

  it('compares after unit conversion (1.2亿元 against 11000万元)', () => {
    const revenue = [prior({ indicator: '一般公共预算收入', unit: '万元', value: 11000 })];
    const claim = figure({ subject: '一般公共预算收入', unit: '亿元', value: 1.2 });
    expect(judgeFigure(claim, revenue, 2018).verdict).toBe('consistent');
    expect(judgeFigure({ ...claim, value: 1 }, revenue, 2018).verdict).toBe('weaker_than_commitment');
  });

  it('novel: nothing prior is comparable', () => {
    const judgement = judgeFigure(figure({ subject: '城际轨道里程', unit: '公里', value: 30 }), [], 2018);
    expect(judgement.verdict).toBe('novel');
    expect(judgement.reason).toBe('以往报告中没有与“城际轨道里程”可比的指标或承诺。');
    // A share in % is not comparable with a change in 个百分点.
    expect(judgeFigure(figure({ value: 2, observationKind: 'growth_target', unit: '个百分点' }), airQuality, 2018).verdict).toBe('novel');
  });

  it('a reported result that restates a prior figure differently is a conflict; one short of its target is weaker', () => {
    const stated = [prior({ value: 80.1, kind: 'actual', period: '2017' }), prior({ value: 79, comparator: '以上', period: '2017' })];
    expect(judgeFigure(figure({ value: 82, period: '2017', observationKind: 'actual' }), stated, 2018).verdict).toBe('conflict');
    expect(judgeFigure(figure({ value: 80.1, period: '2017', observationKind: 'actual' }), stated, 2018).verdict).toBe('consistent');
    const targetOnly = [prior({ value: 79, comparator: '以上', period: '2017' })];
    expect(judgeFigure(figure({ value: 78, period: '2017', observationKind: 'actual' }), targetOnly, 2018).verdict).toBe(
      'weaker_than_commitment',
    );
  });
});

function project(fields: Partial<EntityClaim>): EntityClaim {
  return {
    id: 'c1',
    kind: 'project',
    text: '',
    charStart: 0,
    charEnd: 1,
    subject: '城北快速路',
    period: '2018',
    entity: { id: 'project_x', type: 'project', name: '城北快速路', kind: 'works', aliases: [], pinyin: '' },
    status: null,
    deadline: null,
    ...fields,
  };
}

const named = { passages: [{ text: '加快建设城北快速路，2019年建成通车。' }], deadline: 2019 };

describe('project and initiative verdicts', () => {
  it('conflict: a cancelling or suspending verb reverses a commitment', () => {
    for (const verb of ['取消', '停建', '暂缓']) {
      const judgement = judgeEntity(project({ status: { verb, effect: 'reverses' } }), named);
      expect(judgement.verdict).toBe('conflict');
      expect(judgement.reason).toBe(`草案“${verb}”城北快速路，与以往报告推进该项工作的承诺相反。`);
    }
  });

  it('weaker_than_commitment: a later deadline than committed', () => {
    const judgement = judgeEntity(project({ kind: 'deadline', status: { verb: '建成', effect: 'continues' }, deadline: 2021 }), named);
    expect(judgement.verdict).toBe('weaker_than_commitment');
    expect(judgement.reason).toContain('原定2019年，现为2021年');
  });

  it('consistent: continuing verbs, and deadlines kept', () => {
    expect(judgeEntity(project({ status: { verb: '启动', effect: 'continues' } }), named).verdict).toBe('consistent');
    expect(judgeEntity(project({ kind: 'deadline', status: { verb: '建成', effect: 'continues' }, deadline: 2019 }), named).verdict).toBe(
      'consistent',
    );
  });

  it('weaker_than_commitment: a shrinking verb scales a commitment back', () => {
    const judgement = judgeEntity(project({ status: statusOf('缩减城北快速路建设规模。', 2, 7) }), named);
    expect(judgement.verdict).toBe('weaker_than_commitment');
    expect(judgement.reason).toBe('草案“缩减”城北快速路，比以往报告的承诺弱。');
  });

  it("finds a commitment through the core of the work's name, whatever its endings", () => {
    expect(coreNames('杭州西站枢纽')).toEqual(['杭州西站']);
    expect(coreNames('城北快速路工程')).toEqual(['城北快速路']);
    expect(coreNames('西站枢纽')).toEqual([]); // too short a core to stand for one work
    expect(coreNames('城北快速路')).toEqual([]);
  });

  it('novel: no prior passage names it', () => {
    expect(judgeEntity(project({ status: { verb: '建成', effect: 'continues' } }), { passages: [], deadline: null }).verdict).toBe('novel');
  });
});
