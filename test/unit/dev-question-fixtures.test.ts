// The dev question set (test/fixtures/questions/dev-tune.json and dev-report.json) is honest gold: each file asks
// about exactly its split of the dev set, every gold substring stands verbatim in one paragraph of the question's
// own report as ingest reads it, and colloquial questions really avoid the report's words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readDocument } from '../../src/ingest/read.ts';
import { ObservationKind } from '../../src/domain/schemas.ts';
import { corpusFile } from '../helpers/shared.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const CORPUS_PREFIX = 'corpus:';
const INTENTS = [
  'tasks_touching_entity',
  'entity_lookup',
  'indicator_value',
  'indicator_comparison',
  'relationship',
  'semantic_topic',
  'consistency',
  'abstain',
] as const;

const Answer = z
  .object({
    value: z.number(),
    unit: z.string().min(1),
    indicator: z.string().min(1),
    place: z.string().min(1),
    period: z.string().regex(/^\d{4}(-\d{4})?$/),
    kind: ObservationKind,
  })
  .strict();

const DevQuestion = z
  .object({
    id: z.string(),
    language: z.enum(['zh', 'en']),
    question: z.string().min(1),
    intent: z.enum(INTENTS),
    colloquial: z.boolean(),
    document: z.string().startsWith(CORPUS_PREFIX).nullable(),
    gold: z
      .object({
        substrings: z.array(z.string().min(8).max(40)),
        tasks: z.array(z.number().int().positive()).optional(),
        value: z.string().optional(),
        answer: Answer.optional(),
        answers: z.array(Answer).min(2).optional(),
        abstain: z.literal(true).optional(),
      })
      .strict(),
  })
  .strict();
type DevQuestion = z.infer<typeof DevQuestion>;

const DevQuestionFile = z
  .object({
    description: z.string(),
    documents: z.array(z.string().startsWith(CORPUS_PREFIX)).min(1),
    questions: z.array(DevQuestion),
  })
  .strict();

const DevSet = z
  .object({ reports: z.array(z.object({ member: z.string(), split: z.enum(['tune', 'report']) }).passthrough()) })
  .passthrough();

const SPLITS = { tune: 'dev-tune.json', report: 'dev-report.json' } as const;

const devSet = DevSet.parse(JSON.parse(readFileSync(`${FIXTURES}gold/dev-set.json`, 'utf8')));
const files = Object.entries(SPLITS).map(([split, name]) => ({
  split,
  name,
  ...DevQuestionFile.parse(JSON.parse(readFileSync(`${FIXTURES}questions/${name}`, 'utf8'))),
}));
const questions = files.flatMap((f) => f.questions);

const member = (document: string) => document.slice(CORPUS_PREFIX.length);
const texts = new Map<string, string>();
for (const document of new Set(files.flatMap((f) => f.documents))) {
  texts.set(document, (await readDocument(corpusFile(member(document)))).text);
}

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]{2}$/u;
/** Every two adjacent CJK characters of a text (the words an everyday paraphrase must not borrow). */
function cjkBigrams(text: string): string[] {
  const chars = [...text];
  return chars
    .slice(0, -1)
    .map((c, i) => c + expectDefined(chars[i + 1]))
    .filter((pair) => CJK.test(pair));
}
const sharedBigrams = (q: DevQuestion) => cjkBigrams(q.question).filter((b) => q.gold.substrings.some((s) => s.includes(b)));

const isAbstain = (q: DevQuestion) => q.intent === 'abstain';
const isIndicator = (q: DevQuestion) => q.intent === 'indicator_value' || q.intent === 'indicator_comparison';

describe.each(files)('$name', ({ split, documents, questions: own }) => {
  it(`lists exactly the ${split} reports of the dev set and asks in both languages`, () => {
    const expected = devSet.reports.filter((r) => r.split === split).map((r) => `${CORPUS_PREFIX}${r.member}`);
    expect([...documents].sort()).toEqual(expected.sort());
    expect(new Set(own.map((q) => q.language))).toEqual(new Set(['zh', 'en']));
  });

  it('asks about every listed report, several times each', () => {
    for (const document of documents) expect(own.filter((q) => q.document === document).length).toBeGreaterThanOrEqual(5);
    expect(own.every((q) => q.document === null || documents.includes(q.document))).toBe(true);
  });

  it("has every gold substring in one paragraph of the question's own report", () => {
    const missing = own
      .filter((q) => !isAbstain(q))
      .flatMap((q) =>
        q.gold.substrings
          .filter((s) => /\n/.test(s) || !expectDefined(texts.get(expectDefined(q.document))).includes(s))
          .map((s) => `${q.id}: ${s}`),
      );
    expect(missing).toEqual([]);
  });
});

describe('the dev question set as a whole', () => {
  it('has at least 110 questions with unique ids, in both languages, zh about 60%', () => {
    expect(questions.length).toBeGreaterThanOrEqual(110);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const zhShare = questions.filter((q) => q.language === 'zh').length / questions.length;
    expect(zhShare).toBeGreaterThan(0.5);
    expect(zhShare).toBeLessThan(0.7);
  });

  it('uses every intent several times', () => {
    for (const intent of INTENTS) expect(questions.filter((q) => q.intent === intent).length, intent).toBeGreaterThanOrEqual(3);
  });

  it('gives answerable questions a report and a substring, abstain questions neither', () => {
    for (const q of questions) {
      if (isAbstain(q)) expect(q, q.id).toMatchObject({ document: null, gold: { substrings: [], abstain: true } });
      else {
        expect(q.document, q.id).not.toBeNull();
        expect(q.gold.substrings.length, q.id).toBeGreaterThan(0);
        expect(q.gold.abstain, q.id).toBeUndefined();
      }
    }
    expect(questions.filter(isAbstain).length).toBeGreaterThanOrEqual(8);
    expect(new Set(questions.filter(isAbstain).map((q) => q.language))).toEqual(new Set(['zh', 'en']));
  });

  it('has at least 30 colloquial questions, none sharing a two-character word with its gold', () => {
    const colloquial = questions.filter((q) => q.colloquial);
    expect(colloquial.filter((q) => !isAbstain(q)).length).toBeGreaterThanOrEqual(30);
    expect(colloquial.filter((q) => sharedBigrams(q).length > 0).map((q) => `${q.id}: ${sharedBigrams(q).join(' ')}`)).toEqual([]);
  });

  it('fills value and answer for at least 20 indicator questions, the value cited in the gold', () => {
    const withAnswer = questions.filter((q) => isIndicator(q) && q.gold.answer && q.gold.value);
    expect(withAnswer.length).toBeGreaterThanOrEqual(20);
    for (const q of questions.filter((x) => x.gold.value)) {
      expect(
        q.gold.substrings.some((s) => s.includes(expectDefined(q.gold.value))),
        q.id,
      ).toBe(true);
    }
    for (const q of questions.filter((x) => x.gold.answer || x.gold.answers)) expect(isIndicator(q), q.id).toBe(true);
    for (const q of questions.filter((x) => x.intent === 'indicator_value')) expect(q.gold.answer, q.id).toBeDefined();
    for (const q of questions.filter((x) => x.intent === 'indicator_comparison')) expect(q.gold.answers, q.id).toBeDefined();
  });
});
