// Administrative places from the gazetteer, in the light of the report's own jurisdiction: units inside it are
// recognised in their bare form (柯桥 → 柯桥区, 乌镇 → 乌镇镇); units outside need their full name, or a bare
// name that no other unit shares. Bare names that are also ordinary words (和平, 长安, 新华) need context: a
// list with other recognised units, or their parent written right before them.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { adminStem } from '../../geo/admin-stem.ts';
import { type AdminUnit, gazetteer, LEVEL_RANK } from '../../geo/gazetteer.ts';
import type { ExtractionContext, ExtractionParagraph } from './context.ts';
import { type Candidate, candidateAt } from './lexicon/candidate.ts';
import {
  dictionaryTag,
  isCommonWord,
  isFrequentCommonWord,
  isNameTag,
  nameFrequency,
  standsAsWord,
  tagDictionaryWords,
  wordEndsAt,
} from './lexicon/jieba.ts';
import { ADMIN_SUFFIXES, CITY_QUARTERS, COMMON_WORDS_NAMED_LIKE_PLACES } from './lexicon/place-vocabulary.ts';

interface NameEntry {
  unit: AdminUnit;
  /** Written without its suffix. */
  bare: boolean;
  /** An ordinary word too: accepted only with context. */
  needsContext: boolean;
  /** A county outside the jurisdiction written bare: only in a paragraph that names its prefecture. */
  needsRegion?: boolean;
}

type Lexicon = Map<string, NameEntry[]>;

const MAX_NAME = 12;

function add(lexicon: Lexicon, name: string, entry: NameEntry): void {
  const list = lexicon.get(name);
  if (!list) lexicon.set(name, [entry]);
  else if (!list.some((e) => e.unit.code === entry.unit.code)) list.push(entry);
}

/**
 * Dictionary frequency above which a county's or town's bare name is mostly something else: a region or a
 * common word (江南 4,986, 长安 5,355), while bare unit names sit far below (南安 145, 乌镇 106, 晋江 68).
 * Outside the jurisdiction the bar is lower (东海 923 is the sea there, a subdistrict only at home).
 */
const COMMON_NAME_FREQUENCY = { inside: 2000, outside: 500 };

/** An ordinary word that a unit's bare name shares (和平, 长安, 城东): it needs context. */
function ordinaryWord(stem: string, unit: AdminUnit, where: keyof typeof COMMON_NAME_FREQUENCY): boolean {
  if (COMMON_WORDS_NAMED_LIKE_PLACES.has(stem) || CITY_QUARTERS.includes(stem)) return true;
  // County names are often rare dictionary nouns (民勤, 玉门); a prefecture's or township's bare name that is any dictionary
  // word (文山 of 文山会海) is that word.
  // A prefecture's name is a city's first (烟台, 通化, 平凉: the dictionary's other tags for them are noise); it needs
  // context only as a listed common word (大同), or inside a longer word, which standsAsWord already refuses (长治久安).
  if (unit.level === 'prefecture') return false;
  if (unit.level === 'county' ? isFrequentCommonWord(stem) : isCommonWord(stem)) return true;
  // A township sharing a frequent personal name or term (公正 1,361) is mostly that word.
  if (unit.level === 'township' && dictionaryTag(stem) !== 'ns' && nameFrequency(stem) >= COMMON_NAME_FREQUENCY.outside) return true;
  return LEVEL_RANK[unit.level] >= LEVEL_RANK.county && nameFrequency(stem) >= COMMON_NAME_FREQUENCY[where];
}

/**
 * A township-level unit named by its class (经济开发区, 高新区, 工业园区, 良种场: the gazetteer has several of each)
 * is, written in a report, the class or a longer zone's tail (某某经济开发区), never that one unit.
 */
function namedByClass(unit: AdminUnit): boolean {
  if (unit.level !== 'township' || /(?:镇|乡|街道|苏木)$/.test(unit.name)) return false;
  return gazetteer().byName(unit.name).length >= 2 || describedZone(unit.name);
}

const ZONE_DESIGNATION = /(?:经济技术开发区|经济开发区|开发区|产业园区|产业园|工业园区|工业园|物流园区|园区|示范区|试验区|集聚区)$/;

/**
 * A zone a township-level unit is named after by what it does, not where it is (现代农业产业园, 新技术产业园区): its
 * body is ordinary words only, and in a report it is a kind of zone, even where the gazetteer has one unit so named.
 */
function describedZone(name: string): boolean {
  const designation = ZONE_DESIGNATION.exec(name);
  if (!designation || designation.index < 2) return false;
  return tagDictionaryWords(name.slice(0, designation.index)).every((w) => w.word.length >= 2 && !isNameTag(w.tag) && w.tag !== 'x');
}

/** A full name that is itself a common word (城区, 矿区, 郊区) names no particular unit. */
function usableFullName(name: string): boolean {
  return name.length >= 3 || (!isCommonWord(name) && !COMMON_WORDS_NAMED_LIKE_PLACES.has(name));
}

const FEATURE_ENDINGS = /[河江湖岛山路桥港湾溪塘口门坝园场站]$/;
/** A town's bare name at the head of a work, a market or a scenic area (某镇水库, 某街市场) names that place, not the town. */
const FEATURE_AFTER = /^(?:水库|水利枢纽|江|河|湖|溪|渠|湾|地道|大桥|桥|隧道|立交|站|机场|港|码头|市场|景区)/;
/** A water body, island or monument named after a unit at any level (西安河, 桂林洋, 陈村水道, 海甸岛, 西夏陵). */
const NAMED_FEATURE_AFTER = /^(?:[河江湖洋岛溪涌陵寺窟]|水道)/;
/** 5.2万|山区: a name starting with a numeral unit right after a number is part of the figure. */
const AFTER_FIGURE = /[0-9０-９.一二三四五六七八九十]$/;

const WordLikeStems = z.object({ source: z.string(), stems: z.array(z.string()) });
let wordLike: ReadonlySet<string> | null = null;

/**
 * Prefecture names that are ordinary words too (安康 good health, 日照 sunshine, 德州 Texas; lexicon/data/word-like-unit-stems.json,
 * mined from CC-CEDICT by bench/scripts/mine-word-like-stems.ts): outside their province they need context.
 */
function wordLikeStems(): ReadonlySet<string> {
  wordLike ??= new Set(
    WordLikeStems.parse(JSON.parse(readFileSync(new URL('./lexicon/data/word-like-unit-stems.json', import.meta.url), 'utf8'))).stems,
  );
  return wordLike;
}

let national: Lexicon | null = null;

/**
 * Names that hold anywhere: full names of county-level and larger units, bare names of provinces and prefectures,
 * and bare names of counties that no other county-level unit shares and the dictionary knows as a place.
 */
function nationalLexicon(): Lexicon {
  if (national) return national;
  const lexicon: Lexicon = new Map();
  const stemUnits = new Map<string, AdminUnit[]>();
  for (const level of ['province', 'prefecture', 'county'] as const) {
    for (const unit of unitsAt(level)) {
      for (const name of namesOf(unit)) {
        const stem = adminStem(name);
        // A district named like a quarter (老城区, 新城区, 城中区) is, outside its own city, mostly the quarter of the city at hand.
        if (usableFullName(name))
          add(lexicon, name, { unit, bare: false, needsContext: level === 'county' && COMMON_WORDS_NAMED_LIKE_PLACES.has(stem) });
        const sharing = stemUnits.get(stem) ?? [];
        if (stem !== name && !sharing.includes(unit)) stemUnits.set(stem, [...sharing, unit]);
      }
    }
  }
  for (const [stem, units] of stemUnits) {
    const [largest] = [...units].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
    const larger = units.filter((u) => u.level !== 'county');
    const [onlyLarger] = larger;
    // 杭州 is the prefecture even though 杭州湾 has towns; a county stem must be unique and a dictionary place.
    if (larger.length === 1 && onlyLarger)
      add(lexicon, stem, {
        unit: onlyLarger,
        bare: true,
        needsContext: ordinaryWord(stem, onlyLarger, 'outside') || wordLikeStems().has(stem),
      });
    else if (larger.length === 0 && units.length === 1 && largest && !isFrequentCommonWord(stem)) {
      // A name no other unit down to the townships shares (霍尔果斯, 林周) is that county anywhere; others need their prefecture.
      const unique = gazetteer().byStem(stem).length === 1 && gazetteer().byName(stem).length === 0;
      const distinctive = dictionaryTag(stem) === 'ns' || stem.length >= 3;
      add(lexicon, stem, {
        unit: largest,
        bare: true,
        needsContext: ordinaryWord(stem, largest, 'outside'),
        needsRegion: !(unique && distinctive),
      });
    }
  }
  national = lexicon;
  return lexicon;
}

/** The unit's name and the names it bore in earlier revisions (襄阳市, 襄樊市). */
function namesOf(unit: AdminUnit): string[] {
  return [unit.name, ...(unit.formerNames ?? [])];
}

function unitsAt(level: AdminUnit['level']): AdminUnit[] {
  const g = gazetteer();
  const found: AdminUnit[] = [];
  const walk = (unit: AdminUnit) => {
    if (unit.level === level) found.push(unit);
    else if (LEVEL_RANK[unit.level] < LEVEL_RANK[level]) g.children(unit.code).forEach(walk);
  };
  for (const code of PROVINCE_CODES()) {
    const province = g.byCode(code);
    if (province) walk(province);
  }
  return found;
}

let provinceCodes: string[] | null = null;
function PROVINCE_CODES(): string[] {
  provinceCodes ??= Array.from({ length: 90 }, (_, i) => `${i + 10}0000`).filter((c) => gazetteer().byCode(c));
  return provinceCodes;
}

const jurisdictionLexicons = new Map<string, Lexicon>();

/** Units inside the report's jurisdiction, full and bare; townships only below province level. */
function jurisdictionLexicon(code: string): Lexicon {
  const cached = jurisdictionLexicons.get(code);
  if (cached) return cached;
  const g = gazetteer();
  const root = g.byCode(code);
  const lexicon: Lexicon = new Map();
  if (root) {
    const deepest = root.level === 'province' ? LEVEL_RANK.county : LEVEL_RANK.township;
    const walk = (unit: AdminUnit) => {
      if (namedByClass(unit)) return;
      // A province's towns only by their full names (八一镇): bare, they are too many and too plain.
      if (LEVEL_RANK[unit.level] > deepest) {
        if (unit.name.length >= 3) add(lexicon, unit.name, { unit, bare: false, needsContext: false });
        return;
      }
      for (const name of namesOf(unit)) {
        const stem = adminStem(name);
        // 老城区 in a province's report is an old quarter anywhere; in its own city's, the district.
        const quarterName = (COMMON_WORDS_NAMED_LIKE_PLACES.has(stem) || CITY_QUARTERS.includes(stem)) && unit.parentCode !== code;
        if (usableFullName(name)) add(lexicon, name, { unit, bare: false, needsContext: quarterName });
        // A township named after a feature (阿什河街道, 太阳岛街道, 城乡路街道): the bare word is the feature.
        const namesFeature = unit.level === 'township' && FEATURE_ENDINGS.test(stem);
        if (stem !== name && !namesFeature) add(lexicon, stem, { unit, bare: true, needsContext: ordinaryWord(stem, unit, 'inside') });
      }
      g.children(unit.code).forEach(walk);
    };
    g.children(code).forEach(walk);
  }
  if (jurisdictionLexicons.size > 64) jurisdictionLexicons.clear();
  jurisdictionLexicons.set(code, lexicon);
  return lexicon;
}

function kindOf(unit: AdminUnit): string {
  if (unit.level === 'province') return 'province';
  if (unit.level === 'prefecture') return 'city';
  const suffix = ADMIN_SUFFIXES.find(([s]) => unit.name.endsWith(s));
  if (unit.level === 'township') return suffix?.[1] === 'township' || suffix?.[1] === 'subdistrict' ? suffix[1] : 'town';
  return suffix?.[1] === 'city' ? 'city' : suffix?.[1] === 'district' ? 'district' : 'county';
}

interface Found {
  entry: NameEntry;
  start: number;
  end: number;
}

/** The entry a written name stands for: inside the jurisdiction first, then one whose parent the text names. */
function choose(written: string, entries: NameEntry[], jurisdiction: string | null, paragraph: string): NameEntry | null {
  const g = gazetteer();
  // The first entry of a unit wins: the jurisdiction's lexicon comes first and asks for no region.
  const distinct = [...new Map([...entries].reverse().map((e) => [e.unit.code, e])).values()];
  const inside = jurisdiction ? distinct.filter((e) => g.within(e.unit.code, jurisdiction)) : [];
  const pool = inside.length ? inside : distinct;
  const [first] = pool;
  if (pool.length === 1 && first) return first;
  // An ancestor named elsewhere in the paragraph, not by these very characters (新乡 is 新乡市, not 新乡县 in 新乡市).
  const named = pool.filter((e) =>
    g
      .lineage(e.unit.code)
      .slice(1)
      .some((a) => adminStem(a.name) !== written && paragraph.includes(adminStem(a.name))),
  );
  const [onlyNamed] = named;
  if (named.length === 1 && onlyNamed) return onlyNamed;
  // The largest unit, when it is larger than all the others.
  const [largest, next] = [...pool].sort((a, b) => LEVEL_RANK[a.unit.level] - LEVEL_RANK[b.unit.level]);
  return largest && next && LEVEL_RANK[largest.unit.level] < LEVEL_RANK[next.unit.level] ? largest : null;
}

/** Words after which a unit's name is the head of a place named after it (某县港, 某县生态建设示范区, 某山关). */
const PLACE_HEAD_OF = /^(?:港|机场|站|关|高新区|开发区|经开区|保税|综保区|新区|片区|园区|产业园|工业园|示范区|试验区|古城|古镇)/;

function headsPlaceName(text: string, start: number, end: number): boolean {
  const next = PLACE_HEAD_OF.exec(text.slice(end, end + 4));
  return next !== null && standsAsWord(text, start, end + Math.min(next[0].length, 2)) === true;
}

/**
 * A county-level unit of the jurisdiction, or any prefecture or province, glued by the segmenter to the word after
 * it (某县生态建设示范区, 某市工业园区, 某市对某地区, 某市至某市) counts when a word ends right before it.
 */
function nameAtWordStart(text: string, start: number, end: number, entry: NameEntry, jurisdiction: string | null): boolean {
  const { unit } = entry;
  if (entry.needsContext || entry.needsRegion || unit.level === 'township') return false;
  const inside = jurisdiction !== null && gazetteer().within(unit.code, jurisdiction);
  if (!inside && unit.level === 'county') return false;
  // 杭州湾, 苏州河: a feature named after the place is another place.
  if (/[湾江河湖海山路桥岛]/.test(text[end] ?? '')) return false;
  // 和政|府: the last character belongs to the next word (政府).
  if (isCommonWord(text.slice(end - 1, end + 1))) return false;
  // 长|江西|路, 滨|江西|带, 河|长治|百河: the first character belongs to the word before (长江, 滨江, 河长).
  if (start > 0 && dictionaryTag(text.slice(start - 1, start + 1)) !== null) return false;
  return start === 0 || !/[\u4e00-\u9fa5]/.test(text.charAt(start - 1)) || wordEndsAt(text, start);
}

function scan(paragraph: ExtractionParagraph, lexicons: Lexicon[], jurisdiction: string | null): Found[] {
  const text = paragraph.text;
  const found: Found[] = [];
  for (let i = 0; i < text.length; i++) {
    for (let length = Math.min(MAX_NAME, text.length - i); length >= 2; length--) {
      const name = text.slice(i, i + length);
      const entries = lexicons.flatMap((l) => l.get(name) ?? []);
      if (!entries.length) continue;
      if (/^[万千百亿]/.test(name) && AFTER_FIGURE.test(text.slice(0, i))) continue;
      // 和县|域: a one-character name's suffix belongs to the next word (县域, 县级).
      if (length === 2 && !entries.every((e) => e.bare) && isCommonWord(text.slice(i + 1, i + 3))) continue;
      const entry = choose(name, entries, jurisdiction, text);
      if (
        !entry ||
        !(
          standsAsWord(text, i, i + length) ||
          headsPlaceName(text, i, i + length) ||
          nameAtWordStart(text, i, i + length, entry, jurisdiction)
        )
      )
        continue;
      found.push({ entry, start: i, end: i + length });
      i += length - 1;
      break;
    }
  }
  return found;
}

/** An ordinary-word name counts in a 、-list next to recognised units, or right after its parent (天津和平). */
function hasContext(text: string, item: Found, all: Found[]): boolean {
  const before = text[item.start - 1] ?? '';
  const after = text[item.end] ?? '';
  // Two unit names side by side in a list, or as the ends of a route, vouch for each other (和平、河西、南开; 吐鲁番—库车).
  const listed = all.some(
    (o) => o !== item && ((PAIRING.test(before) && o.end === item.start - 1) || (PAIRING.test(after) && o.start === item.end + 1)),
  );
  // The parent itself (天津|和平), not a province further up (辽宁|振兴发展).
  const parent = all.some((o) => o.end === item.start && o.entry.unit.code === item.entry.unit.parentCode);
  // A city's airport, station or port is named by the city (大同机场, 日照港): the ordinary word (大同) has none.
  const hub = item.entry.unit.level !== 'township' && HUB_AFTER.test(text.slice(item.end, item.end + 3));
  return listed || parent || hub;
}

/** Joins two unit names: a list's 、, or a route's dash or 至 (吐鲁番—库车, 通化至梅河口). */
const PAIRING = /^[、—－至]$/;

const HUB_AFTER = /^(?:机场|火车站|高铁站|[东南西北]站|港(?![澳口航台股资人]))/;

/** Dictionary tags of set phrases: a bare name opening one (长治久安, 文山会海) is the phrase's (台湾同胞, n, is not). */
const SET_PHRASE_TAGS = new Set(['i', 'l', 'nz']);

function inIdiom(text: string, start: number, end: number): boolean {
  const [first] = tagDictionaryWords(text.slice(start, start + 4));
  return first !== undefined && first.word.length === 4 && end - start < 4 && SET_PHRASE_TAGS.has(first.tag);
}

const FORMER_SUFFIXES = ['镇', '乡', '街道', '区', '县', '市'];

/**
 * The unit's name as the report writes it: a 2017 report's 某某镇 may be today's 某某街道, a 2010 report's 某某市 today's
 * 某某区. The gazetteer's current name stays an alias.
 */
function writtenName(unit: AdminUnit, documentText: string): string {
  const written = namesOf(unit).find((name) => documentText.includes(name));
  if (written) return written;
  const stem = adminStem(unit.name);
  // Written bare under a name of its own from before a rename (襄樊, today 襄阳).
  const renamed = unit.formerNames?.find((name) => adminStem(name) !== stem && documentText.includes(adminStem(name)));
  if (renamed) return renamed;
  if (stem === unit.name) return unit.name;
  // The former name standing as a word: 南京区域 holds no 南京区.
  const standsWritten = (form: string) => {
    for (let at = documentText.indexOf(form); at >= 0; at = documentText.indexOf(form, at + 1))
      if (!isCommonWord(documentText.slice(at + form.length - 1, at + form.length + 1))) return true;
    return false;
  };
  return FORMER_SUFFIXES.map((s) => stem + s).find((form) => form !== unit.name && standsWritten(form)) ?? unit.name;
}

export interface AdminPlace {
  candidate: Candidate;
  unit: AdminUnit;
  /** Written only as the head of a feature's name (某镇水库, 某街道港): no place of its own there. */
  headsFeature: boolean;
}

export function adminPlacesIn(ctx: ExtractionContext): AdminPlace[] {
  const lexicons = [nationalLexicon()];
  if (ctx.placeCode) lexicons.unshift(jurisdictionLexicon(ctx.placeCode));
  const places: AdminPlace[] = [];
  const g = gazetteer();
  const documentText = ctx.paragraphs.map((p) => p.text).join('\n');
  // The prefecture itself must be named nearby: a province named once (湖南) does not make 蓝山 its county,
  // nor 杭州 named somewhere make 滨江 (riverside) its district.
  // Or its province written earlier in the same sentence (对口支援新疆霍尔果斯、巩留、阿图什).
  const inNamedRegion = (unit: AdminUnit, text: string, start: number) => {
    const parent = g.byCode(unit.parentCode ?? '');
    if (parent !== undefined && text.includes(adminStem(parent.name))) return true;
    const sentence = text.slice(Math.max(...[...'。；;！？'].map((end) => text.lastIndexOf(end, start))) + 1, start);
    return g.lineage(unit.code).some((a) => a.level === 'province' && sentence.includes(adminStem(a.name)));
  };
  for (const paragraph of ctx.paragraphs) {
    const found = scan(paragraph, lexicons, ctx.placeCode ?? null);
    for (const item of found) {
      if (item.entry.needsContext && !hasContext(paragraph.text, item, found)) continue;
      if (item.entry.needsRegion && !inNamedRegion(item.entry.unit, paragraph.text, item.start)) continue;
      if (item.entry.bare && inIdiom(paragraph.text, item.start, item.end)) continue;
      const after = paragraph.text.slice(item.end, item.end + 4);
      // A township's bare name heading a work or a zone (某村地道桥, 利民开发区) names that place, not the township; it
      // may still head a hub's name (某镇机场, 某街道港).
      const headsFeature =
        item.entry.bare && item.entry.unit.level === 'township' && (FEATURE_AFTER.test(after) || PLACE_HEAD_OF.test(after));
      // 西安|河, 桂林|洋, 陈村|水道: a bare name heading a water body or island names that place, not the unit, unless the
      // next unit starts there (广西|河池).
      if (item.entry.bare && NAMED_FEATURE_AFTER.test(after) && !found.some((o) => o.start === item.end)) continue;
      const { unit } = item.entry;
      const surface = paragraph.text.slice(item.start, item.end);
      const name = writtenName(unit, documentText);
      places.push({
        unit,
        headsFeature,
        candidate: candidateAt(paragraph, item.start, item.end, {
          type: 'place',
          kind: kindOf(unit),
          name,
          rule: 'gazetteer',
          priority: 9,
          code: unit.code,
          aliases: [...new Set([surface, unit.name])].filter((a) => a !== name),
        }),
      });
    }
  }
  return places;
}
