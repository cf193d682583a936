// Which administrative unit a written name means: by full name, else by stem (a former name such as 某某市
// finds the district 某某区 it became), preferring units whose ancestors the surrounding text names (某市某区), then larger units.
import { adminStem } from './admin-stem.ts';
import { type AdminUnit, gazetteer, LEVEL_RANK } from './gazetteer.ts';

export interface UnitQuery {
  /** Text around the name: a unit whose parent or grandparent is named there wins. */
  context?: string;
  /** Only units inside this code (or the unit itself). */
  within?: string;
  /** Smallest level to consider (township by default). */
  deepest?: AdminUnit['level'];
}

function ancestorNamed(unit: AdminUnit, context: string): boolean {
  const g = gazetteer();
  return g
    .lineage(unit.code)
    .slice(1)
    .some((a) => context.includes(a.name) || context.includes(adminStem(a.name)));
}

export function findAdminUnit(name: string, query: UnitQuery = {}): AdminUnit | null {
  const g = gazetteer();
  const deepest = LEVEL_RANK[query.deepest ?? 'township'];
  const fits = (u: AdminUnit) => LEVEL_RANK[u.level] <= deepest && (!query.within || g.within(u.code, query.within));
  let units = g.byName(name).filter(fits);
  if (units.length === 0) units = g.byStem(adminStem(name)).filter((u) => fits(u) && u.level !== 'township');
  const context = query.context ?? '';
  const [best] = [...units].sort(
    (a, b) => Number(ancestorNamed(b, context)) - Number(ancestorNamed(a, context)) || LEVEL_RANK[a.level] - LEVEL_RANK[b.level],
  );
  return best ?? null;
}
