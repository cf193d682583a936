// BM25 over a few reports' paragraphs, scored from their text: the embedded store's scoped full-text search for
// queries whose tokens match so many paragraphs that FTS5 — which cannot filter on its unindexed document column
// without reading it for every match — is slow whatever the scope. Constants and document frequencies are the
// index's, so it ranks close to FTS5's bm25 (not identically: term frequency is read from the text).
const K1 = 1.2;
const B = 0.75;
const HAN = /^[\u4e00-\u9fff]+$/;

/** A query token with the number of paragraphs of the store that hold it. */
export interface CountedToken {
  token: string;
  doc: number;
}

/** About as many tokens as the index holds for a text: a Chinese character starts a bigram and is part of a word; other words count once. */
export function indexedLength(text: string): number {
  // A loop over char codes: two regex matches allocated an array per character, 30 ms for a city's 19 reports.
  let han = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) han++;
    const alphanumeric = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (alphanumeric && !inWord) words++;
    inWord = alphanumeric;
  }
  return 2 * han + words;
}

function occurrences(text: string, token: string): number {
  let count = 0;
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length)) count++;
  return count;
}

export interface ScopeCorpus {
  /** Paragraphs in the store (BM25's N). */
  paragraphs: number;
  /** Index tokens per paragraph over the store. */
  averageLength: number;
}

/**
 * The k best paragraphs for the tokens. Term frequency is the token's occurrences in the text (bigrams exactly, a
 * word as a substring, a two-character word of the query twice, as the index holds it as a word and a bigram).
 */
export function rankByBm25(
  rows: Array<{ id: string; text: string }>,
  tokens: CountedToken[],
  queryWords: Set<string>,
  corpus: ScopeCorpus,
  k: number,
): Array<{ paragraphId: string; score: number }> {
  const weights = tokens.map((c) => ({
    token: c.token,
    copies: c.token.length === 2 && queryWords.has(c.token) && HAN.test(c.token) ? 2 : 1,
    idf: Math.max(1e-6, Math.log((corpus.paragraphs - c.doc + 0.5) / (c.doc + 0.5))),
  }));
  const scored: Array<{ paragraphId: string; score: number }> = [];
  for (const row of rows) {
    const text = row.text.toLowerCase();
    const norm = K1 * (1 - B + (B * indexedLength(text)) / corpus.averageLength);
    let score = 0;
    for (const { token, copies, idf } of weights) {
      const tf = copies * occurrences(text, token);
      if (tf) score += (idf * tf * (K1 + 1)) / (tf + norm);
    }
    if (score > 0) scored.push({ paragraphId: row.id, score });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, k);
}
