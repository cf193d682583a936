// Lexical tokens for full-text indexes (SQLite FTS5, Neo4j full-text): jieba search-mode words plus CJK
// bigrams, so both whole words and names jieba splits apart (rare place names) can be found.
import { segmenter } from './segmenter.ts';

const HAN_RUN = /[\u4e00-\u9fff]+/g;
const WORD = /^[\u4e00-\u9fffA-Za-z0-9]+$/;

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(HAN_RUN) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** The jieba words among a text's tokens, lower-cased. */
export function lexicalWords(text: string): string[] {
  return segmenter()
    .cutForSearch(text, true)
    .filter((w) => WORD.test(w))
    .map((w) => w.toLowerCase());
}

/** Tokens of a text, in order, lower-cased; words and bigrams may repeat. */
export function lexicalTokens(text: string): string[] {
  return [...lexicalWords(text), ...bigrams(text)];
}

const STOP_WORDS = new Set([
  '哪些',
  '什么',
  '怎么',
  '怎样',
  '如何',
  '是否',
  '有没有',
  '多少',
  '哪个',
  '哪里',
  '涉及',
  '关于',
  '的',
  '了',
  '和',
  '与',
  '在',
  '是',
  '有',
  '吗',
  '呢',
]);

/** Distinct jieba words of a question (2+ characters) without question words: the terms worth highlighting. */
export function questionWords(text: string): string[] {
  return [
    ...new Set(
      segmenter()
        .cutForSearch(text, true)
        .filter((w) => w.length >= 2 && WORD.test(w) && !STOP_WORDS.has(w))
        .map((w) => w.toLowerCase()),
    ),
  ];
}

/** Distinct query tokens without question words, for OR-style matching. */
export function queryTokens(text: string): string[] {
  const words = segmenter()
    .cutForSearch(text, true)
    .filter((w) => WORD.test(w) && !STOP_WORDS.has(w))
    .map((w) => w.toLowerCase());
  const grams = bigrams(text).filter((g) => !STOP_WORDS.has(g) && ![...STOP_WORDS].some((s) => s.length > 1 && s.includes(g)));
  return [...new Set([...words, ...grams])];
}
