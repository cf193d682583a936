// Names that end in a known suffix (…水库, …开发区, …大道): find the suffix, walk left to the name's start,
// then reject bodies that name nothing in particular.
import type { SuffixRule } from './place-vocabulary.ts';
import {
  cutWords,
  dictionaryTag,
  holdsName,
  holdsVerb,
  isCommonWord,
  leadingNonNameLength,
  suffixGluedToWord,
  tagDictionaryWords,
  tagWords,
} from './jieba.ts';
import { followedByCount, isGenericBody, precededByCount, scanNameStart } from './name-scan.ts';

export interface SuffixedName {
  start: number;
  end: number;
  bodyStart: number;
  bodyEnd: number;
  rule: SuffixRule;
}

const DIGITS = /^[GSX]?[0-9]+$/;
const LEVEL_PREFIX = /^(?:首批|首个|首届|首家|新一轮|新一代|新一批|国家级|省级|市级|区级|县级|国家|全国|全省)+/;
/** Works done to a place, an era, a shape, or the project noun closing the phrase before (国家重点工程|包银高铁). */
const PLACE_WORKS_BEFORE = /^(?:整治|治理|疏浚|修缮|新时代|[\u4e00-\u9fa5]?字形|工程|项目)/;

function acceptBody(text: string, found: SuffixedName): boolean {
  const { rule } = found;
  const body = text.slice(found.bodyStart, found.bodyEnd);
  if (body.length < rule.minBody || body.length > rule.maxBody) return false;
  if (rule.digitsOnly) return DIGITS.test(body);
  // 5A级旅游景区: a name does not start inside a grade or a code.
  if (/[0-9]/.test(body) || /[0-9]/.test(text[found.start - 1] ?? '') || (!rule.letters && /[A-Za-z]/.test(text[found.start - 1] ?? '')))
    return false;
  const next = text[found.end];
  const whole = body + rule.suffix;
  if (
    rule.nextBlock &&
    next !== undefined &&
    rule.nextBlock.includes(next) &&
    !rule.nextAllow?.some((word) => text.startsWith(word, found.end))
  )
    return false;
  if (rule.lastBlock?.includes(body.charAt(body.length - 1))) return false;
  if (rule.countMeansClass && (followedByCount(text, found.end) || precededByCount(text, found.start))) return false;
  const namedNoun =
    rule.dictionaryNounsNamed === true &&
    whole.length === rule.suffix.length + 2 &&
    dictionaryTag(whole) === 'n' &&
    !holdsVerb(body) &&
    !whole.includes('江湖');
  if ((isCommonWord(whole) && !namedNoun) || suffixGluedToWord(whole, rule.suffix.length)) return false;
  // 高等|级内河, 获|批…, 都市|圈环线: a name does not start with a measure word that ends the word before it (张江 may).
  if ([1, 2].some((k) => found.start >= k && isCommonWord(text.slice(found.start - k, found.start + 1))) && tagWords(body)[0]?.tag === 'q')
    return false;
  if ((rule.body === 'named' && !holdsName(body)) || (rule.body === 'noVerb' && holdsVerb(body))) return false;
  return !isGenericBody(body, new Set(rule.generic ?? []));
}

function isSingleWord(text: string): boolean {
  return cutWords(text).length === 1;
}

type FindOptions = {
  stopAfter?: readonly string[];
  keepLevel?: boolean;
  /** Places: every word in front that cannot start a name (verbs, adverbs, works done to the place) is cut. */
  trimLeadingWords?: boolean;
  /** Organisations: only one leading verb is cut; verbal nouns start names (综合行政执法局). */
  trimLeadingVerb?: boolean;
};

/** The name ending in the suffix at `at`, with level qualifiers and leading verbs cut off, or null. */
function nameBefore(text: string, at: number, rule: SuffixRule, options: FindOptions): SuffixedName | null {
  const start = scanNameStart(text, at, {
    maxBody: rule.maxBody,
    letters: rule.letters,
    digits: rule.digitsOnly,
    stopAfter: options.stopAfter,
  });
  if (start === null) return null;
  const name: SuffixedName = { start, end: at + rule.suffix.length, bodyStart: start, bodyEnd: at, rule };
  // Level qualifiers are not part of the name: 省级国际产业合作园 names 国际产业合作园.
  const level = options.keepLevel ? null : LEVEL_PREFIX.exec(text.slice(start, at));
  // 首批国家公园, 首届国家公园: a level or an ordinal with nothing after it names a class, no one place.
  if (level && level[0].length === at - start) return null;
  if (level && at - start - level[0].length >= rule.minBody) {
    name.start += level[0].length;
    name.bodyStart += level[0].length;
  }
  if (options.trimLeadingWords) {
    const body = text.slice(name.bodyStart, at);
    // Words before a place's name that are no part of it: works done to it (整治|某某公园), an era (新时代|黄河), a shape
    // (米字形|快速铁路). Only here: in programme names they are words of the name (环境综合整治行动).
    const works = PLACE_WORKS_BEFORE.exec(body)?.[0].length;
    const trim = works ?? leadingNonNameLength(body);
    // 整治|河涌, 整治|大涌: works done to too short a rest name no place.
    if (works !== undefined && body.length - works < Math.max(1, rule.minBody)) return null;
    if (trim > 0 && body.length - trim >= Math.max(1, rule.minBody)) {
      name.start += trim;
      name.bodyStart += trim;
    } else if (trim === body.length && !isSingleWord(body)) {
      // 复制推广|自贸区: only verbs in front of the suffix; a single word may still be a name (解放大道).
      return null;
    }
  }
  if (options.trimLeadingVerb) {
    // An action on the institution is no part of its name (改造|八一广场, 促进|中化集团); a verbal noun may be (投资审批服务中心).
    const [first] = tagDictionaryWords(text.slice(name.bodyStart, at));
    if (first?.tag === 'v' && first.word.length >= 2 && at - name.bodyStart - first.word.length >= rule.minBody) {
      name.start += first.word.length;
      name.bodyStart += first.word.length;
    }
  }
  return acceptBody(text, name) ? name : null;
}

/** Every accepted name in `text` ending in one of the rules' suffixes; alternatives may overlap. */
export function findSuffixedNames(text: string, rules: readonly SuffixRule[], options: FindOptions = {}): SuffixedName[] {
  const found: SuffixedName[] = [];
  for (const rule of rules) {
    for (let at = text.indexOf(rule.suffix); at >= 0; at = text.indexOf(rule.suffix, at + 1)) {
      const name = nameBefore(text, at, rule, options);
      if (name) found.push(name);
    }
  }
  return found;
}

/** Drops alternatives from the same rule family that share a start or an end with a longer name (宿鸭湖 in 宿鸭湖水库). */
export function longestAlternatives<T extends { start: number; end: number }>(names: T[]): T[] {
  return names.filter(
    (n) =>
      !names.some(
        (o) =>
          o !== n && o.end - o.start > n.end - n.start && (o.start === n.start || o.end === n.end) && o.start <= n.start && n.end <= o.end,
      ),
  );
}
