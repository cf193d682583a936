// Mines how many corpus reports use each CC-CEDICT headword (node --import tsx bench/scripts/mine-report-words.ts
// /work/corpus), into src/search/data/report-words.json: English questions pick among a gloss's Chinese words by how
// often government work reports use them (grow → 增长 and 发展, not the botanist's 生长), not by general Chinese.
import { writeFileSync } from 'node:fs';
import { reportFiles } from '../../src/bench/corpus-files.ts';
import { cutDictionaryWords } from '../../src/ingest/extract/lexicon/jieba.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { dictionary } from '../../src/search/cedict.ts';

/** Words in fewer reports than this are left out: they cannot outrank a common sense. */
const MIN_REPORTS = 5;

const root = process.argv[2];
if (!root) throw new Error('usage: mine-report-words.ts CORPUS_DIR');
const files = reportFiles(root);

const headwords = new Set([...dictionary().byGloss.values()].flat());
const reports = new Map<string, number>();
for (const file of files) {
  const { text } = await readDocument(file);
  for (const word of new Set(cutDictionaryWords(text))) if (headwords.has(word)) reports.set(word, (reports.get(word) ?? 0) + 1);
}
const kept = [...reports].filter(([, n]) => n >= MIN_REPORTS).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const out = new URL('../../src/search/data/report-words.json', import.meta.url);
writeFileSync(
  out,
  `${JSON.stringify({ source: `bench/scripts/mine-report-words.ts over ${files.length} corpus reports: CC-CEDICT headwords and the number of reports jieba finds each in (at least ${MIN_REPORTS})`, reports: files.length, words: Object.fromEntries(kept) })}\n`,
);
console.log(`${kept.length} words from ${files.length} reports`);
