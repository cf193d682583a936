// Question understanding: language; intent from Chinese and English cue words; the entities a question names
// (Chinese names and aliases, pinyin spellings in English such as "Qiantangjiang" / "Guali Town", and type words
// standing for every entity of a kind); and, for English, Chinese terms to search with.
import { policyWordsFor } from './everyday-words.ts';
import type { EntitySummary, GraphReader } from '../../graph/store.ts';
import { idfTableOfWords } from '../text/word-idf.ts';
import { pinyinReadings } from './pinyin-readings.ts';
import { cedictTerms } from './cedict.ts';
import { linkEntityClasses } from './entity-classes.ts';
import { glossaryTranslation } from './glossary.ts';
import { ENGLISH_PLACE_WORDS } from './scope.ts';

export type Intent =
  | 'tasks_touching_entity'
  | 'entity_lookup'
  | 'indicator_value'
  | 'indicator_comparison'
  | 'relationship'
  | 'semantic_topic'
  | 'consistency';

export interface Understanding {
  question: string;
  language: 'zh' | 'en';
  intent: Intent;
  entities: EntitySummary[];
  /** Chinese terms for an English question: the policy glossary, then CC-CEDICT for the words left (empty for Chinese). */
  terms: string[];
  /** What the lexical and vector retrievers search for: the question, plus its translated terms. */
  searchText: string;
}

/** English generic words and the pinyin of the Chinese suffix they translate. */
const ENGLISH_SUFFIX_PINYIN: Record<string, string> = {
  river: 'jiang',
  town: 'zhen',
  township: 'xiang',
  subdistrict: 'jiedao',
  street: 'jiedao',
  lake: 'hu',
  reservoir: 'shuiku',
  district: 'qu',
  city: 'shi',
  county: 'xian',
  province: 'sheng',
  road: 'lu',
  avenue: 'dadao',
};

/**
 * What an English question asks the figure of (What were China's foreign exchange reserves …, what resident population
 * does … give): the nouns of the genre's indicators, in the plural where reports count in it.
 */
const FIGURE_NOUNS =
  'gdp|(?:gross domestic |gross )?product|output|income|revenue|population|investment|spending|expenditure|total|number|size|volume|balance|deposits?|loans?|savings|reserves|debt|deficit|surplus|coverage|production|yield|area|capacity|level|price|wages?|pensions?|emissions?|consumption|sales|turnover|throughput|exports?|imports?|length|mileage|share|visits|visitors|arrivals|tourists|passengers|earnings|profits?';

/** The verbs a figure question asks with (What was …, what … did … reach). */
const AUXILIARY = 'was|is|were|are|will|did|does|do|had|has|have';

/** …but not what was done about them (What measures did … take to raise income? What did it say about exports?). */
const NOT_ABOUT_WORK = String.raw`(?! (?:measures|steps|tasks|projects|policies|actions|work|initiatives|reforms|arrangements)\b)(?![^?]*\b(?:say|says|said|do about|done about)\b)`;

/** Cue words per intent, in both languages; the first intent whose cue matches (and whose needs are met) wins. */
const CUES = {
  consistency: {
    zh: /是否.{0,6}(衔接|一致|矛盾|冲突|兑现|落实)|衔接一致|前后一致|相矛盾|(?:目标|指标|任务).{0,6}(?:完成|实现|达到|兑现|落实)了吗/,
    en: /\b(consistent|consistency|contradict\w*|conflicts? with|in line with|keep(s)? (its|the) promise)\b|^(did|does|will|has|have)\b[^?]*\b(meet|met|achieve[sd]?|complete[sd]?|hit|reach(ed)?|fulfil+(ed)?)\b[^?]*\b(targets?|goals?)\b/i,
  },
  // Two figures asked in one question (…是多少，…要提高到多少 / …, and how many …) compare them.
  comparison: {
    zh: /对比|比较|相比|变化|增减|分别是多少|各是多少|各为多少|前后|历年|多少[^。？?]*[，,][^。？?]*多少/,
    en: /\b(compare[sd]?|comparison|versus|vs\.?|changed?|differ(ence)?|over the years|from \d{4} to \d{4}|and how (many|much)|both|respectively|and of)\b|\b(how (much|many)|what)\b[^?]*,? and what\b[^?]*\b(targets?|goals?|plan(ned)?)\b/i,
  },
  relationship: {
    zh: /属于|关系|关联|之间|隶属|归属|位于|哪个方面|代表什么|指什么|是什么意思/,
    // Not "livelihood-related": a compound adjective asks about no relationship.
    en: /(?<!-)\b(relat(e|es|ed|ion|ionship)|connect(ed|ion|s)?|belongs?|part of|under which|stand for|located|path between|link(ed|s)? between)\b/i,
  },
  // 几 before a measure word, and 多 before an adjective, ask for a figure in everyday words (涨几块, 多大).
  value: {
    zh: /多少|几[个家块元辆台处座所项条名人成倍万亿千百十]|百分之几|多[大高快长远]|量化|指标|目标|增长|比重|达到|占比/,
    en: new RegExp(
      String.raw`\b(how (much|many|big|large|high|fast|far|quickly|rapidly)|per (?:head|capita|person)|targets?|values?|rates?|ratio|incidence|cap|percent(age)?|growth|amount|figures?|goals?|what (share|proportion|percentage|level|total|annual|average)|by how much|(?:fallen|fell|dropped|declined|risen|rose|grown|grew|climbed|increased|decreased) to|aim(?:s|ed)? to (?:reach|hit|achieve))\b|\bwhat(?: [\w'-]+){1,3} (?:level|share|proportion|percentage|amount|figure|volume)\b|\bwhat${NOT_ABOUT_WORK}(?: [\w'-]+){0,3}? (?:${AUXILIARY})\b[^?]*\b(?:${FIGURE_NOUNS}|reach|hit|come to|amount to|stand at|surpass(?:ed)?|exceed(?:ed)?|top(?:ped)?)\b|\bwhat${NOT_ABOUT_WORK}(?: [\w'-]+){0,2} (?:${FIGURE_NOUNS})(?: [\w'-]+){0,2} (?:${AUXILIARY})\b`,
      'i',
    ),
  },
  tasks: {
    zh: /任务|工作|举措|措施|项目|涉及|哪些|出现/,
    en: /\b(tasks?|work items?|measures?|projects?|involve[sd]?|touch(es)?|mention(s|ed)?|plans?|arrangements?)\b/i,
  },
};

/** Words that ask for a figure whatever else the question names. */
const STRONG_VALUE_CUE =
  /多少|几[个家块元辆台处座所项条名人成倍万亿千百十]|百分之几|量化|指标|目标|how (much|many)|\btargets?\b|\bcap\b|\bratio\b|\brates?\b/i;
/** The report's own name (政府工作报告) says which report, not that the question asks for its work items. */
const REPORT_NAME = /(?:政府)?工作报告|government work report/gi;

function classify(question: string, language: 'zh' | 'en', entities: EntitySummary[]): Intent {
  const asked = question.replace(REPORT_NAME, ' ');
  const cue = (name: keyof typeof CUES) => CUES[name][language].test(asked);
  const years = new Set(question.match(/(?:19|20)\d{2}/g) ?? []);
  if (cue('consistency')) return 'consistency';
  if (cue('comparison') && (cue('value') || years.size >= 2)) return 'indicator_comparison';
  if (cue('relationship')) return 'relationship';
  // Explicit figure words outrank task words: "今年要完成哪些量化指标" asks for figures, not a task list.
  if (cue('value') && (entities.some((e) => e.type === 'indicator') || STRONG_VALUE_CUE.test(asked))) return 'indicator_value';
  if (entities.length && cue('tasks')) return 'tasks_touching_entity';
  if (cue('value')) return 'indicator_value';
  return entities.length ? 'entity_lookup' : 'semantic_topic';
}

/** Function words of English questions that are not worth translating. */
const ENGLISH_STOP_WORDS = new Set(
  (
    'a an the of in on at to for from by with and or but is are was were be been will would shall should can could do does did ' +
    'what which who whom whose when where why how much many any all some this that these those there their its it they them we our you your ' +
    'i me my he she his her not no yes than then so as into over under about also each every per up down out more most less least ' +
    'task tasks report government year years plan plans mention mentions mentioned involve involves touch touches stand category ' +
    // Question verbs and "new": CC-CEDICT renders them as content words (say → 说道, new → 新生, meet → 满足) that match noise;
    // "work" of "government work report", which names the report (工作, 劳动).
    'say says said create created meet met relate relates compare compared reach reached go goes new ' +
    'work complete completed receive received ' +
    // Frame words of questions about figures, which CC-CEDICT renders as noise (set → 系列, end → 终端, rate → 速度,
    // total → 全面, regional → 地方, level → 层次, period → 时代, come → 降临, planning → 策划); the figure's own words
    // come through the glossary's longer phrases first (unemployment rate, year-end balance, total output value).
    'set end rate total regional level period have has had bring brought come came below above planning amount'
  ).split(' '),
);

/** CC-CEDICT glosses run up to three words ("Asian Games"); longer runs of the remaining content words are tried first. */
const MAX_GLOSS_WORDS = 3;

/** Chinese terms for an English question: glossary phrases first, then CC-CEDICT for the content words no phrase covered. */
function translate(question: string, linkedWords: Set<string>): string[] {
  const { terms, rest } = glossaryTranslation(question);
  const words = rest.filter(
    (w) => /^[a-z][a-z-]{2,}$/.test(w) && !ENGLISH_STOP_WORDS.has(w) && !linkedWords.has(w) && !ENGLISH_PLACE_WORDS.has(w),
  );
  const found: string[] = [];
  for (let i = 0; i < words.length; ) {
    let used = 1;
    for (let n = Math.min(MAX_GLOSS_WORDS, words.length - i); n >= 1; n--) {
      const hits = cedictTerms(words.slice(i, i + n).join(' '));
      if (!hits.length && n > 1) continue;
      found.push(...hits);
      used = n;
      break;
    }
    i += used;
  }
  return [...new Set([...terms, ...found])];
}

/**
 * An alias this short and this common in general Chinese (jieba IDF) is the sentence's shorthand for the entity
 * (建成 for 建成保障性住房 in "新开工……、建成18万套"), not a name: a question that says 建成 does not mean it.
 */
const SHORTHAND_CHARS = 2;
const SHORTHAND_IDF = 8;

function isShorthand(alias: string): boolean {
  return alias.length <= SHORTHAND_CHARS && (idfTableOfWords().get(alias) ?? Infinity) < SHORTHAND_IDF;
}

/** Every name and alias (2+ characters) to the entities it names; an entity's own name always links. */
function nameIndex(entities: EntitySummary[]): Map<string, EntitySummary[]> {
  const byName = new Map<string, EntitySummary[]>();
  for (const e of entities) {
    // A place's short form (杭州 for 杭州市) is common in general Chinese and still names it.
    for (const name of new Set([e.name, ...(e.type === 'place' ? e.aliases : e.aliases.filter((a) => !isShorthand(a)))])) {
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

/**
 * Pinyin spellings in English text, longest match first at each word, so "Qiantang River" links 钱塘江 and not
 * also 钱塘; also returns the words a match used, which need no translation.
 */
function linkPinyin(question: string, byKey: Map<string, EntitySummary[]>): { entities: EntitySummary[]; used: Set<string> } {
  const words = (question.toLowerCase().match(/[a-z']+/g) ?? []).map((w) => w.replace(/'/g, ''));
  const linked = new Map<string, EntitySummary>();
  const used = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let key = '';
    let best: { end: number; found: EntitySummary[] } | null = null;
    for (const [offset, word] of words.slice(i, i + 4).entries()) {
      const j = i + offset;
      key += j > i && ENGLISH_SUFFIX_PINYIN[word] ? ENGLISH_SUFFIX_PINYIN[word] : word;
      const found = byKey.get(key);
      if (found) best = { end: j, found };
    }
    if (!best) continue;
    for (const e of best.found) linked.set(e.id, e);
    for (const word of words.slice(i, best.end + 1)) used.add(word);
    i = best.end;
  }
  return { entities: [...linked.values()], used };
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
const linkable = new WeakMap<GraphReader, Linkable>();

async function linkableEntities(store: GraphReader): Promise<Linkable> {
  const generation = await store.generation();
  const cached = linkable.get(store);
  if (cached?.generation === generation) return cached;
  const fresh = { generation, entities: await store.entities({}), byName: null, byPinyin: null };
  linkable.set(store, fresh);
  return fresh;
}

export async function understand(question: string, store: GraphReader): Promise<Understanding> {
  const language = /[\u4e00-\u9fff]/.test(question) ? 'zh' : 'en';
  const cache = await linkableEntities(store);
  const all = cache.entities;
  // Tone marks go, whether precomposed (NFC: Cáo'é) or combining (NFD): pinyin is matched by its letters.
  const latin = language === 'en' ? question.normalize('NFD').replace(/\p{M}/gu, '') : question;
  // Each lookup index is built on its first use.
  const pinyinLookup = () => {
    cache.byPinyin ??= pinyinIndex(all);
    return cache.byPinyin;
  };
  const nameLookup = () => {
    cache.byName ??= nameIndex(all);
    return cache.byName;
  };
  const pinyin = language === 'en' ? linkPinyin(latin, pinyinLookup()) : null;
  const named = pinyin ? pinyin.entities : linkChinese(question, nameLookup());
  // Words that spelled a linked name are not translated (and an English question naming only places never loads the dictionary).
  const terms = pinyin ? translate(latin, pinyin.used) : [];
  const byId = new Map([...named, ...linkEntityClasses(question, language, all, named)].map((e) => [e.id, e]));
  const entities = [...byId.values()];
  const intent = classify(question, language, entities);
  // A Chinese question in everyday words (街上多了多少辆公共汽车) is searched with the policy words too (公交).
  const everyday = language === 'zh' ? policyWordsFor(question) : [];
  const searchWords = [...terms, ...everyday];
  return {
    question,
    language,
    intent,
    entities,
    terms,
    searchText: searchWords.length ? `${searchWords.join(' ')} ${question}` : question,
  };
}
