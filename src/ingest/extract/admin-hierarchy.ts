// LOCATED_IN between administrative places from their gazetteer codes (乌镇镇 → 桐乡市 → 嘉兴市 → 浙江省): each
// coded place is linked to its parent, and the ancestors up to the province become entities of the document
// (without mentions) so the chain is whole even where the report names only the town.
import type { Relation } from '../../domain/schemas.ts';
import { type AdminUnit, gazetteer } from '../../geo/gazetteer.ts';
import { type NameUse, unitId } from '../resolve.ts';

const KIND_OF_LEVEL: Record<AdminUnit['level'], string> = { province: 'province', prefecture: 'city', county: 'county', township: 'town' };

export interface AdminHierarchy {
  ancestors: NameUse[];
  relations: Relation[];
}

export function adminHierarchy(documentId: string, codes: Iterable<string>): AdminHierarchy {
  const g = gazetteer();
  const ancestors = new Map<string, NameUse>();
  const relations = new Map<string, Relation>();
  for (const code of new Set(codes)) {
    const [unit, ...above] = g.lineage(code);
    if (!unit) continue;
    let child = unit;
    for (const parent of above) {
      const fromId = unitId(child.name, child.code);
      const toId = unitId(parent.name, parent.code);
      // Same-named units have ids by code (新乡县 in 新乡市): a unit never meets its parent's id; no edge to itself all the same.
      if (fromId !== toId) relations.set(`${fromId}>${toId}`, { type: 'LOCATED_IN', fromId, toId, documentId, paragraphId: null });
      ancestors.set(parent.code, {
        type: 'place',
        name: parent.name,
        kind: KIND_OF_LEVEL[parent.level],
        priority: 0,
        aliases: [],
        code: parent.code,
      });
      child = parent;
    }
  }
  return { ancestors: [...ancestors.values()], relations: [...relations.values()] };
}
