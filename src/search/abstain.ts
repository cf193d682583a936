// Knowing when nothing answers. A question is declined — no passages, and a sentence saying so and what was
// searched — when it names a place no stored report is about, or when its most specific word (by jieba's
// general-language IDF) is in none of the passages found, no other topical word of it is either, and the
// nearest passage is semantically far.
// Thresholds are calibrated on the dev set's tune questions (README, "How questions are answered").
import type { DocumentSummary } from '../../graph/store.ts';
import { defined } from '../domain/defined.ts';
import type { FusedPassage } from './fuse.ts';
import { placeForms, reportPlace, type QuestionScope } from './scope.ts';
import { chineseRegionsNamed, englishRegionsNamed } from './named-regions.ts';
import { pinyinReadings } from './pinyin-readings.ts';
import { looksLikePinyinName } from './pinyin-syllables.ts';
import { questionWords } from '../text/tokenize.ts';
import { idfTableOfWords } from '../text/word-idf.ts';

/** A word this rare in general Chinese (IDF) names the question's subject (火星 8.6, 看病 8.4; 建设 4.9, 发展 3.6). */
export const SPECIFIC_WORD_IDF = 8;
/**
 * Cosine of the nearest chunk below which the vector retriever found nothing about the question (bge-small-zh):
 * on the tune questions (15 reports stored) the unanswerable ones come to 0.47–0.56, while answerable questions
 * whose rarest word is in no passage and that share no topical word with them reach 0.57 and more — a thin margin,
 * so the other signals must agree too.
 */
export const FAR_COSINE = 0.45;
/** Passages whose words count as found. */
const SEARCHED_PASSAGES = 10;

const wordIdf = (word: string): number | null => idfTableOfWords().get(word) ?? null;

/**
 * A place-like name: two to four characters, none of them a function word or a time word, before an administrative
 * suffix that does not start another word (市场, 市级, 县域).
 */
const NAMED_PLACE =
  /([^\s\d\p{P}的了和与及在是对从向为年月日个级出提中上下今明去全本我该各每城]{2,4}?)(?:省|市|自治区|县)(?![场级民容政委长内域属直辖])/gu;

/** A capitalised word where a place stands: after in/of/for, before 's or a place word ("in Yunnan", "Lhasa City"). */
const ENGLISH_PLACE = /\b(?:in|of|for)\s+([A-Z][a-z]+)\b|\b([A-Z][a-z]+)(?='s\b|\s+(?:City|Province|County|District|Prefecture)\b)/g;

/** English words that happen to split into pinyin and name no place a report could be about. */
const ENGLISH_WORDS_IN_PINYIN = new Set(['china', 'chinese', 'zhongguo']);

/**
 * Places an English question names in pinyin (after in/of/for, before 's or a place word, or any capitalised
 * province or prefecture) that no stored report is about, no linked entity spells, nor any passage found mentions.
 */
export function unstoredEnglishPlaces(question: string, documents: DocumentSummary[], linkedNames: string[]): string[] {
  const stored = documents
    .map(reportPlace)
    .filter((p): p is string => p !== null)
    .flatMap((p) => placeForms(p).en);
  const linked = linkedNames.flatMap(pinyinReadings);
  // ENGLISH_PLACE captures its word in one of its two alternatives.
  const named = [...question.matchAll(ENGLISH_PLACE)].map((m) => defined(m[1] ?? m[2], 'place word of a match'));
  const candidates = new Set([...named, ...englishRegionsNamed(question)]);
  return [...candidates].filter((word) => {
    const key = word.toLowerCase();
    return (
      !ENGLISH_WORDS_IN_PINYIN.has(key) &&
      looksLikePinyinName(word) &&
      !stored.some((s) => s.includes(key)) &&
      !linked.some((l) => l.includes(key))
    );
  });
}

/** Places a Chinese question names (with a suffix, or a province or prefecture bare) that no stored report is about, nor any passage found mentions. */
export function unstoredPlaces(question: string, documents: DocumentSummary[], passages: FusedPassage[]): string[] {
  const stored = documents
    .map(reportPlace)
    .filter((p): p is string => p !== null)
    .flatMap((p) => placeForms(p).zh);
  const suffixed = [...question.matchAll(NAMED_PLACE)].map((m) => m[0]);
  // A bare region the question also names with its suffix (沈阳 in 沈阳市) is that place, not another.
  const candidates = new Set([
    ...suffixed,
    ...chineseRegionsNamed(question).filter((stem) => !suffixed.some((name) => name.includes(stem))),
  ]);
  return [...candidates].filter((name) => {
    const short = name.replace(/(省|市|自治区|县)$/, '');
    return !stored.some((s) => s === name || s === short) && !passages.some((p) => p.text.includes(name));
  });
}

/** The rarest of the words (the question's, or an English question's Chinese terms) in general Chinese, when rare enough to name its subject. */
/** A count asked in everyday words (几块, 多少辆, 3个): rare in general Chinese, but it names no subject. */
const QUANTITY_WORD = /^[几多]|\d/;

export function specificWord(words: string[]): string | null {
  let best: { word: string; idf: number } | null = null;
  for (const word of words) {
    if (QUANTITY_WORD.test(word)) continue;
    const value = wordIdf(word);
    if (value !== null && value >= SPECIFIC_WORD_IDF && (!best || value > best.idf)) best = { word, idf: value };
  }
  return best?.word ?? null;
}

/**
 * Topical words (IDF ≥ this) of a question other than its rarest one: a colloquial question ("怎样让工业区周边居民不再
 * 闻到刺鼻的臭味") shares some with the passages that answer it (工业区) even when its rarest word is nowhere; a question
 * about something no report covers (火星基地建设进展如何) shares only generic ones (基地 6.0, 进展 6.3).
 */
export const TOPICAL_WORD_IDF = 7;

export function supportingWords(words: string[], passages: FusedPassage[]): string[] {
  return words.filter((w) => (wordIdf(w) ?? 0) >= TOPICAL_WORD_IDF && passages.some((p) => p.text.includes(w)));
}

export interface Abstention {
  /** Why nothing answers, in the question's language, with what was searched. */
  reason: string;
}

export interface AbstentionSignals {
  question: string;
  language: 'zh' | 'en';
  documents: DocumentSummary[];
  scope: QuestionScope;
  passages: FusedPassage[];
  /** Names of the entities the question linked (none: the graph knows nothing it names). */
  linkedNames: string[];
  /** The Chinese terms an English question was translated into. */
  terms: string[];
  /** The vector retriever's best cosine; null when it did not run or has no model. */
  nearestCosine: number | null;
}

function searched(signals: AbstentionSignals): string {
  const count = signals.documents.length;
  const scoped = signals.scope.documents.size ? signals.scope.documents.size : count;
  if (signals.language === 'zh')
    return `检索了${scoped}份已存报告${signals.scope.label ? `（${signals.scope.label}）` : ''}，共存${count}份`;
  return `searched ${scoped} stored report(s)${signals.scope.label ? ` (${signals.scope.label})` : ''} of ${count}`;
}

export function abstention(signals: AbstentionSignals): Abstention | null {
  if (!signals.passages.length) {
    return {
      reason:
        signals.language === 'zh'
          ? `没有找到相关内容：${searched(signals)}。`
          : `Nothing in the stored reports matches this question: ${searched(signals)}.`,
    };
  }
  const zh = signals.language === 'zh';
  const missingYear = signals.scope.missingYear;
  if (missingYear) {
    const place = signals.scope.places.join('、');
    const years = missingYear.years.join(zh ? '、' : ', ');
    const stored = missingYear.stored.join(zh ? '、' : ', ');
    return {
      reason: zh
        ? `已存报告中没有${place}${years}年的报告（已存${place}的报告年份：${stored}）：${searched(signals)}。`
        : `No stored report of ${place} covers ${years} (its stored reports are for ${stored}): ${searched(signals)}.`,
    };
  }
  if (!signals.scope.places.length) {
    const missing = zh
      ? unstoredPlaces(signals.question, signals.documents, signals.passages)
      : unstoredEnglishPlaces(signals.question, signals.documents, signals.linkedNames);
    if (missing.length) {
      return {
        reason: zh
          ? `已存报告中没有${missing.join('、')}的报告，也没有段落提到它：${searched(signals)}。`
          : `No stored report is about ${missing.join(', ')}: ${searched(signals)}.`,
      };
    }
  }
  // English questions are searched through translated terms, some of them noise: without a model to say the
  // nearest passage is far, a missing term proves nothing.
  if (signals.linkedNames.length || (!zh && signals.nearestCosine === null)) return null;
  const words = zh ? questionWords(signals.question) : signals.terms;
  const word = specificWord(words);
  const searchedPassages = signals.passages.slice(0, SEARCHED_PASSAGES);
  if (!word || searchedPassages.some((p) => p.text.includes(word))) return null;
  if (signals.nearestCosine !== null && signals.nearestCosine >= FAR_COSINE) return null;
  if (
    supportingWords(
      words.filter((w) => w !== word),
      searchedPassages,
    ).length
  )
    return null;
  return {
    reason: zh
      ? `已存报告没有回答这个问题：没有段落提到「${word}」（${searched(signals)}）。`
      : `No stored report answers this: no passage mentions ${word} (${searched(signals)}).`,
  };
}
