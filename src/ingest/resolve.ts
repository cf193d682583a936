// Resolution: one canonical entity per name, with aliases, a pinyin key and an id that is the same in every
// document, so 瓜沥镇 in one report and 瓜沥 in another are the same node.
import { pinyin } from 'pinyin-pro';
import { defined } from '../domain/defined.ts';
import { stableId } from '../domain/ids.ts';
import { gazetteer } from '../geo/gazetteer.ts';
import type { Entity, EntityType } from '../domain/schemas.ts';
import { ADMIN_SUFFIXES, DESIGNATION_FORMS, NON_ADMIN_ENDINGS } from './extract/lexicon/place-vocabulary.ts';
import { normalizeWidth } from './normalize.ts';

const DECORATION = /[“”‘’"'《》〈〉「」『』\s]/g;

/** The written name without quotes, spaces and full-width forms: “地票” → 地票, 标准化＋ → 标准化+. */
export function cleanName(name: string): string {
  return normalizeWidth(name).replace(DECORATION, '');
}

/** A place name without its administrative suffix when at least two characters remain (萧山区 → 萧山, 钱塘江 stays). */
function placeStem(name: string): string {
  if (NON_ADMIN_ENDINGS.some((ending) => name.endsWith(ending))) return name;
  for (const [suffix] of ADMIN_SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

/** The designation a zone name ends with and the other ways of writing it (合肥高新区 → 高新区 and its full form). */
function designationOf(name: string): { written: string; forms: readonly string[] } | null {
  for (const forms of DESIGNATION_FORMS) {
    // Longest first, so 经济技术开发区 is not read as a name ending in 开发区.
    const written = [...forms].sort((a, b) => b.length - a.length).find((form) => name.endsWith(form) && name.length > form.length);
    if (written) return { written, forms };
  }
  return null;
}

/** A zone's name in each of its designation's forms, the written one first (合肥高新区, 合肥高新技术产业开发区). */
export function designationVariants(name: string): string[] {
  const designation = designationOf(name);
  if (!designation) return [name];
  const head = name.slice(0, -designation.written.length);
  return [name, ...designation.forms.filter((form) => form !== designation.written).map((form) => head + form)];
}

/** The key that decides which names are the same entity; a zone's designation counts in its short form. */
export function resolutionKey(type: EntityType, name: string): string {
  const clean = cleanName(name);
  if (type !== 'place') return clean;
  const designation = designationOf(clean);
  return designation ? clean.slice(0, -designation.written.length) + designation.forms[0] : placeStem(clean);
}

/** Toneless lowercase pinyin without spaces (钱塘江 → qiantangjiang, 绿色 → lvse); letters and digits are kept. */
export function pinyinKey(text: string): string {
  return pinyin(cleanName(text), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replaceAll('ü', 'v')
    .replace(/[^a-z0-9+]/g, '');
}

export function entityId(type: EntityType, name: string): string {
  return stableId(type, resolutionKey(type, name));
}

/** Whether more than one administrative unit goes by this key (朝阳 in Beijing and Changchun; 新乡 city and county; 城关). */
function sharedByUnits(key: string): boolean {
  const g = gazetteer();
  return new Set([...g.byStem(key), ...g.byName(key)].map((u) => u.code)).size > 1;
}

/**
 * The id of an administrative unit: by its name, as every place's, unless other units go by that name — then by its
 * gazetteer code, so that 朝阳区 of Beijing and of Changchun, or 新乡县 and 新乡市, stay two nodes.
 */
export function unitId(name: string, code: string): string {
  const key = resolutionKey('place', name);
  return sharedByUnits(key) ? stableId('place', `unit:${code}`) : stableId('place', key);
}

/**
 * The ids of one document's names: an administrative unit's by unitId; a place written without its code (乌镇 found
 * by another rule) takes the code of the document's unit of that key, when one unit (or one of that very name) has it.
 */
export function documentIds(
  uses: ReadonlyArray<Pick<NameUse, 'type' | 'name' | 'code'>>,
): (use: Pick<NameUse, 'type' | 'name' | 'code'>) => string {
  const codesByKey = new Map<string, Map<string, string>>();
  for (const use of uses) {
    if (use.type !== 'place' || !use.code) continue;
    const key = resolutionKey('place', use.name);
    codesByKey.set(key, (codesByKey.get(key) ?? new Map()).set(use.code, cleanName(use.name)));
  }
  return (use) => {
    if (use.type !== 'place') return entityId(use.type, use.name);
    if (use.code) return unitId(use.name, use.code);
    const units = codesByKey.get(resolutionKey('place', use.name));
    if (!units) return entityId('place', use.name);
    const name = cleanName(use.name);
    const code = units.size === 1 ? [...units.keys()][0] : [...units].find(([, full]) => full === name)?.[0];
    return code ? unitId(use.name, code) : entityId('place', use.name);
  };
}

export interface NameUse {
  type: EntityType;
  name: string;
  kind: string | null;
  /** How much the finding rule is trusted: the kind of the best-supported use wins. */
  priority: number;
  /** Further ways the text writes this entity (“地票”改革); listed as aliases, never chosen as the name. */
  aliases: string[];
  /** Gazetteer code of an administrative place. */
  code?: string;
}

/** Prefer the fullest form: the one carrying the administrative suffix, then the longest, then the most used. */
function canonicalOf(names: Map<string, number>): string {
  const [best] = [...names.entries()].sort(([a, ca], [b, cb]) => b.length - a.length || cb - ca || a.localeCompare(b));
  return defined(best, 'a name of the entity')[0];
}

/** Groups the names used in one document into entities, one per type and resolution key (or unit, documentIds). */
export function resolveEntities(uses: NameUse[], idOf = documentIds(uses)): Entity[] {
  const groups = new Map<
    string,
    { type: EntityType; names: Map<string, number>; aliases: Set<string>; kinds: Map<string, number>; code: string | null }
  >();
  for (const use of uses) {
    const id = idOf(use);
    const group = groups.get(id) ?? { type: use.type, names: new Map(), aliases: new Set(), kinds: new Map(), code: null };
    group.code ??= use.code ?? null;
    const name = cleanName(use.name);
    group.names.set(name, (group.names.get(name) ?? 0) + 1);
    for (const alias of use.aliases) group.aliases.add(cleanName(alias));
    if (use.kind) group.kinds.set(use.kind, Math.max(group.kinds.get(use.kind) ?? -1, use.priority));
    groups.set(id, group);
  }
  return [...groups].map(([id, group]) => {
    const name = canonicalOf(group.names);
    const kind = [...group.kinds.entries()].sort(([, a], [, b]) => b - a)[0]?.[0] ?? null;
    const written = [...group.names.keys(), ...group.aliases];
    const aliases = new Set(group.type === 'place' ? written.flatMap(designationVariants) : written);
    aliases.delete(name);
    const entity: Entity = { id, type: group.type, name, kind, aliases: [...aliases].sort(), pinyin: pinyinKey(name) };
    return group.code ? { ...entity, code: group.code } : entity;
  });
}
