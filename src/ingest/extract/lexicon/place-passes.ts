// The individual place-finding passes over one paragraph. places.ts runs them and adds the document-level
// passes (bare town names, enumerations, route endpoints).
import { gazetteer } from '../../../geo/gazetteer.ts';
import type { ExtractionParagraph } from '../context.ts';
import { type Candidate, candidateAt } from './candidate.ts';
import {
  dictionaryTag,
  isCommonWord,
  isNameTag,
  nameFrequency,
  standsAsWord,
  suffixGluedToWord,
  tagDictionaryWords,
  tagWords,
  wordEndsAt,
} from './jieba.ts';
import { boundaryBefore, isCjk, isGenericBody, precededByCount, scanNameStart } from './name-scan.ts';
import {
  ADMIN_SUFFIXES,
  CITY_QUARTERS,
  COMMON_WORDS_NAMED_LIKE_PLACES,
  GEO_GENERIC_CHARS,
  MOUNTAIN_DESIGNATION,
  NON_ADMIN_ENDINGS,
  NOT_COUNTRIES,
  NOT_PLACES,
  PROVINCE_ABBREVIATIONS,
  PROVINCES,
  REGIONS,
  WATER_SINGLE_BODY_BLOCK,
  ROAD_LINE_NEXT_BLOCK,
  ROAD_LINE_SUFFIX,
  ROAD_RULES,
  SUBDISTRICT_BODY_BLOCK,
  TOWN_BODY_LAST_CHAR_BLOCK,
  TOWNSHIP_BODY_LAST_CHAR_BLOCK,
  TOWNSHIP_NEXT_BLOCK,
  WATER_RULES,
  WATER_WORD_BLOCK,
  ZONE_RULES,
} from './place-vocabulary.ts';
import { findSuffixedNames, longestAlternatives } from './suffix-names.ts';

/** Ends of names after which a new name starts (临浦镇|浦阳江, 余杭区|梦想小镇). */
const AFTER_ADMIN = ['镇', '乡', '街道', '区', '县', '市', '省', '平原'];

function place(paragraph: ExtractionParagraph, start: number, end: number, kind: string, rule: string, priority: number): Candidate {
  return candidateAt(paragraph, start, end, { type: 'place', kind, name: paragraph.text.slice(start, end), rule, priority });
}

const TOWN_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['街道', 'subdistrict'],
  ['镇', 'town'],
  ['乡', 'township'],
];

/** 瓜沥镇, 鸠坑乡, 九堡街道: a two- or three-character body before 镇/乡/街道. */
export function townsIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (const [suffix, kind] of TOWN_SUFFIXES) {
    for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
      const start = scanNameStart(text, at, { maxBody: 3, stopAfter: ['区', '县', '市', '省', '街道'] });
      if (start === null) continue;
      const body = text.slice(start, at);
      const next = text[at + suffix.length];
      if (body.length < 2 || !acceptTownBody(body, suffix, next) || precededByCount(text, start)) continue;
      if (!standsAsWord(text, start, at + suffix.length)) continue;
      found.push(place(paragraph, start, at + suffix.length, kind, 'town', 10));
    }
  }
  return found;
}

/** Single characters that, before a town suffix, make a word of it (场镇, 整镇, 强镇). */
const SUFFIX_WORD_TAGS = new Set(['v', 'a', 'q', 'ad', 'd']);

/** Parts of speech a town's name does not end in: 次发达镇, 所有镇. */
const NOT_TOWN_BODY_TAGS = new Set(['a', 'ad', 'b', 'r', 'v', 'vn', 'd', 'm', 'q']);

function acceptTownBody(body: string, suffix: string, next: string | undefined): boolean {
  const last = body.charAt(body.length - 1);
  // 万村千乡 and 一业多乡 are slogans; one numeral is common in names (九堡, 三河).
  if ((body.match(/[一二三四五六七八九十百千万两多]/g) ?? []).length >= 2) return false;
  const words = tagDictionaryWords(body);
  const lastWord = words.at(-1);
  if (lastWord && NOT_TOWN_BODY_TAGS.has(lastWord.tag) && lastWord.word.length >= 2) return false;
  // 一般|场镇, 探索|整镇, 产业|强镇: an ordinary word and a character that makes a word of the suffix is no name.
  const [lead, suffixWord] = words;
  if (
    words.length === 2 &&
    lead &&
    suffixWord &&
    lead.word.length === 2 &&
    isCommonWord(lead.word) &&
    SUFFIX_WORD_TAGS.has(suffixWord.tag) &&
    suffixWord.word.length === 1
  ) {
    return false;
  }
  if (suffix === '镇' && (TOWN_BODY_LAST_CHAR_BLOCK.has(last) || (next !== undefined && '压守静痛定'.includes(next)))) return false;
  if (suffix === '乡' && (TOWNSHIP_BODY_LAST_CHAR_BLOCK.has(last) || (next !== undefined && TOWNSHIP_NEXT_BLOCK.has(next)))) return false;
  if (suffix === '街道' && SUBDISTRICT_BODY_BLOCK.has(body)) return false;
  // 城关镇, 城郊镇 without a jurisdiction that has one: every county's seat, a class of towns.
  if (isCommonWord(body + suffix) || COMMON_WORDS_NAMED_LIKE_PLACES.has(body)) return false;
  return !isGenericBody(body);
}

function acceptWaterName(text: string, start: number, end: number, bodyEnd: number): boolean {
  const name = text.slice(start, end);
  const body = text.slice(start, bodyEnd);
  if (WATER_WORD_BLOCK.has(name) || WATER_WORD_BLOCK.has(body) || /[0-9]/.test(text[start - 1] ?? '')) return false;
  // 某江村, 某江公园, 某江学院: a village, park or school named after the water, not the water.
  if (NAMED_AFTER_WATER.test(text.slice(end, end + 2))) return false;
  // 法治浙江, 中共浙江: the province, not a river.
  if (PROVINCES.some((province) => name.endsWith(province))) return false;
  // 工布江|达县: the start of a longer unit name, not a river.
  for (let length = end - start + 1; length <= end - start + 3; length++) {
    const longer = text.slice(start, start + length);
    if (longer.length === length && (gazetteer().byStem(longer).length || gazetteer().byName(longer).length)) return false;
  }
  // A one-character body (鳌江) needs the dictionary's word for it, or a clear boundary in front and water
  // words after it (鳌江流域); otherwise it is a verb and its object (拥江发展).
  if (body.length === 1) {
    if (isNameTag(dictionaryTag(name) ?? '')) return true;
    return !WATER_SINGLE_BODY_BLOCK.has(body) && boundaryBefore(text, start) && WATER_CONTEXT_AFTER.test(text.slice(end, end + 4));
  }
  // 资金池, 人才池: a pool of an ordinary noun is a figure of speech.
  if (body.length === 2 && name.endsWith('池') && isCommonWord(body)) return false;
  // The dictionary names the whole water body (南四湖), whatever its body reads as (a numeral, a verb).
  if (isNameTag(dictionaryTag(name) ?? '')) return true;
  // An adjective or verb (丰乐) still names the water before words only a river has (丰乐河|航道, 丰乐河|流域).
  if (body.length === 2)
    return (
      (!NOT_WATER_BODY_TAGS.has(dictionaryTag(body) ?? '') || RIVER_WORDS_AFTER.test(text.slice(end, end + 3))) &&
      !/[一二三四五六七八九十两]/.test(body)
    );
  return ![...body].every((ch) => GEO_GENERIC_CHARS.has(ch));
}

/** Heads of a settlement, street, park or institution named after a water body (洛桑江村 is a person too). */
const NAMED_AFTER_WATER = /^(?:村|路|街|大道|公园|学院|大学|学校|中学|小学|医院)/;

/** Two-character words that are not the name of a water body (沿江 is a direction word, 治理 a verb). */
const NOT_WATER_BODY_TAGS = new Set(['f', 'v', 'vn', 'a', 'ad', 'd', 'p', 'r', 'm', 'q', 'c', 'u', 'l', 'i']);

const WATER_CONTEXT_AFTER =
  /^(?:上游|中游|下游|流域|沿岸|两岸|干流|支流|水系|水域|西排|东排|南排|北排|段|口|大桥|综合|整治|治理|生态|岸线|河道|堤|[,、。;])/;
const RIVER_WORDS_AFTER = /^(?:航道|流域|干流|支流|上游|中游|下游)/;

/** 东平东江 is 东平 and the river 东江, 民办西湖 is 民办 and 西湖: the dictionary's water name ends the span. */
function trailingPlaceWord<T extends { start: number; end: number; bodyEnd: number }>(text: string, name: T): T {
  const words = tagDictionaryWords(text.slice(name.start, name.end));
  const last = words.at(-1);
  if (!last || words.length < 2 || last.tag !== 'ns' || last.word.length <= name.end - name.bodyEnd) return name;
  // What precedes must be whole words, places (东平) or ordinary words (民办), not characters of a rare name.
  if (!words.slice(0, -1).every((w) => w.word.length >= 2 && (w.tag === 'ns' || !isNameTag(w.tag)))) return name;
  return { ...name, start: name.end - last.word.length };
}

/**
 * 省辖|淮河流域, 环|巢湖, 跨|微山湖: a relational verb or preposition of one character in front of a word the dictionary
 * names is no part of the name (亮马河 keeps its 亮).
 */
function withoutLeadingRelation<T extends { start: number; end: number; bodyEnd: number }>(text: string, name: T): T {
  if (!RELATION_CHARACTERS.has(text.charAt(name.start)) || dictionaryTag(text.slice(name.start, name.end)) !== null) return name;
  const rest = text.slice(name.start + 1, name.end);
  // 沿|西南涌: "along" opens no water's name of three characters or more, known or not.
  const along = text.charAt(name.start) === '沿' && rest.length >= 3;
  return along || (rest.length >= 2 && isNameTag(dictionaryTag(rest) ?? '')) ? { ...name, start: name.start + 1 } : name;
}
/** One-character verbs and prepositions of place (around, across, along, within…), generic grammar. */
const RELATION_CHARACTERS = new Set([...'环跨沿临含辖带居受经过至到在于向从往近绕穿入出']);

/** 昆山天福湿地, 德清下渚湖: a unit's name in front of a water body of two characters or more says where it is. */
function withoutLeadingUnit<T extends { start: number; end: number; bodyEnd: number }>(text: string, name: T): T {
  // The segmenter must read the head as a place of its own (鹦鹉|洲长江 and 新一|轮太湖 are no unit and a lake)…
  const [first, second] = tagWords(text.slice(name.start, name.end));
  if (first?.tag !== 'ns' || first.word.length < 2 || first.word.length > 4 || COMMON_WORDS_NAMED_LIKE_PLACES.has(first.word)) return name;
  if (name.bodyEnd - name.start - first.word.length < 2) return name;
  // …and what follows as a name or a word of its own, not one character of a longer phrase (三阳|路|长江隧道).
  if (!second || (second.word.length < 2 && !isNameTag(second.tag) && second.tag !== 'x')) return name;
  // A county or larger: a township's name (大沽) is as often the first word of the water's own name (大沽排污河).
  const units = [...gazetteer().byStem(first.word), ...gazetteer().byName(first.word)];
  return units.some((u) => u.level !== 'township') ? { ...name, start: name.start + first.word.length } : name;
}

/**
 * Water transfers, named by where the water comes from and goes (南水北调中线工程, 引绰济辽工程, 引嫩入白二期): 南水北调 alone,
 * or 引X济/入/进/调Y followed by the work's word (工程, 一期, 总干, 干渠) so that 引导入驻 is no transfer.
 */
const WATER_TRANSFER =
  /南水北调(?:东线|中线|西线)?(?:工程)?|引[\u4e00-\u9fa5]{1,2}(?:济|入|进|调)(?:(?!等)[\u4e00-\u9fa5]){1,2}(?=等?工程|[一二三四]期|总干|干渠)(?:工程)?/g;

function waterTransfersIn(paragraph: ExtractionParagraph): Candidate[] {
  return [...paragraph.text.matchAll(WATER_TRANSFER)].map((m) => place(paragraph, m.index, m.index + m[0].length, 'river', 'water', 7));
}

/** Rivers, lakes, reservoirs and canals: 钱塘江, 宿鸭湖水库, 昆明池, 湟水北干渠; water transfers. */
export function watersIn(paragraph: ExtractionParagraph): Candidate[] {
  return [...suffixedWatersIn(paragraph), ...waterTransfersIn(paragraph)];
}

function suffixedWatersIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const names = findSuffixedNames(text, WATER_RULES, { stopAfter: AFTER_ADMIN, trimLeadingWords: true })
    .map((n) => withoutLeadingRelation(text, withoutLeadingUnit(text, trailingPlaceWord(text, n))))
    .filter((n) => acceptWaterName(text, n.start, n.end, n.bodyEnd));
  const longest = longestAlternatives(names);
  // A river or lake heading its wetland (鹿溪河湿地, 洪泽湖湿地) is named too: the wetland is of that water.
  const wetlandHeads = names.filter(
    (n) => !longest.includes(n) && longest.some((o) => o.start === n.start && text.slice(n.end, o.end) === '湿地'),
  );
  return [...longest, ...wetlandHeads].map((n) => place(paragraph, n.start, n.end, n.rule.kind, 'water', 6));
}

/** Parks and trial zones whose bodies say what they do rather than where they are (现代农业产业园, 借鉴自贸区). */
const DESCRIBED_BY_PURPOSE = new Set([
  '开发区',
  '产业园',
  '物流园',
  '科技园',
  '工业园',
  '工业园区',
  '创业园',
  '软件园',
  '园',
  '试验区',
  '自贸区',
  '风景区',
  '公园',
  '集聚区',
  '产业集聚区',
  '历史文化街区',
  '历史文化片区',
  '历史街区',
  '商圈',
]);

/**
 * Whether a zone's body names it: a body made only of ordinary words of two or more characters (现代农业, 绿色生态,
 * 装备, a verb like 借鉴) describes a kind of zone; a name, an unknown word or a single character (驿淘, 瓷源) names one.
 * Locative words (中外) count as names.
 */
function namesSomething(body: string, suffix: string): boolean {
  if (!DESCRIBED_BY_PURPOSE.has(suffix)) return true;
  // A report's 经济开发区 written alone is its own zone (as its bare 高新区 is, headed-zones.ts).
  if (suffix === '开发区' && body === '经济') return true;
  // A mountain, lake or island names the zone at its foot (棋盘山开发区), whatever the dictionary calls its words.
  if (body.length >= 3 && /[山湖岛]$/.test(body)) return true;
  // A city's park of one word (人民公园, 儿童公园, 劳动公园) is that park; the kinds (湿地公园, 街心公园) are the rule's generic bodies.
  if (suffix === '公园' && body.length === 2 && !tagWords(body).some((w) => w.tag === 'v')) return true;
  return tagDictionaryWords(body).some(
    (w) => w.word.length < 2 || isNameTag(w.tag) || w.tag === 'x' || w.tag === 'f' || w.tag === 'm' || /[A-Za-z0-9]/.test(w.word),
  );
}

/** A plaza named by a brand alone (the dictionary's other proper nouns: 万达, 恒隆) is a development project, not a square. */
function brandPlaza(body: string, suffix: string): boolean {
  if (suffix !== '广场') return false;
  const words = tagWords(body);
  return words.length === 1 && words[0]?.tag === 'nz';
}

/** Development zones, new towns, parks, characteristic towns, sites: 杭州经济开发区, 钱江新城, E商小镇. */
export function zonesIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  // The name must end where a word ends: 兼顾公平原则 has no 平原 in it.
  const names = findSuffixedNames(text, ZONE_RULES, { stopAfter: AFTER_ADMIN, trimLeadingWords: true }).filter(
    (n) =>
      wordEndsAt(text, n.end) &&
      namesSomething(text.slice(n.bodyStart, n.bodyEnd), n.rule.suffix) &&
      // A name the dictionary does not know starts where a word starts (城市群|甘肃片区, not 群甘肃片区).
      (n.rule.body !== 'named' || n.start === 0 || !isCjk(text[n.start - 1]) || wordEndsAt(text, n.start)) &&
      !brandPlaza(text.slice(n.bodyStart, n.bodyEnd), n.rule.suffix),
  );
  return longestAlternatives(names).map((n) => place(paragraph, n.start, n.end, n.rule.kind, 'zone', 6));
}

/** 村村通公路, 市市通高速: a unit written twice (each village, each city) and what reaches it is a slogan, not a road. */
function reduplicatedSlogan(text: string, bodyStart: number): boolean {
  return [bodyStart, bodyStart + 2].some((at) => at >= 2 && text[at] === '通' && text[at - 1] === text[at - 2] && isCjk(text[at - 1]));
}

/** 320国道, 杭黄高铁, 世纪大道, 丰潭路, 临余公路. */
export function roadsIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const names = findSuffixedNames(text, ROAD_RULES, { stopAfter: AFTER_ADMIN, trimLeadingWords: true }).filter(
    (n) => !reduplicatedSlogan(text, n.bodyStart),
  );
  return longestAlternatives(names).flatMap((n) => {
    const road = place(paragraph, n.start, n.end, n.rule.kind, 'road', 6);
    const extension = extensionLength(text, n.end);
    return extension ? [place(paragraph, n.start, n.end + extension, n.rule.kind, 'road', 6), road] : [road];
  });
}

/** An extension of a road or line is a work of its own, named after it and mentioning it (天府大道南延线, 地铁2号线西延线). */
const EXTENSION = /^[东南西北]延(?:伸)?线/;

export function extensionLength(text: string, end: number): number {
  return EXTENSION.exec(text.slice(end, end + 4))?.[0].length ?? 0;
}

/** Two-character road codes (杭临线): the body must be no word at all and stand after a clear boundary. */
export function roadLinesIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (let at = text.indexOf(ROAD_LINE_SUFFIX); at >= 2; at = text.indexOf(ROAD_LINE_SUFFIX, at + 1)) {
    const start = at - 2;
    const body = text.slice(start, at);
    if (!isCjk(body[0]) || !isCjk(body[1]) || !boundaryBefore(text, start)) continue;
    const next = text[at + 1];
    if (next !== undefined && ROAD_LINE_NEXT_BLOCK.has(next)) continue;
    if ('延伸改扩拓移'.includes(body.charAt(1))) continue;
    const bodyTag = dictionaryTag(body);
    if (bodyTag !== null && !NAME_LIKE_TAGS.has(bodyTag)) continue;
    if (dictionaryTag(body + ROAD_LINE_SUFFIX) !== null || suffixGluedToWord(body + ROAD_LINE_SUFFIX, 1)) continue;
    found.push(place(paragraph, start, at + 1, 'road', 'road-line', 6));
  }
  return found;
}

/** Dictionary tags of words that can be the body of a road code: numerals (百五), places, names, unknowns. */
const NAME_LIKE_TAGS = new Set(['m', 'ns', 'nr', 'nrt', 'nz', 'x']);

const RING = /([一二三四五六七八九])环(?=[、,东西南北路线高快全闭之])/g;

/** Ring roads (三环, 四环), also when written as a section of the ring (三环东路). */
export function ringsIn(paragraph: ExtractionParagraph): Candidate[] {
  const found: Candidate[] = [];
  for (const match of paragraph.text.matchAll(RING)) {
    if (!boundaryBefore(paragraph.text, match.index) && isCjk(paragraph.text[match.index - 1])) continue;
    // 二环路 is the ring's full name; 三环东路 a section of the ring, named by the ring.
    const end = match.index + (paragraph.text[match.index + 2] === '路' ? 3 : 2);
    found.push(place(paragraph, match.index, end, 'road', 'ring', 7));
  }
  return found;
}

/** Mountains with a designation after them (大明山4A景区); bare 山 words are mostly figurative. */
export function mountainsIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (let at = text.indexOf('山'); at >= 0; at = text.indexOf('山', at + 1)) {
    if (!MOUNTAIN_DESIGNATION.test(text.slice(at + 1, at + 10))) continue;
    const start = scanNameStart(text, at, { maxBody: 3, stopAfter: AFTER_ADMIN });
    if (start === null || at - start < 2) continue;
    const body = text.slice(start, at);
    if (isCommonWord(`${body}山`) || isGenericBody(body)) continue;
    // A range is named with 脉 (昆仑山脉); its foothills and slopes are landmarks it heads (headed-zones.ts).
    found.push(place(paragraph, start, at + (text[at + 1] === '脉' ? 2 : 1), 'area', 'mountain', 6));
  }
  return found;
}

/** 城北, 城南, 老城: the quarters of a city, unless they are part of a longer word (城南区 is found as a district). */
export function quartersIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (const quarter of CITY_QUARTERS) {
    for (let at = text.indexOf(quarter); at >= 0; at = text.indexOf(quarter, at + 1)) {
      const before = text[at - 1] ?? '';
      const after = text[at + quarter.length] ?? '';
      if (isCommonWord(before + quarter) || isCommonWord(quarter + after) || dictionaryTag(quarter + after) === 'ns') continue;
      found.push(place(paragraph, at, at + quarter.length, 'area', 'quarter', 7));
    }
  }
  return found;
}

const NUMBERED_GEO = /一[江河溪]两岸/g;

/**
 * The riverfront named by its river and banks (一江两岸): one area. Counts of several features (两江四河, 三河六岸,
 * 一河三山) are programme labels, not places (the dev gold's convention).
 */
export function numberedAreasIn(paragraph: ExtractionParagraph): Candidate[] {
  return [...paragraph.text.matchAll(NUMBERED_GEO)].map((m) =>
    place(paragraph, m.index, m.index + m[0].length, 'area', 'numbered-area', 7),
  );
}

const ADMIN_STEM_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['市', 'city'],
  ['区', 'district'],
  ['县', 'county'],
];
const PROVINCE_SET = new Set(PROVINCES);
/** 自治县, 街道: a unit's suffix written alone (3个自治县) names the class. */
const ADMIN_SUFFIX_WORDS = new Set(ADMIN_SUFFIXES.map(([suffix]) => suffix));
const NAMED_ADMIN_ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['特别行政区', 'region'],
  ['自治区', 'province'],
  ['自治州', 'city'],
  ['自治县', 'county'],
  ['省', 'province'],
  ['市', 'city'],
  ['县', 'county'],
  ['区', 'district'],
  ['州', 'city'],
];

/**
 * 苏南, 皖北, 鲁西: a province's part by compass point is a planning label, not a place (the dev gold's convention),
 * but it heads zones named after it (苏南国家自主创新示范区), so the passes find it and the label is dropped once
 * those are built.
 */
export const PLANNING_REGION = 'planning-region';

export interface NamedPlace {
  candidate: Candidate;
  /** Accepted only because the dictionary has an administrative form of the bare word (富阳 → 富阳县). */
  bareAdministrative: boolean;
}

/** Slogans the dictionary tags as places (科教兴市, 人才强省, 贸易富市): something that makes a unit thrive or strong. */
const SLOGAN = /^[\u4e00-\u9fff]{2,}[兴强富立活][国省市县区镇]$/;

function classifyNamedPlace(word: string, tag: string): { kind: string; bare: boolean } | null {
  // Foreign countries, continents and macro-regions (德国, 欧美, 长三角) are not places (issue 12, the dev gold).
  if (NOT_PLACES.has(word) || REGIONS.has(word) || ADMIN_SUFFIX_WORDS.has(word) || SLOGAN.test(word)) return null;
  const stem = word.replace(/(?:省|市|自治区)$/, '');
  if (PROVINCE_SET.has(word) || (stem !== word && PROVINCE_SET.has(stem))) return { kind: 'province', bare: false };
  if (!isNameTag(tag) || word.length < 2) return null;
  if (tag !== 'ns') return bareAdministrative(word);
  if (word.endsWith('国') && word.length <= 3 && !NOT_COUNTRIES.has(word) && dictionaryTag(word) === 'ns') return null;
  if (
    word.length === 2 &&
    PROVINCE_ABBREVIATIONS.has(word.charAt(0)) &&
    '东西南北中'.includes(word.charAt(1)) &&
    !COMMON_WORDS_NAMED_LIKE_PLACES.has(word)
  ) {
    return { kind: PLANNING_REGION, bare: false };
  }
  if (word.length >= 3 && word.endsWith('湾')) return { kind: 'region', bare: false };
  if (COMMON_WORDS_NAMED_LIKE_PLACES.has(word)) return null;
  for (const [ending, kind] of NAMED_ADMIN_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 2 && !NON_ADMIN_ENDINGS.some((e) => word.endsWith(e))) {
      // 百强县: a ranking, not a unit, though the dictionary has it as a place word.
      const body = word.slice(0, -ending.length);
      return COMMON_WORDS_NAMED_LIKE_PLACES.has(body) || isGenericBody(body) ? null : { kind, bare: false };
    }
  }
  return bareAdministrative(word);
}

/**
 * A share of the administrative form below which a bare word is an ordinary word that a county happens to
 * share (安宁 0.016, 东海 0.015, 凤凰 0.01), while real bare names sit above it (萧山 0.22, 宁海 0.34, 象山 0.04).
 */
const MIN_ADMINISTRATIVE_SHARE = 0.03;

/** A bare word whose administrative form is in the dictionary and common enough (富阳 → 富阳县, 萧山 → 萧山区). */
function bareAdministrative(word: string): { kind: string; bare: boolean } | null {
  if (COMMON_WORDS_NAMED_LIKE_PLACES.has(word)) return null;
  let kind: string | null = null;
  let administrative = 0;
  for (const [suffix, suffixKind] of ADMIN_STEM_SUFFIXES) {
    if (dictionaryTag(word + suffix) !== 'ns') continue;
    kind ??= suffixKind;
    administrative += nameFrequency(word + suffix);
  }
  const bare = nameFrequency(word);
  if (kind === null || bare === 0 || administrative / bare < MIN_ADMINISTRATIVE_SHARE) return null;
  return { kind, bare: true };
}

/** Single characters that modify a common word rather than name a place: 新校区, 旧城区, 大山区, 拟上市. */
const NOT_STEM_TAGS = new Set(['a', 'b', 'v', 'q', 'k', 'h', 'm', 'r', 'n']);

const ADMIN_UNIT_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['区', 'district'],
  ['县', 'county'],
  ['市', 'city'],
];

/**
 * Districts, counties and cities the dictionary does not know (柯桥区, 钱塘区): a short body before 区/县/市
 * that is no ordinary word (主城区, 先进县 are) and no common compound (城区, 园区).
 */
export function adminUnitsIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (const [suffix, kind] of ADMIN_UNIT_SUFFIXES) {
    for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
      const start = scanNameStart(text, at, { maxBody: 3, stopAfter: ['省', '市', '州', '盟'] });
      if (start === null || at - start < 2) continue;
      const body = text.slice(start, at);
      const whole = body + suffix;
      if (isCommonWord(whole) || isCommonWord(body) || COMMON_WORDS_NAMED_LIKE_PLACES.has(body) || isGenericBody(body)) continue;
      // 公里城区, 大别山区, 稳住楼市: a common word (城区, 山区, 楼市) after a word; 越城区 (越 + 城区) keeps a
      // one-character stem.
      const oneCharacterStem =
        whole.length === 3 && boundaryBefore(text, start) && !NOT_STEM_TAGS.has(tagDictionaryWords(body.charAt(0))[0]?.tag ?? '');
      if (NON_ADMIN_ENDINGS.some((e) => whole.endsWith(e)) && !oneCharacterStem) continue;
      if (dictionaryTag(whole.slice(-2)) !== null && !oneCharacterStem) continue;
      if (/[区县市省州之]/.test(body)) continue;
      if (/[0-9A-Za-z]/.test(text[start - 1] ?? '')) continue;
      const last = tagDictionaryWords(body).at(-1);
      if (!last || NOT_TOWN_BODY_TAGS.has(last.tag) || !standsAsWord(text, start, at + 1) || precededByCount(text, start)) continue;
      found.push(place(paragraph, start, at + 1, kind, 'admin-unit', 7));
    }
  }
  return found;
}

/** Provinces, cities, districts, countries and regions that the segmenter tags as place names. */
export function namedPlacesIn(paragraph: ExtractionParagraph): NamedPlace[] {
  const text = paragraph.text;
  const found: NamedPlace[] = [];
  let cursor = 0;
  const words = tagWords(text);
  for (const [i, { word, tag }] of words.entries()) {
    const start = text.indexOf(word, cursor);
    if (start < 0) continue;
    cursor = start + word.length;
    const classified = classifyNamedPlace(word, tag);
    // The tagger may cut a name out of a longer dictionary word (大都 from 大都市): the dictionary has the last word.
    if (!classified || !standsAsWord(text, start, cursor)) continue;
    // 富阳 + 区 is the district written out; take the suffix into the mention.
    const next = words[i + 1]?.word;
    const suffixed = classified.bare && next !== undefined && ['市', '区', '县'].includes(next) && text.startsWith(next, cursor);
    const end = suffixed ? cursor + 1 : cursor;
    const kind = suffixed ? (ADMIN_STEM_SUFFIXES.find(([s]) => s === next)?.[1] ?? classified.kind) : classified.kind;
    found.push({ candidate: place(paragraph, start, end, kind, 'named', 7), bareAdministrative: classified.bare && !suffixed });
  }
  return found;
}
