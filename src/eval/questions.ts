// Question-answering metrics against questions.json gold: per retriever configuration (each single retriever,
// the MiniSearch baseline, hybrid with either fusion method), per language, per question set, per gold intent and
// colloquial or not; plus abstention (false abstentions, abstentions where nothing answers) and direct answers.
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ask, DEFAULT_RETRIEVERS, type Answer, type FusionMethod, type RetrieverName } from '../app/ask.ts';
import { defined } from '../domain/defined.ts';
import { DEFAULT_FUSION } from '../search/fuse.ts';
import type { Services } from '../services.ts';
import { CORPUS_PREFIX, isCorpusMember } from './corpus.ts';

/** The fact an indicator question asks for; the direct answer must state this value in this unit. */
const GoldFact = z
  .object({
    value: z.union([z.number(), z.string()]),
    unit: z.string().optional(),
    indicator: z.string().optional(),
    place: z.string().optional(),
    period: z.string().optional(),
    kind: z.string().optional(),
  })
  .passthrough();

export const GoldQuestion = z
  .object({
    id: z.string(),
    language: z.enum(['zh', 'en']),
    question: z.string(),
    intent: z.string(),
    /** Asked in everyday words rather than the report's. */
    colloquial: z.boolean().optional(),
    /** The document the question is about (a path, or "corpus:<member>"; null when no stored report answers it). */
    document: z.string().nullable().optional(),
    /** Which question file the question came from (set by loadQuestionSet). */
    set: z.string().optional(),
    gold: z
      .object({
        tasks: z.array(z.number()).optional(),
        substrings: z.array(z.string()).optional(),
        value: z.string().optional(),
        /** The fact asked for; the seed's gold states its answer as a sentence instead, which is not scored. */
        answer: z.union([GoldFact, z.string()]).optional(),
        /** The facts a comparison asks for: the direct answer must state every one. */
        answers: z.array(GoldFact).optional(),
        /** No stored report answers the question: the right outcome is to say so. */
        abstain: z.boolean().optional(),
      })
      .passthrough(),
  })
  .passthrough();
export type GoldQuestion = z.infer<typeof GoldQuestion>;

/** A question file is the DESIGN.md array, or an object that also lists the documents the questions are about. */
const QuestionFile = z.union([
  z.array(GoldQuestion),
  z.object({ description: z.string().optional(), documents: z.array(z.string()).default([]), questions: z.array(GoldQuestion) }),
]);

export interface QuestionSet {
  questions: GoldQuestion[];
  /** Documents to ingest before asking (empty: whatever the store holds, or the seeds): absolute paths, or corpus members. */
  documents: string[];
}

/** The set a file's questions belong to: its name without folder and extension ("dev-tune"). */
export function setName(file: string): string {
  return basename(file).replace(/\.json$/, '');
}

export function loadQuestionSet(file: string): QuestionSet {
  const parsed = QuestionFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const set = setName(file);
  if (Array.isArray(parsed)) return { questions: parsed.map((q) => ({ set, ...q })), documents: [] };
  // Document paths are relative to the question file, so a file works from any working directory; corpus members stay as they are.
  return {
    questions: parsed.questions.map((q) => ({ set, ...q })),
    documents: parsed.documents.map((d) => (isCorpusMember(d) ? d : resolve(dirname(file), d))),
  };
}

export function loadQuestions(file: string): GoldQuestion[] {
  return loadQuestionSet(file).questions;
}

/** A metric is null when no question of the group has that kind of gold (e.g. no gold tasks). */
export interface QuestionMetrics {
  questions: number;
  answered: number;
  taskRecall: number | null;
  passageRecallAt5: number | null;
  mrrAt10: number | null;
  /** Share of questions a stored report answers on which the answer abstained. */
  falseAbstention: number | null;
  /** Share of questions nothing answers (gold abstain) on which the answer abstained. */
  abstentionAccuracy: number | null;
  /** Share of questions with a gold fact whose direct answer states its value and unit (and period, when given). */
  directAnswer: number | null;
}

export interface Configuration {
  retrievers: RetrieverName[];
  fusion: FusionMethod;
}

const OTHER_FUSION: FusionMethod = DEFAULT_FUSION === 'rrf' ? 'score' : 'rrf';

/** Single retrievers (fusion is moot for one list), the MiniSearch baseline, hybrid as answers run it, and hybrid with the other fusion. */
export const CONFIGURATIONS: Record<string, Configuration> = {
  graph: { retrievers: ['graph'], fusion: DEFAULT_FUSION },
  vector: { retrievers: ['vector'], fusion: DEFAULT_FUSION },
  lexical: { retrievers: ['lexical'], fusion: DEFAULT_FUSION },
  minisearch: { retrievers: ['minisearch'], fusion: DEFAULT_FUSION },
  hybrid: { retrievers: DEFAULT_RETRIEVERS, fusion: DEFAULT_FUSION },
  [`hybrid-${OTHER_FUSION}`]: { retrievers: DEFAULT_RETRIEVERS, fusion: OTHER_FUSION },
};

interface Score {
  taskRecall: number | null;
  passageRecall: number | null;
  rr: number | null;
  answered: boolean;
  abstained: boolean;
  shouldAbstain: boolean;
  directAnswer: boolean | null;
}

interface Row extends Score {
  id: string;
  language: string;
  intent: string;
  set: string;
  colloquial: boolean;
}

type Scored = Pick<Answer, 'tasks' | 'passages' | 'observations'> & Partial<Pick<Answer, 'abstained' | 'answer'>>;

/** "7.5", "7.50" and 7.5 are the same value; "1,000" is 1000. */
const numberOf = (value: number | string) => Number(String(value).replace(/,/g, ''));

/** A unit per month or year (元/月): the gold's 元 when the report says 每人每月600元. */
const PER_PERIOD = /\/(月|年|天|日)$/;

/**
 * Whether the direct answer states the gold fact: one of its facts has the value, unit, period and kind (those the
 * gold gives; 元/月 states gold 元). Changes compare by magnitude, as in numeric-score.ts: gold states a fall as 降低2.11 or as −2.11.
 */
export function statesFact(gold: z.infer<typeof GoldFact>, answer: Scored['answer']): boolean {
  const wanted = numberOf(gold.value);
  const change = gold.kind === 'growth' || gold.kind === 'growth_target';
  return (answer?.facts ?? []).some(
    (f) =>
      (change ? Math.abs(Math.abs(f.value) - Math.abs(wanted)) : Math.abs(f.value - wanted)) < 1e-9 &&
      (!gold.unit || f.unit === gold.unit || f.unit === `${gold.unit}/${PER_PERIOD.exec(f.unit)?.[1]}`) &&
      (!gold.period || f.period === gold.period) &&
      (!gold.kind || f.kind === gold.kind),
  );
}

/** How one answer scores against one question's gold (DESIGN.md: tasks among tasks, substrings in the top 5, value cited). */
export function scoreAnswer(q: GoldQuestion, answer: Scored, itemOf: (task: Scored['tasks'][number]) => number = (t) => t.number): Score {
  const numbers = new Set(answer.tasks.map(itemOf));
  const goldTasks = q.gold.tasks ?? [];
  const substrings = q.gold.substrings ?? [];
  const top5 = answer.passages.slice(0, 5).map((p) => p.text);
  const taskRecall = goldTasks.length ? goldTasks.filter((t) => numbers.has(t)).length / goldTasks.length : null;
  const passageRecall = substrings.length ? substrings.filter((s) => top5.some((t) => t.includes(s))).length / substrings.length : null;
  const firstHit = answer.passages.slice(0, 10).findIndex((p) => substrings.some((s) => p.text.includes(s)));
  const rr = substrings.length ? (firstHit < 0 ? 0 : 1 / (firstHit + 1)) : null;
  const value = q.gold.value;
  const valueCited = !value || top5.some((t) => t.includes(value)) || answer.observations.some((o) => o.text.includes(value));
  const shouldAbstain = q.gold.abstain === true;
  const abstained = answer.abstained === true;
  const facts = q.gold.answers ?? (typeof q.gold.answer === 'object' ? [q.gold.answer] : []);
  const directAnswer = facts.length ? facts.every((f) => statesFact(f, answer.answer)) : null;
  const answered = shouldAbstain ? abstained : (taskRecall ?? 1) === 1 && (passageRecall ?? 1) === 1 && valueCited;
  return { taskRecall, passageRecall, rr, answered, abstained, shouldAbstain, directAnswer };
}

const mean = (xs: number[]) => (xs.length ? Number((xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3)) : null);
const share = (rows: Row[], test: (r: Row) => boolean) => mean(rows.map((r) => (test(r) ? 1 : 0)));

function summarize(rows: Row[]): QuestionMetrics {
  const answerable = rows.filter((r) => !r.shouldAbstain);
  const unanswerable = rows.filter((r) => r.shouldAbstain);
  return {
    questions: rows.length,
    answered: rows.filter((r) => r.answered).length,
    taskRecall: mean(rows.flatMap((r) => (r.taskRecall === null ? [] : [r.taskRecall]))),
    passageRecallAt5: mean(rows.flatMap((r) => (r.passageRecall === null ? [] : [r.passageRecall]))),
    mrrAt10: mean(rows.flatMap((r) => (r.rr === null ? [] : [r.rr]))),
    falseAbstention: share(answerable, (r) => r.abstained),
    abstentionAccuracy: share(unanswerable, (r) => r.abstained),
    directAnswer: mean(rows.flatMap((r) => (r.directAnswer === null ? [] : [r.directAnswer ? 1 : 0]))),
  };
}

function groupBy(rows: Row[], key: (r: Row) => string): Record<string, QuestionMetrics> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => [k, summarize(list)]));
}

export interface QuestionEvaluation {
  /** configuration → all | zh | en → metrics */
  metrics: Record<string, Record<string, QuestionMetrics>>;
  /** configuration → question set → all | zh | en | colloquial | plain → metrics */
  bySet: Record<string, Record<string, Record<string, QuestionMetrics>>>;
  /** configuration → gold intent → metrics */
  byIntent: Record<string, Record<string, QuestionMetrics>>;
  /** configuration → colloquial | plain → metrics */
  byColloquial: Record<string, Record<string, QuestionMetrics>>;
  /** Share of questions whose understood intent equals the gold intent. */
  intentAccuracy: number;
  /** Mean milliseconds per question, per configuration. */
  msPerQuestion: Record<string, number>;
  /** Median and 95th percentile milliseconds per question, per configuration. */
  latency: Record<string, { p50: number; p95: number }>;
  perQuestion: Array<{
    id: string;
    set: string;
    retrievers: string;
    answered: boolean;
    intent: string;
    understoodIntent: string;
    firstHitRank: number | null;
    abstained: boolean;
    directAnswer: boolean | null;
  }>;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? Math.round(defined(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))], 'value at a percentile rank')) : 0;
const colloquialKey = (r: Row) => (r.colloquial ? 'colloquial' : 'plain');

/** A task whose text opens with its own number (1. / 1、 / （1）): the report numbers it, and gold names it by that number. */
const OWN_NUMBER = /^\s*(?:\d{1,3}\s*[.、]|[(（]\d{1,2}[)）])/;

/** Whether each task's number is above the one before it. */
function numbersRise(tasks: Array<{ number: number }>): boolean {
  return tasks.every((t, i) => {
    const previous = tasks[i - 1];
    return previous === undefined || t.number > previous.number;
  });
}

/**
 * Gold names a task by the top-level numbered item of the year plan that holds it: its own number where the report
 * numbers its tasks on through the plan (1. … 38., or the 1. … 10. of a list of practical projects), otherwise its
 * section's place among the plan's sections (（四）'s bold leads, or its 1. 2. counted again, are item 4; a （四） that is a
 * task of its own is item 4 too).
 */
function yearPlanItems(services: Services) {
  const items = new Map<string, number>();
  const read = new Set<string>();
  const key = (t: { documentId: string; number: number; title: string }) => `${t.documentId}/${t.number}/${t.title}`;
  return {
    /** Reads the year plans of the answer's reports, each report once per evaluation. */
    async load(documentIds: Iterable<string>): Promise<void> {
      for (const documentId of documentIds) {
        if (read.has(documentId)) continue;
        read.add(documentId);
        const contents = await services.store.readDocument(documentId);
        if (!contents) continue;
        const opening = (charStart: number) => contents.paragraphs.find((p) => p.charEnd > charStart)?.text ?? '';
        const ordered = contents.tasks.filter((t) => t.horizon === 'year').sort((a, b) => a.charStart - b.charStart);
        const numbered = ordered.filter((t) => OWN_NUMBER.test(opening(t.charStart)));
        // Numbers that run on through the plan name the task; numbers counted again in each section do not.
        const runOn = numbersRise(numbered);
        const countedThrough = numbersRise(ordered);
        const ownNumbers = new Set(countedThrough ? ordered : runOn ? numbered : []);
        // By the section each task sits in (a （七） that is a task of its own, or the section of its lead paragraphs),
        // not by category: a section that is itself a task is categorised under the part, with its siblings.
        const sections = [...new Set(ordered.map((t) => t.sectionPath))];
        for (const t of ordered) items.set(key(t), ownNumbers.has(t) ? t.number : sections.indexOf(t.sectionPath) + 1);
      }
    },
    itemOf: (t: Scored['tasks'][number]) => items.get(key(t)) ?? t.number,
  };
}

/** The stored report a question is about (its `document`, a corpus member or a path), or null when it names none. */
async function goldReports(services: Services): Promise<(q: GoldQuestion) => string | null> {
  const documents = await services.store.listDocuments();
  return (q) => {
    if (!q.document) return null;
    const path = q.document.replace(CORPUS_PREFIX, '');
    return documents.find((d) => d.sourcePath === path || d.sourcePath.endsWith(`/${path}`))?.id ?? null;
  };
}

export async function evaluateQuestions(
  questions: GoldQuestion[],
  services: Services,
  configurations: Record<string, Configuration> = CONFIGURATIONS,
): Promise<QuestionEvaluation> {
  const evaluation: QuestionEvaluation = {
    metrics: {},
    bySet: {},
    byIntent: {},
    byColloquial: {},
    intentAccuracy: 0,
    msPerQuestion: {},
    latency: {},
    perQuestion: [],
  };
  const planItems = yearPlanItems(services);
  const reportOf = await goldReports(services);
  const understood = new Map<string, string>();
  for (const [name, configuration] of Object.entries(configurations)) {
    const rows: Row[] = [];
    const times: number[] = [];
    for (const q of questions) {
      const started = performance.now();
      const answer = await ask(q.question, services, { k: 10, ...configuration });
      times.push(performance.now() - started);
      await planItems.load(answer.tasks.map((t) => t.documentId));
      // A task of another report is no gold task, whatever its number.
      const gold = reportOf(q);
      const score = scoreAnswer(q, answer, (t) => (gold && t.documentId !== gold ? Number.NaN : planItems.itemOf(t)));
      understood.set(q.id, answer.intent);
      const set = q.set ?? 'questions';
      rows.push({ id: q.id, language: q.language, intent: q.intent, set, colloquial: q.colloquial === true, ...score });
      evaluation.perQuestion.push({
        id: q.id,
        set,
        retrievers: name,
        answered: score.answered,
        intent: q.intent,
        understoodIntent: answer.intent,
        firstHitRank: score.rr ? Math.round(1 / score.rr) : null,
        abstained: score.abstained,
        directAnswer: score.directAnswer,
      });
    }
    const sorted = [...times].sort((a, b) => a - b);
    evaluation.msPerQuestion[name] = Math.round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length));
    evaluation.latency[name] = { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
    evaluation.metrics[name] = { all: summarize(rows), ...groupBy(rows, (r) => r.language) };
    evaluation.byIntent[name] = groupBy(rows, (r) => r.intent);
    evaluation.byColloquial[name] = groupBy(rows, colloquialKey);
    const sets = new Map<string, Row[]>();
    for (const r of rows) sets.set(r.set, [...(sets.get(r.set) ?? []), r]);
    evaluation.bySet[name] = Object.fromEntries(
      [...sets].map(([set, list]) => [set, { all: summarize(list), ...groupBy(list, (r) => r.language), ...groupBy(list, colloquialKey) }]),
    );
  }
  evaluation.intentAccuracy = mean(questions.map((q) => (understood.get(q.id) === q.intent ? 1 : 0))) ?? 0;
  return evaluation;
}
