// Variant question files (test/fixtures/questions/variants-*.json) are gold written before the fix they check:
// every gold substring must stand in one paragraph of the question's own report, every figure be well formed.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_PREFIX } from '../../src/eval/corpus.ts';
import { loadQuestionSet } from '../../src/eval/questions.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { corpusFile } from '../helpers/shared.ts';

const QUESTIONS = new URL('../fixtures/questions/', import.meta.url).pathname;
const files = readdirSync(QUESTIONS).filter((f) => f.startsWith('variants-') && f.endsWith('.json'));

describe.each(files)('%s', (file) => {
  const set = loadQuestionSet(`${QUESTIONS}${file}`);

  it('asks only about its listed reports, in both languages', () => {
    expect(set.questions.every((q) => q.document && set.documents.includes(q.document))).toBe(true);
    expect(new Set(set.questions.map((q) => q.language))).toEqual(new Set(['zh', 'en']));
  });

  it('has every gold substring in one paragraph of the question’s own report', async () => {
    const missing: string[] = [];
    for (const q of set.questions) {
      const text = (await readDocument(corpusFile(q.document!.slice(CORPUS_PREFIX.length)))).text;
      for (const s of q.gold.substrings ?? []) if (/\n/.test(s) || !text.includes(s)) missing.push(`${q.id}: ${s}`);
    }
    expect(missing).toEqual([]);
  });
});
