// The segmenter and its dictionary as the entity extractors use them. The dictionary tells generic words
// (道路, 校园) from names and says which bare names have an administrative form (富阳 → 富阳县), which is how
// unseen reports' places are recognised without a gazetteer. Lookups ask jieba itself (a dictionary word
// comes back as one token with its tag), so no copy of the 350,000-word dictionary is built in JavaScript.
import type { TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { segmenter } from '../../../text/segmenter.ts';

/** Part-of-speech tagging with HMM for unknown words. */
export function tagWords(text: string): TaggedWord[] {
  return segmenter().tag(text, true);
}

export function cutWords(text: string): string[] {
  return segmenter().cut(text, true);
}

/** Tagging with dictionary words only: unknown names fall apart into characters instead of being guessed. */
export function tagDictionaryWords(text: string): TaggedWord[] {
  return segmenter().tag(text, false);
}

export function cutDictionaryWords(text: string): string[] {
  return segmenter().cut(text, false);
}

const tagCache = new Map<string, string | null>();

/** The dictionary tag of a word of two or more characters, or null when it is not a dictionary word. */
export function dictionaryTag(word: string): string | null {
  const cached = tagCache.get(word);
  if (cached !== undefined) return cached;
  let tag: string | null = null;
  if (word.length >= 2) {
    const [only, ...more] = tagDictionaryWords(word);
    if (only && more.length === 0 && only.word === word) tag = only.tag;
  }
  tagCache.set(word, tag);
  return tag;
}

/**
 * Whether the dictionary glues the name's last `suffixLength` characters to the characters before them into
 * an ordinary word (道路, 思路, 校园, 幼儿园), so that they are not a suffix of a name at all. Place words
 * (新安江) do not count as glued, nor does the whole name being a dictionary word (its tag decides elsewhere).
 */
export function suffixGluedToWord(whole: string, suffixLength: number): boolean {
  const words = tagDictionaryWords(whole);
  const last = words[words.length - 1];
  return last !== undefined && last.word.length > suffixLength && last.word !== whole && last.tag !== 'ns';
}

/**
 * Whether text[start, end) stands as a word of its own: segmenting the text around it (dictionary words
 * only) puts a word boundary at both ends. 江干 in 长江干流 and 钱塘 in 钱塘江 do not.
 */
export function standsAsWord(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 4);
  const window = text.slice(from, Math.min(text.length, end + 4));
  const boundaries = new Set<number>([0]);
  let offset = 0;
  for (const word of cutDictionaryWords(window)) {
    offset += word.length;
    boundaries.add(offset);
  }
  return boundaries.has(start - from) && boundaries.has(end - from);
}

/** Whether a word ends at `end` when the text around it is segmented (公平原则 has no word ending after 平原). */
export function wordEndsAt(text: string, end: number): boolean {
  const from = Math.max(0, end - 6);
  let offset = from;
  for (const word of cutDictionaryWords(text.slice(from, Math.min(text.length, end + 4)))) {
    offset += word.length;
    if (offset === end) return true;
    if (offset > end) return false;
  }
  return offset === end;
}

/** Dictionary tags of names: places, people, other proper nouns (钱塘江 is tagged as a person's name). */
const NAME_TAGS = new Set(['ns', 'nr', 'nrt', 'nz']);

/** A dictionary word that is not a name (道路, 思路, 校园). */
export function isCommonWord(word: string): boolean {
  const tag = dictionaryTag(word);
  return tag !== null && !NAME_TAGS.has(tag);
}

export function isNameTag(tag: string): boolean {
  return NAME_TAGS.has(tag);
}

/** Parts of speech that do not belong at the start of a name: verbs, adjectives, adverbs, function words. */
const NOT_NAME_START_TAGS = new Set(['v', 'vn', 'vd', 'vg', 'a', 'ad', 'an', 'd', 'p', 'c', 'u', 'uj', 'ul', 'r', 'b', 'f', 'l', 'i', 'q']);

/**
 * How many characters at the start of `text` are words that cannot begin a name (鼓励发展|特色小镇,
 * 民办|西湖, 成立|浙江). Single characters are kept: they are as often part of a rare name (上塘河).
 */
export function leadingNonNameLength(text: string): number {
  let length = 0;
  for (const { word, tag } of tagDictionaryWords(text)) {
    if (word.length < 2 || !NOT_NAME_START_TAGS.has(tag)) break;
    length += word.length;
  }
  return length;
}

let nameFrequencies: Map<string, number> | undefined;

/** Corpus frequency of a dictionary name of two to four characters (0 when it is not a name in the dictionary). */
export function nameFrequency(word: string): number {
  if (!nameFrequencies) {
    nameFrequencies = new Map();
    const text = Buffer.from(dict).toString('utf8');
    for (const [, name, frequency] of text.matchAll(/^(\S{2,4}) (\d+) (?:ns|nr|nrt|nz)$/gm)) {
      if (name !== undefined) nameFrequencies.set(name, Number(frequency));
    }
  }
  return nameFrequencies.get(word) ?? 0;
}

/** Dictionary frequency from which an ordinary word is common in running text (富民 122), not a rare entry (玉门 83, 民勤 19). */
const FREQUENT_WORD = 100;
let frequentWords: Set<string> | undefined;

/**
 * An ordinary word that text uses often: the dictionary lists many county names (民勤, 玉门, 巩留) as rare nouns or
 * verbs, which says little about a report writing them bare.
 */
export function isFrequentCommonWord(word: string): boolean {
  if (!isCommonWord(word)) return false;
  if (!frequentWords) {
    frequentWords = new Set();
    const text = Buffer.from(dict).toString('utf8');
    for (const [, entry, frequency, tag] of text.matchAll(/^(\S{2,4}) (\d+) (\S+)$/gm)) {
      if (entry !== undefined && tag !== undefined && Number(frequency) >= FREQUENT_WORD && !NAME_TAGS.has(tag)) frequentWords.add(entry);
    }
  }
  return frequentWords.has(word);
}

/** Tags a phrase's remnant starts with (高等|级内河航道, 众多湖泊湿地): a body starting so is cut out of a phrase. */
const REMNANT_START_TAGS = new Set(['q', 'm', 'v', 'p', 'c', 'u', 'd', 'r']);

/** A body with a word the segmenter takes for a name, or does not know (鼋头渚, 杨林塘, 天福), not starting as a remnant. */
export function holdsName(body: string): boolean {
  const words = tagWords(body);
  if (REMNANT_START_TAGS.has(words[0]?.tag ?? '')) return false;
  return words.some((w) => isNameTag(w.tag) || w.tag === 'x');
}

/** Whether a body holds a verb (增强|国家公园): a verb's object, not a name. */
export function holdsVerb(body: string): boolean {
  return tagWords(body).some((w) => w.tag === 'v' || w.tag === 'vn');
}
