// How questions are classified against their gold intent, figure questions apart from the rest, per language: a
// change to the intent cues is checked on every question file before it lands. SHOW=1 prints each disagreement.
//   node --import tsx bench/scripts/intent-confusion.ts DATA_DIR QUESTIONS.json…
// DATA_DIR is an ingested store (its entity names are linked as at ask time); files hold {questions} or an array.
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config.ts';
import { understand } from '../../src/search/understand.ts';
import { openServices } from '../../src/services.ts';

const [data, ...files] = process.argv.slice(2);
if (!data || !files.length) throw new Error('usage: intent-confusion.ts DATA_DIR QUESTIONS.json…');
const services = await openServices(loadConfig({ data, graph: 'embedded' }));
const FIGURES = new Set(['indicator_value', 'indicator_comparison']);
const group = (intent: string) => (FIGURES.has(intent) ? intent : 'other');
const counts: Record<string, number> = {};
for (const file of files) {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const questions = (Array.isArray(raw) ? raw : (raw as { questions: unknown[] }).questions) as Array<{
    id: string;
    question: string;
    intent: string;
  }>;
  for (const q of questions) {
    const understood = await understand(q.question, services.store);
    const key = `${understood.language} ${group(q.intent)} → ${group(understood.intent)}`;
    counts[key] = (counts[key] ?? 0) + 1;
    if (process.env.SHOW && group(q.intent) !== group(understood.intent)) console.log(file, q.id, q.intent, understood.intent, q.question);
  }
}
console.log(counts);
await services.close();
