// The direct-answer score: a gold fact is stated when one answer fact has its value, unit, period and kind.
import { describe, expect, it } from 'vitest';
import { statesFact } from '../../src/eval/questions.ts';

const fact = (over: Record<string, unknown>) => ({
  indicator: '城乡低保标准',
  value: 600,
  unit: '元',
  period: '2020',
  kind: 'target' as const,
  place: null,
  passageId: 'p',
  ...over,
});
const answer = (...facts: Array<ReturnType<typeof fact>>) => ({ text: '', citations: [], facts });
const gold = { value: 600, unit: '元', period: '2020', kind: 'target' };

describe('statesFact', () => {
  it('wants the value, unit, period and kind the gold gives', () => {
    expect(statesFact(gold, answer(fact({})))).toBe(true);
    expect(statesFact(gold, answer(fact({ value: 650 })))).toBe(false);
    expect(statesFact(gold, answer(fact({ unit: '万元' })))).toBe(false);
    expect(statesFact(gold, answer(fact({ period: '2019' })))).toBe(false);
    expect(statesFact(gold, answer(fact({ kind: 'actual' })))).toBe(false);
    expect(statesFact({ value: 600 }, answer(fact({ unit: '万元', period: '2019' })))).toBe(true);
  });

  it('takes money per month or year (元/月) as the gold’s 元, but no other unit with a slash', () => {
    expect(statesFact(gold, answer(fact({ unit: '元/月' })))).toBe(true);
    expect(statesFact(gold, answer(fact({ unit: '元/年' })))).toBe(true);
    expect(statesFact(gold, answer(fact({ unit: '元/吨' })))).toBe(false);
  });

  it('compares changes by magnitude (a fall stated as −2.11 or as 降低2.11)', () => {
    expect(statesFact({ value: 2.11, kind: 'growth' }, answer(fact({ value: -2.11, kind: 'growth' })))).toBe(true);
    expect(statesFact({ value: 2.11, kind: 'actual' }, answer(fact({ value: -2.11, kind: 'actual' })))).toBe(false);
  });
});
