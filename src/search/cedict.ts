// English → Chinese terms through CC-CEDICT (the cc-cedict package's shipped data, read in reverse: English
// gloss → simplified headwords). The dictionary is ~11 MB of JSON, so it is loaded lazily, once per process,
// and only for English questions. Candidates are ranked by jieba's word frequency so the common word wins
// (hospital → 医院, not a rare synonym), and only frequent multi-character words are kept.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { dict as jiebaDict } from '@node-rs/jieba/dict.js';
import { z } from 'zod';
import { englishForms } from './english-forms.ts';

/** Entries are [traditional, simplified, pinyin, english | english[], …]; checked per entry while indexing (a zod parse of 124k tuples costs seconds). */
const RawEntries = z.object({ all: z.array(z.array(z.unknown())) });

/** Glosses longer than this many words are definitions, not translations. */
const MAX_GLOSS_WORDS = 3;
const TERMS_PER_WORD = 2;
/** jieba frequency below which a headword is too rare to be what an English question means. */
const MIN_FREQUENCY = 500;
const HAN_WORD = /^[\u4e00-\u9fff]{2,4}$/;

interface Dictionary {
  byGloss: Map<string, string[]>;
  frequency: Map<string, number>;
  loadMs: number;
}

let loaded: Dictionary | null = null;

function normalizeGloss(gloss: string): string {
  return gloss
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*to\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The package exports only its API, not its data files: find the data along Node's module lookup paths. */
function dataFile(): string {
  const file = (createRequire(import.meta.url).resolve.paths('cc-cedict') ?? [])
    .map((dir) => join(dir, 'cc-cedict', 'data', 'all.js'))
    .find((candidate) => existsSync(candidate));
  if (!file) throw new Error('cc-cedict data (cc-cedict/data/all.js) not found: is the cc-cedict package installed?');
  return file;
}

/** The package's entries, [traditional, simplified, pinyin, english | english[], …] each. */
export function readCedictEntries(): unknown[][] {
  const text = readFileSync(dataFile(), 'utf8');
  return RawEntries.parse(JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1))).all;
}

function load(): Dictionary {
  const started = performance.now();
  const entries = readCedictEntries();
  const byGloss = new Map<string, string[]>();
  for (const [, simplified, , english] of entries) {
    if (typeof simplified !== 'string' || !HAN_WORD.test(simplified)) continue;
    for (const raw of typeof english === 'string' ? [english] : Array.isArray(english) ? english : []) {
      if (typeof raw !== 'string') continue;
      const gloss = normalizeGloss(raw);
      if (!gloss || gloss.split(' ').length > MAX_GLOSS_WORDS) continue;
      const list = byGloss.get(gloss);
      if (list) list.push(simplified);
      else byGloss.set(gloss, [simplified]);
    }
  }
  const frequency = new Map<string, number>();
  for (const line of Buffer.from(jiebaDict).toString('utf8').split('\n')) {
    const [word, count] = line.split(' ');
    if (word && count && HAN_WORD.test(word)) frequency.set(word, Number(count));
  }
  return { byGloss, frequency, loadMs: Math.round(performance.now() - started) };
}

/** The dictionary, read on first use (or ahead of it: the server reads it before it listens). */
export function dictionary(): Dictionary {
  loaded ??= load();
  return loaded;
}

/** Milliseconds the one load took in this process (null before any English question). */
export function cedictLoadMs(): number | null {
  return loaded?.loadMs ?? null;
}

/**
 * The Chinese words CC-CEDICT glosses exactly as this English word (or its singular) that government work reports
 * use most (grow → 发展, 增长; not 生长), then the most frequent in general Chinese.
 */
export function cedictTerms(word: string): string[] {
  const { byGloss, frequency } = dictionary();
  const { words: inReports } = reportWords();
  const candidates = new Set(englishForms(word.toLowerCase()).flatMap((f) => byGloss.get(f) ?? []));
  return [...candidates]
    .map((term) => ({ term, frequency: frequency.get(term) ?? 0, reports: inReports[term] ?? 0 }))
    .filter((c) => c.frequency >= MIN_FREQUENCY)
    .sort((a, b) => b.reports - a.reports || b.frequency - a.frequency)
    .slice(0, TERMS_PER_WORD)
    .map((c) => c.term);
}

const ReportWords = z.object({ source: z.string(), reports: z.number(), words: z.record(z.string(), z.number()) });
let reportWordsLoaded: z.infer<typeof ReportWords> | null = null;

/** How many corpus reports use each headword (src/search/data/report-words.json, bench/scripts/mine-report-words.ts). */
function reportWords(): z.infer<typeof ReportWords> {
  reportWordsLoaded ??= ReportWords.parse(JSON.parse(readFileSync(new URL('./data/report-words.json', import.meta.url), 'utf8')));
  return reportWordsLoaded;
}
