// Question-answering metrics per retriever and per language against questions.json gold.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ask, type RetrieverName } from '../search/answer.ts';
import type { Services } from '../services.ts';

export const GoldQuestion = z.object({
  id: z.string(),
  language: z.enum(['zh', 'en']),
  question: z.string(),
  intent: z.string(),
  gold: z.object({ tasks: z.array(z.number()).optional(), substrings: z.array(z.string()).optional(), value: z.string().optional() }).passthrough(),
}).passthrough();
export type GoldQuestion = z.infer<typeof GoldQuestion>;

export interface QuestionMetrics {
  questions: number;
  answered: number;
  taskRecall: number;
  passageRecallAt5: number;
  mrrAt10: number;
}

const CONFIGURATIONS: Record<string, RetrieverName[]> = {
  graph: ['graph'], vector: ['vector'], lexical: ['lexical'], hybrid: ['graph', 'vector', 'lexical'],
};

export function loadQuestions(file: string): GoldQuestion[] {
  return z.array(GoldQuestion).parse(JSON.parse(readFileSync(file, 'utf8')));
}

const mean = (xs: number[]) => (xs.length ? Number((xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3)) : 0);

export async function evaluateQuestions(questions: GoldQuestion[], services: Services) {
  const results: Record<string, Record<string, QuestionMetrics>> = {};
  const perQuestion: Array<{ id: string; retrievers: string; answered: boolean }> = [];
  for (const [name, retrievers] of Object.entries(CONFIGURATIONS)) {
    const rows: Array<{ language: string; taskRecall: number | null; passageRecall: number | null; rr: number | null; answered: boolean }> = [];
    for (const q of questions) {
      const answer = await ask(q.question, services, { k: 10, retrievers });
      const numbers = new Set(answer.tasks.map((t) => t.number));
      const goldTasks = q.gold.tasks ?? [];
      const substrings = q.gold.substrings ?? [];
      const top5 = answer.passages.slice(0, 5).map((p) => p.text);
      const taskRecall = goldTasks.length ? goldTasks.filter((t) => numbers.has(t)).length / goldTasks.length : null;
      const passageRecall = substrings.length ? substrings.filter((s) => top5.some((t) => t.includes(s))).length / substrings.length : null;
      const firstHit = answer.passages.slice(0, 10).findIndex((p) => substrings.some((s) => p.text.includes(s)));
      const rr = substrings.length ? (firstHit < 0 ? 0 : 1 / (firstHit + 1)) : null;
      const answered = (taskRecall ?? 1) === 1 && (passageRecall ?? 1) === 1;
      rows.push({ language: q.language, taskRecall, passageRecall, rr, answered });
      perQuestion.push({ id: q.id, retrievers: name, answered });
    }
    const summarize = (subset: typeof rows): QuestionMetrics => ({
      questions: subset.length,
      answered: subset.filter((r) => r.answered).length,
      taskRecall: mean(subset.flatMap((r) => (r.taskRecall === null ? [] : [r.taskRecall]))),
      passageRecallAt5: mean(subset.flatMap((r) => (r.passageRecall === null ? [] : [r.passageRecall]))),
      mrrAt10: mean(subset.flatMap((r) => (r.rr === null ? [] : [r.rr]))),
    });
    results[name] = { all: summarize(rows), zh: summarize(rows.filter((r) => r.language === 'zh')), en: summarize(rows.filter((r) => r.language === 'en')) };
  }
  return { metrics: results, perQuestion };
}
