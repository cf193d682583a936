// The question files kept in the repository are honest: every gold substring occurs verbatim in one of the
// documents the file lists, as ingest reads them (normalized text, which passages are cut from).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionSet } from '../../src/eval/questions.ts';
import { readDocument } from '../../src/ingest/read.ts';

const DIR = new URL('../fixtures/questions/', import.meta.url).pathname;
// Files whose documents are corpus members ("corpus:…") are checked by dev-question-fixtures.test.ts.
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json') && !readFileSync(join(DIR, f), 'utf8').includes('"corpus:'));

describe.each(FILES)('%s', (file) => {
  const { questions, documents } = loadQuestionSet(join(DIR, file));

  it('lists its documents and asks in both languages', () => {
    expect(documents.length).toBeGreaterThan(0);
    expect(new Set(questions.map((q) => q.language))).toEqual(new Set(['zh', 'en']));
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('has every gold substring in a listed document', async () => {
    const texts = await Promise.all(documents.map(async (d) => (await readDocument(d)).text));
    const missing = questions.flatMap((q) =>
      (q.gold.substrings ?? []).filter((s) => !texts.some((t) => t.includes(s))).map((s) => `${q.id}: ${s}`),
    );
    expect(missing).toEqual([]);
    expect(questions.every((q) => (q.gold.substrings ?? []).length > 0)).toBe(true);
  });
});
