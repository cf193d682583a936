// The gazetteer: China's administrative units indexed by code, full name, stem and parent. Built once, on
// first use (about 45,000 units), since most commands never need it.
import { adminStem } from './admin-stem.ts';
import { readFormerDivisions } from './former-units.ts';
import { type AdminLevel, type AdminUnit, readAdminUnits } from './gazetteer-source.ts';

export type { AdminLevel, AdminUnit } from './gazetteer-source.ts';

export interface Gazetteer {
  byCode(code: string): AdminUnit | undefined;
  /** Units of that full name (朝阳区 is in Beijing and in Changchun), or of that former name (襄樊市 → 襄阳市). */
  byName(name: string): AdminUnit[];
  /** Units whose stem is that word (柯桥 → 柯桥区). */
  byStem(stem: string): AdminUnit[];
  children(code: string): AdminUnit[];
  /** Every current unit of one level (the 34 provinces, the 300-odd prefectures …). */
  atLevel(level: AdminLevel): AdminUnit[];
  /** The unit and its ancestors, innermost first. */
  lineage(code: string): AdminUnit[];
  /** Whether `code` is `ancestorCode` or lies within it. */
  within(code: string, ancestorCode: string): boolean;
  readonly size: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function buildGazetteer(units: AdminUnit[]): Gazetteer {
  const codes = new Map<string, AdminUnit>();
  const names = new Map<string, AdminUnit[]>();
  const stems = new Map<string, AdminUnit[]>();
  const kids = new Map<string, AdminUnit[]>();
  for (const unit of units) {
    codes.set(unit.code, unit);
    for (const name of [unit.name, ...(unit.formerNames ?? [])]) {
      push(names, name, unit);
      const stem = adminStem(name);
      if (stem !== name) push(stems, stem, unit);
    }
    if (unit.parentCode) push(kids, unit.parentCode, unit);
  }
  const lineage = (code: string): AdminUnit[] => {
    const chain: AdminUnit[] = [];
    for (let unit = codes.get(code); unit && chain.length < 5; unit = unit.parentCode ? codes.get(unit.parentCode) : undefined)
      chain.push(unit);
    return chain;
  };
  return {
    byCode: (code) => codes.get(code),
    byName: (name) => names.get(name) ?? [],
    byStem: (stem) => stems.get(stem) ?? [],
    children: (code) => kids.get(code) ?? [],
    atLevel: (level) => units.filter((u) => u.level === level && !u.former),
    lineage,
    within: (code, ancestorCode) => lineage(code).some((u) => u.code === ancestorCode),
    size: units.length,
  };
}

let loaded: Gazetteer | null = null;

/** Today's units with the names and units of earlier revisions. */
function withFormerDivisions(current: AdminUnit[]): AdminUnit[] {
  const former = readFormerDivisions(current);
  const renamed = current.map((unit) => {
    const formerNames = former.formerNames.get(unit.code);
    return formerNames ? { ...unit, formerNames } : unit;
  });
  return [...renamed, ...former.units];
}

/** The gazetteer, read from the packages on the first call. */
export function gazetteer(): Gazetteer {
  loaded ??= buildGazetteer(withFormerDivisions(readAdminUnits()));
  return loaded;
}

/** County-level and larger units come first when a name is shared by levels. */
export const LEVEL_RANK: Record<AdminLevel, number> = { province: 0, prefecture: 1, county: 2, township: 3 };
