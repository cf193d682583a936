// Comparing figures stated in different units: magnitude prefixes (万元 vs 亿元), spellings of one unit (千米 and
// 公里), and the families the ingest reader assigns (a share in % is never compared with a change in 个百分点).
import { matchUnit, type UnitFamily } from '../ingest/extract/indicators/units.ts';

const MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 1e12],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['亿', 1e8],
  ['万', 1e4],
];

/** Other spellings of a base unit, mapped to one of them with the factor between them. */
const SYNONYMS: Readonly<Record<string, readonly [string, number]>> = {
  千米: ['公里', 1],
  米: ['公里', 1e-3],
  延米: ['公里', 1e-3],
  平米: ['平方米', 1],
  平方公里: ['平方米', 1e6],
  公顷: ['平方米', 1e4],
  公斤: ['千克', 1],
  吨: ['千克', 1e3],
  '‰': ['%', 0.1],
  百分点: ['个百分点', 1],
  标箱: ['标准箱', 1],
};

export interface BaseQuantity {
  /** The value in the base unit (1.2亿元 → 120000000 元). */
  value: number;
  /** The unit without its magnitude prefix, spelled one way (公里, 平方米, %, 个百分点, 元/年 …). */
  base: string;
  family: UnitFamily | null;
}

/** A value in its base unit: 1.2 亿元 → 1.2e8 元; 5 万平方米 → 5e4 平方米; 3 千米 → 3 公里. */
export function toBase(value: number, unit: string): BaseQuantity {
  let base = unit.trim();
  let factor = 1;
  for (const [prefix, scale] of MAGNITUDES) {
    // 万人次 and 亿元 carry a prefix; 万 alone is a bare magnitude of the thing counted.
    if (base.startsWith(prefix) && base.length > prefix.length) {
      base = base.slice(prefix.length);
      factor = scale;
      break;
    }
  }
  const [head, per] = base.split('/', 2) as [string, string | undefined];
  const synonym = SYNONYMS[head];
  if (synonym && per === undefined) {
    base = synonym[0];
    factor *= synonym[1];
  }
  const family = matchUnit(unit, 0)?.family ?? matchUnit(base, 0)?.family ?? null;
  return { value: roundRatio(value * factor), base, family };
}

/** Whether two units measure the same thing, so their values can be compared after toBase. */
export function comparableUnits(a: string, b: string): boolean {
  return toBase(1, a).base === toBase(1, b).base;
}

/** `value` (in `from`) expressed in `to`, or null when the units are not comparable. */
export function convert(value: number, from: string, to: string): number | null {
  if (!comparableUnits(from, to)) return null;
  return roundRatio(toBase(value, from).value / toBase(1, to).value);
}

export function unitFamily(unit: string): UnitFamily | null {
  return toBase(1, unit).family;
}

/** Rounds away binary noise so 1.2亿 and 12000万 compare equal. */
function roundRatio(value: number): number {
  return Number(value.toPrecision(12));
}
