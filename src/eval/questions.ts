// Question-answering metrics against questions.json gold: per retriever configuration (each single retriever,
// the MiniSearch baseline, hybrid with either fusion method), per language and per gold intent.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ask, DEFAULT_RETRIEVERS, type Answer, type FusionMethod, type RetrieverName } from '../search/answer.ts';
import { DEFAULT_FUSION } from '../search/fuse.ts';
import type { Services } from '../services.ts';

export const GoldQuestion = z.object({
  id: z.string(),
  language: z.enum(['zh', 'en']),
  question: z.string(),
  intent: z.string(),
  gold: z.object({ tasks: z.array(z.number()).optional(), substrings: z.array(z.string()).optional(), value: z.string().optional() }).passthrough(),
}).passthrough();
export type GoldQuestion = z.infer<typeof GoldQuestion>;

/** A question file is the DESIGN.md array, or an object that also lists the documents the questions are about. */
const QuestionFile = z.union([
  z.array(GoldQuestion),
  z.object({ description: z.string().optional(), documents: z.array(z.string()).default([]), questions: z.array(GoldQuestion) }),
]);

export interface QuestionSet {
  questions: GoldQuestion[];
  /** Absolute paths of the documents to ingest before asking (empty: whatever the store holds, or the seeds). */
  documents: string[];
}

export function loadQuestionSet(file: string): QuestionSet {
  const parsed = QuestionFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  if (Array.isArray(parsed)) return { questions: parsed, documents: [] };
  // Document paths are relative to the question file, so a file works from any working directory.
  return { questions: parsed.questions, documents: parsed.documents.map((d) => resolve(dirname(file), d)) };
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

interface Row {
  id: string;
  language: string;
  intent: string;
  taskRecall: number | null;
  passageRecall: number | null;
  rr: number | null;
  answered: boolean;
}

/** How one answer scores against one question's gold (DESIGN.md: tasks among tasks, substrings in the top 5, value cited). */
export function scoreAnswer(q: GoldQuestion, answer: Pick<Answer, 'tasks' | 'passages' | 'observations'>): Omit<Row, 'id' | 'language' | 'intent'> {
  const numbers = new Set(answer.tasks.map((t) => t.number));
  const goldTasks = q.gold.tasks ?? [];
  const substrings = q.gold.substrings ?? [];
  const top5 = answer.passages.slice(0, 5).map((p) => p.text);
  const taskRecall = goldTasks.length ? goldTasks.filter((t) => numbers.has(t)).length / goldTasks.length : null;
  const passageRecall = substrings.length ? substrings.filter((s) => top5.some((t) => t.includes(s))).length / substrings.length : null;
  const firstHit = answer.passages.slice(0, 10).findIndex((p) => substrings.some((s) => p.text.includes(s)));
  const rr = substrings.length ? (firstHit < 0 ? 0 : 1 / (firstHit + 1)) : null;
  const value = q.gold.value;
  const valueCited = !value || top5.some((t) => t.includes(value)) || answer.observations.some((o) => o.text.includes(value));
  return { taskRecall, passageRecall, rr, answered: (taskRecall ?? 1) === 1 && (passageRecall ?? 1) === 1 && valueCited };
}

const mean = (xs: number[]) => (xs.length ? Number((xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3)) : null);

function summarize(rows: Row[]): QuestionMetrics {
  return {
    questions: rows.length,
    answered: rows.filter((r) => r.answered).length,
    taskRecall: mean(rows.flatMap((r) => (r.taskRecall === null ? [] : [r.taskRecall]))),
    passageRecallAt5: mean(rows.flatMap((r) => (r.passageRecall === null ? [] : [r.passageRecall]))),
    mrrAt10: mean(rows.flatMap((r) => (r.rr === null ? [] : [r.rr]))),
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
  /** configuration → gold intent → metrics */
  byIntent: Record<string, Record<string, QuestionMetrics>>;
  /** Share of questions whose understood intent equals the gold intent. */
  intentAccuracy: number;
  /** Mean milliseconds per question, per configuration. */
  msPerQuestion: Record<string, number>;
  perQuestion: Array<{ id: string; retrievers: string; answered: boolean; intent: string; understoodIntent: string; firstHitRank: number | null }>;
}

export async function evaluateQuestions(questions: GoldQuestion[], services: Services, configurations: Record<string, Configuration> = CONFIGURATIONS): Promise<QuestionEvaluation> {
  const metrics: QuestionEvaluation['metrics'] = {};
  const byIntent: QuestionEvaluation['byIntent'] = {};
  const msPerQuestion: Record<string, number> = {};
  const perQuestion: QuestionEvaluation['perQuestion'] = [];
  const understood = new Map<string, string>();
  for (const [name, configuration] of Object.entries(configurations)) {
    const rows: Row[] = [];
    const started = performance.now();
    for (const q of questions) {
      const answer = await ask(q.question, services, { k: 10, ...configuration });
      const score = scoreAnswer(q, answer);
      understood.set(q.id, answer.intent);
      rows.push({ id: q.id, language: q.language, intent: q.intent, ...score });
      perQuestion.push({ id: q.id, retrievers: name, answered: score.answered, intent: q.intent, understoodIntent: answer.intent, firstHitRank: score.rr ? Math.round(1 / score.rr) : null });
    }
    msPerQuestion[name] = Math.round((performance.now() - started) / Math.max(1, questions.length));
    metrics[name] = { all: summarize(rows), ...groupBy(rows, (r) => r.language) };
    byIntent[name] = groupBy(rows, (r) => r.intent);
  }
  const intentAccuracy = mean(questions.map((q) => (understood.get(q.id) === q.intent ? 1 : 0))) ?? 0;
  return { metrics, byIntent, intentAccuracy, msPerQuestion, perQuestion };
}
