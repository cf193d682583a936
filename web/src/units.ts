// Units within a dimension: 亿元, 万亿元 and 万元 are one dimension (元) at different scales, so their figures
// share an axis once converted; % or 公里 are dimensions of their own.
import { defined } from '../../src/domain/defined.ts';

const SCALES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['亿', 1e8],
  ['千万', 1e7],
  ['百万', 1e6],
  ['万', 1e4],
  ['千', 1e3],
];

export interface SplitUnit {
  /** The unit without its scale prefix (元, 美元, 吨); the unit itself when it has none. */
  base: string;
  /** How many base units one unit is (亿元 → 1e8). */
  factor: number;
  prefix: string;
}

export function splitUnit(unit: string): SplitUnit {
  for (const [prefix, factor] of SCALES) {
    if (unit.startsWith(prefix) && unit.length > prefix.length) return { base: unit.slice(prefix.length), factor, prefix };
  }
  return { base: unit, factor: 1, prefix: '' };
}

/** The value in another unit of the same dimension. */
export function convertValue(value: number, from: string, to: string): number {
  const [a, b] = [splitUnit(from), splitUnit(to)];
  if (a.base !== b.base) throw new Error(`${from} and ${to} are different dimensions`);
  return Number(((value * a.factor) / b.factor).toPrecision(12));
}

/** The unit most of the figures use, to show them all in; on a tie the finer one (亿元 before 万亿元). */
export function commonUnit(units: string[]): string {
  const counts = new Map<string, number>();
  for (const unit of units) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  const [most] = [...counts.entries()].sort((a, b) => b[1] - a[1] || splitUnit(a[0]).factor - splitUnit(b[0]).factor);
  return defined(most, 'a unit among the figures')[0];
}
