// Scores extracted observations against gold numeric statements (seed-entities.json `indicators`).
// A gold statement is found when an observation lies inside its source fragment (where the gold says the
// statement is) and has the same value, unit, kind and period. Metric names are not compared: the gold names
// are descriptive labels, not the text.
//
// Normalisation, applied to both sides, so that the same fact written two ways compares equal:
// - units: a bracketed note is dropped (个（各千亿级） → 个), and so are the bound and size words that the
//   extractor keeps as the comparator instead (余条 → 条, 亿元以上 → 亿元, 万元以下 → 万元, 亿元级 → 亿元);
// - gold values written as text: 4A with unit 级 → 4 A级 (scenic-area grade), Ⅲ类 → 3 类 (water class),
//   2/3 → 66.67 % (the extractor states written-out fractions as percentages);
// - kinds: gold `target` covers growth targets, so `growth_target` counts as `target`;
// - growth values compare by magnitude: the gold states decreases as positive rates (降幅), the extractor as
//   negative growth.
import { z } from 'zod';
import type { Observation } from '../domain/schemas.ts';

export const GoldNumeric = z.object({
  id: z.string(),
  metric: z.string(),
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
  kind: z.enum(['actual', 'growth', 'ratio', 'target']),
  period: z.string(),
  char_start: z.number().int().nonnegative(),
  source_fragment: z.string(),
});
export type GoldNumeric = z.infer<typeof GoldNumeric>;

export const GoldNumericFile = z.object({ indicators: z.array(GoldNumeric) });

export interface NumericMiss {
  gold: GoldNumeric;
  /** Observations inside the gold's fragment, to see what was read instead. */
  found: Array<Pick<Observation, 'indicator' | 'value' | 'unit' | 'kind' | 'period' | 'charStart'>>;
}

export interface NumericScore {
  gold: number;
  extracted: number;
  /** Share of gold statements matched with value, unit, kind and period all right. */
  recall: number;
  /** Share of gold statements with an observation of the right value in the right place. */
  valueRecall: number;
  /** Share of observations whose value is a gold statement's, in its place. */
  precision: number;
  /** Share of observations that fully match a gold statement. */
  strictPrecision: number;
  byKind: Record<string, { gold: number; matched: number }>;
  misses: NumericMiss[];
}

/** Characters an observation may lie outside the fragment's span and still count as in it. */
const SLACK = 2;
const VALUE_TOLERANCE = 0.01;

interface NormalGold {
  gold: GoldNumeric;
  value: number | null;
  unit: string;
  kind: string;
  from: number;
  to: number;
}

export function normalizeUnit(unit: string): string {
  return unit
    .replace(/（[^）]*）|\([^)]*\)/g, '')
    .replace(/^余/, '')
    .replace(/(以上|以下|以内|级)$/, '')
    .trim();
}

function normalizeGold(gold: GoldNumeric): NormalGold {
  let value: number | null = typeof gold.value === 'number' ? gold.value : null;
  let unit = normalizeUnit(gold.unit);
  if (typeof gold.value === 'string') {
    const grade = /^(\d)A$/.exec(gold.value);
    const water = /^([ⅠⅡⅢⅣⅤⅥ])类$/.exec(gold.value)?.[1];
    const fraction = /^(\d+)\/(\d+)$/.exec(gold.value);
    if (grade) {
      value = Number(grade[1]);
      unit = normalizeUnit('A级');
    } else if (water !== undefined) {
      value = 'ⅠⅡⅢⅣⅤⅥ'.indexOf(water) + 1;
      unit = '类';
    } else if (fraction) {
      value = (Number(fraction[1]) / Number(fraction[2])) * 100;
      unit = '%';
    }
  }
  return {
    gold,
    value,
    unit,
    kind: gold.kind,
    from: gold.char_start - SLACK,
    to: gold.char_start + gold.source_fragment.length + SLACK,
  };
}

function kindOf(observation: Observation): string {
  return observation.kind === 'growth_target' ? 'target' : observation.kind;
}

function sameValue(gold: NormalGold, observation: Observation): boolean {
  if (gold.value === null) return false;
  const growth = observation.kind === 'growth' || observation.kind === 'growth_target';
  const value = growth ? Math.abs(observation.value) : observation.value;
  const expected = growth ? Math.abs(gold.value) : gold.value;
  return Math.abs(value - expected) <= VALUE_TOLERANCE;
}

function inPlace(gold: NormalGold, observation: Observation): boolean {
  return observation.charStart >= gold.from && observation.charStart < gold.to;
}

function fullMatch(gold: NormalGold, observation: Observation): boolean {
  return (
    inPlace(gold, observation) &&
    sameValue(gold, observation) &&
    normalizeUnit(observation.unit) === gold.unit &&
    kindOf(observation) === gold.kind &&
    observation.period === gold.gold.period
  );
}

/** Assigns each gold statement at most one observation and each observation at most one gold statement. */
function assign(
  golds: NormalGold[],
  observations: Observation[],
  matches: (g: NormalGold, o: Observation) => boolean,
): Map<NormalGold, Observation> {
  const used = new Set<Observation>();
  const assigned = new Map<NormalGold, Observation>();
  for (const gold of golds) {
    const observation = observations.find((o) => !used.has(o) && matches(gold, o));
    if (!observation) continue;
    used.add(observation);
    assigned.set(gold, observation);
  }
  return assigned;
}

export function scoreNumeric(gold: GoldNumeric[], observations: Observation[]): NumericScore {
  const golds = gold.map(normalizeGold);
  const full = assign(golds, observations, fullMatch);
  const located = assign(golds, observations, (g, o) => inPlace(g, o) && sameValue(g, o));
  const strictlyRight = new Set(full.values());
  const valueRight = observations.filter((o) => golds.some((g) => inPlace(g, o) && sameValue(g, o)));

  const byKind: NumericScore['byKind'] = {};
  for (const g of golds) {
    const entry = byKind[g.kind] ?? { gold: 0, matched: 0 };
    entry.gold += 1;
    if (full.has(g)) entry.matched += 1;
    byKind[g.kind] = entry;
  }
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    gold: golds.length,
    extracted: observations.length,
    recall: share(full.size, golds.length),
    valueRecall: share(located.size, golds.length),
    precision: share(valueRight.length, observations.length),
    strictPrecision: share(strictlyRight.size, observations.length),
    byKind,
    misses: golds
      .filter((g) => !full.has(g))
      .map((g) => ({
        gold: g.gold,
        found: observations
          .filter((o) => inPlace(g, o))
          .map(({ indicator, value, unit, kind, period, charStart }) => ({ indicator, value, unit, kind, period, charStart })),
      })),
  };
}
