// Variant question files (test/fixtures/questions/variants-*.json: questions written before a fix, on reports outside
// the dev set) are honest gold: each question's report is listed, every gold substring stands in that report as
// ingest reads it, every stated value is cited by a substring, and indicator questions state their facts.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadQuestionSet } from '../../src/eval/questions.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { corpusFile } from '../helpers/shared.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const DIR = new URL('../fixtures/questions/', import.meta.url).pathname;
const FILES = readdirSync(DIR).filter((f) => f.startsWith('variants-') && f.endsWith('.json'));
const DevSet = JSON.parse(readFileSync(new URL('../fixtures/gold/dev-set.json', import.meta.url), 'utf8')) as {
  reports: Array<{ member: string }>;
};
const devMembers = new Set(DevSet.reports.map((r) => `corpus:${r.member}`));

describe.each(FILES)('%s', (file) => {
  const raw = JSON.parse(readFileSync(`${DIR}${file}`, 'utf8')) as { documents: string[] };
  const { questions } = loadQuestionSet(`${DIR}${file}`);

  it('asks only about its listed reports, none of them in the dev set, with unique ids', () => {
    expect(questions.every((q) => q.document && raw.documents.includes(q.document))).toBe(true);
    expect(raw.documents.filter((d) => devMembers.has(d))).toEqual([]);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('has every gold substring in its report, and the value cited', async () => {
    const texts = new Map<string, string>();
    for (const d of raw.documents) texts.set(d, (await readDocument(corpusFile(d.slice('corpus:'.length)))).text);
    const missing = questions.flatMap((q) =>
      (q.gold.substrings ?? []).filter((s) => !expectDefined(texts.get(expectDefined(q.document))).includes(s)).map((s) => `${q.id}: ${s}`),
    );
    expect(missing).toEqual([]);
    for (const q of questions.filter((x) => x.gold.value))
      expect(
        (q.gold.substrings ?? []).some((s) => s.includes(expectDefined(q.gold.value))),
        q.id,
      ).toBe(true);
  });

  it('states the facts of its indicator questions', () => {
    for (const q of questions.filter((x) => x.intent === 'indicator_value')) expect(typeof q.gold.answer, q.id).toBe('object');
    for (const q of questions.filter((x) => x.intent === 'indicator_comparison'))
      expect(q.gold.answers?.length, q.id).toBeGreaterThanOrEqual(2);
  });
});
