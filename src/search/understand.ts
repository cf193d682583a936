// Question understanding: language, intent, and the entities a question names (Chinese names and aliases,
// or pinyin spellings in English questions such as "Qiantangjiang" / "Guali Town").
import type { EntitySummary, GraphStore } from '../../graph/store.ts';
import { pinyinReadings } from './pinyin-readings.ts';
import { translateTerms } from './glossary.ts';

export type Intent = 'tasks_touching_entity' | 'indicator_value' | 'entity_lookup' | 'semantic_topic';

export interface Understanding {
  language: 'zh' | 'en';
  intent: Intent;
  entities: EntitySummary[];
  /** Chinese glossary terms for an English question (empty for Chinese). */
  terms: string[];
  /** What the lexical and vector retrievers search for: the question, plus its translated terms. */
  searchText: string;
}

/** English generic words and the pinyin of the Chinese suffix they translate. */
const ENGLISH_SUFFIX_PINYIN: Record<string, string> = {
  river: 'jiang', town: 'zhen', township: 'xiang', subdistrict: 'jiedao', street: 'jiedao', lake: 'hu',
  reservoir: 'shuiku', district: 'qu', city: 'shi', county: 'xian', province: 'sheng', road: 'lu', avenue: 'dadao',
};

/** Class words that stand for every place of a kind ("哪些任务涉及水库" = any reservoir). */
const PLACE_CLASSES: Array<{ zh: RegExp; en: RegExp; kinds: string[] }> = [
  { zh: /水库/, en: /\breservoirs\b/i, kinds: ['reservoir'] },
  { zh: /河流|河道|江河/, en: /\brivers\b/i, kinds: ['river'] },
  { zh: /湖泊/, en: /\blakes\b/i, kinds: ['lake'] },
  { zh: /乡镇|街道|镇街/, en: /\b(towns|townships|subdistricts)\b/i, kinds: ['town', 'township', 'subdistrict'] },
  { zh: /开发区|园区|度假区/, en: /\b(zones|parks)\b/i, kinds: ['zone', 'park', 'newtown'] },
  { zh: /铁路|高铁/, en: /\b(rail(ways?)?|high-speed rail)\b/i, kinds: ['rail'] },
];

function linkPlaceClasses(question: string, language: 'zh' | 'en', entities: EntitySummary[], linked: EntitySummary[]): EntitySummary[] {
  const kinds = new Set(PLACE_CLASSES.filter((c) => (language === 'zh' ? c.zh : c.en).test(question)).flatMap((c) => c.kinds));
  // A class word inside a linked name (闲林水库) names that place, not the class.
  const linkedText = linked.map((e) => e.name).join(' ');
  const classes = [...kinds].filter((kind) => !(language === 'zh' && PLACE_CLASSES.some((c) => c.kinds.includes(kind) && c.zh.test(linkedText))));
  if (!classes.length) return [];
  return entities.filter((e) => e.type === 'place' && e.kind !== null && classes.includes(e.kind));
}

const ZH_TASK_WORDS = /任务|工作|举措|措施|项目|涉及|哪些/;
const EN_TASK_WORDS = /\b(tasks?|work items?|measures?|projects?|involve|touch(es)?|mention)\b/i;
const VALUE_WORDS = /多少|是多少|目标|增长|比重|\d|how (much|many)|target|value|growth|rate|percent/i;

/** Every name and alias (2+ characters) to the entities it names. */
function nameIndex(entities: EntitySummary[]): Map<string, EntitySummary[]> {
  const byName = new Map<string, EntitySummary[]>();
  for (const e of entities) {
    for (const name of new Set([e.name, ...e.aliases])) {
      if (name.length >= 2) byName.set(name, [...(byName.get(name) ?? []), e]);
    }
  }
  return byName;
}

/** Longer names than this are not linked (keeps a 2,000-character question to ~80k lookups). */
const MAX_NAME_CHARS = 40;

/** Names in the question, longest first; a name inside an already linked span is not linked again. */
function linkChinese(question: string, byName: Map<string, EntitySummary[]>): EntitySummary[] {
  const taken: boolean[] = new Array(question.length).fill(false);
  const linked = new Map<string, EntitySummary>();
  for (let length = Math.min(question.length, MAX_NAME_CHARS); length >= 2; length--) {
    for (let at = 0; at + length <= question.length; at++) {
      const found = byName.get(question.slice(at, at + length));
      if (!found || taken.slice(at, at + length).some(Boolean)) continue;
      for (let i = at; i < at + length; i++) taken[i] = true;
      for (const e of found) linked.set(e.id, e);
    }
  }
  return [...linked.values()];
}

/** Pinyin spellings in English text, longest match first at each word, so "Qiantang River" links 钱塘江 and not also 钱塘. */
function linkPinyin(question: string, byKey: Map<string, EntitySummary[]>): EntitySummary[] {
  const words = (question.toLowerCase().match(/[a-z']+/g) ?? []).map((w) => w.replace(/'/g, ''));
  const linked = new Map<string, EntitySummary>();
  for (let i = 0; i < words.length; i++) {
    let key = '';
    let best: { end: number; found: EntitySummary[] } | null = null;
    for (let j = i; j < Math.min(words.length, i + 4); j++) {
      const word = words[j]!;
      key += j > i && ENGLISH_SUFFIX_PINYIN[word] ? ENGLISH_SUFFIX_PINYIN[word] : word;
      const found = byKey.get(key);
      if (found) best = { end: j, found };
    }
    if (!best) continue;
    for (const e of best.found) linked.set(e.id, e);
    i = best.end;
  }
  return [...linked.values()];
}

/** Every pinyin reading of every name and alias (4+ letters), to the entities it spells. */
function pinyinIndex(entities: EntitySummary[]): Map<string, EntitySummary[]> {
  const byKey = new Map<string, EntitySummary[]>();
  for (const e of entities) {
    const keys = new Set([e.pinyin, ...[e.name, ...e.aliases].flatMap(pinyinReadings)]);
    for (const key of keys) {
      if (key.length < 4) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), e]);
    }
  }
  return byKey;
}

interface Linkable {
  generation: number;
  entities: EntitySummary[];
  byName: Map<string, EntitySummary[]> | null;
  byPinyin: Map<string, EntitySummary[]> | null;
}

/** Entity names for linking, reloaded only when the store's generation changes (a write or a delete). */
const linkable = new WeakMap<GraphStore, Linkable>();

async function linkableEntities(store: GraphStore): Promise<Linkable> {
  const generation = await store.generation();
  const cached = linkable.get(store);
  if (cached?.generation === generation) return cached;
  const fresh = { generation, entities: await store.entities({}), byName: null, byPinyin: null };
  linkable.set(store, fresh);
  return fresh;
}

export async function understand(question: string, store: GraphStore): Promise<Understanding> {
  const language = /[\u4e00-\u9fff]/.test(question) ? 'zh' : 'en';
  const cache = await linkableEntities(store);
  const all = cache.entities;
  const terms = language === 'en' ? translateTerms(question) : [];
  const named = language === 'zh'
    ? linkChinese(question, (cache.byName ??= nameIndex(all)))
    : linkPinyin(question, (cache.byPinyin ??= pinyinIndex(all)));
  const byId = new Map([...named, ...linkPlaceClasses(question, language, all, named)].map((e) => [e.id, e]));
  const entities = [...byId.values()];
  const taskWords = language === 'zh' ? ZH_TASK_WORDS : EN_TASK_WORDS;
  const intent: Intent = entities.length && taskWords.test(question)
    ? 'tasks_touching_entity'
    : VALUE_WORDS.test(question) && entities.some((e) => e.type === 'indicator')
      ? 'indicator_value'
      : entities.length
        ? 'entity_lookup'
        : 'semantic_topic';
  return { language, intent, entities, terms, searchText: terms.length ? `${terms.join(' ')} ${question}` : question };
}
