// The lexicons questions read on first use — CC-CEDICT (11 MB of JSON), jieba's IDF table and the gazetteer's
// region names — loaded ahead: the server reads them before it listens, so the first English question or the
// first question checked for abstention does not hold the event loop for seconds while others wait.
import { idfTableOfWords } from '../text/word-idf.ts';
import { dictionary } from './cedict.ts';
import { regionNames } from './named-regions.ts';

export function loadQuestionLexicons(): { ms: number } {
  const started = performance.now();
  dictionary();
  idfTableOfWords();
  regionNames();
  return { ms: Math.round(performance.now() - started) };
}
