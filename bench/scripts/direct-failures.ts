// Why direct answers miss, counted by cause over a question set asked of an ingested store: abstained, no figure
// stated, the right value with another unit, period or kind, another figure of a cited passage, or the passage missed.
// A figure of a cited passage is split by whether it is of another report than the question's, and by whether the asked value was read at ingest at all. Counts only, so a held-out set can be diagnosed without reading its questions; SHOW=1 prints each miss too.
//   node --import tsx bench/scripts/direct-failures.ts QUESTIONS.json DATA_DIR
import { ask } from '../../src/app/ask.ts';
import { loadConfig } from '../../src/config.ts';
import { loadQuestionSet, scoreAnswer } from '../../src/eval/questions.ts';
import { openServices } from '../../src/services.ts';

const [questionsFile, data] = process.argv.slice(2);
if (!questionsFile || !data) throw new Error('usage: direct-failures.ts QUESTIONS.json DATA_DIR');
const services = await openServices(loadConfig({ data }));
const counts: Record<string, number> = {};
const stored = await services.store.observations({});
const sources = new Map((await services.store.listDocuments()).map((d) => [d.id, d.sourcePath]));
/** Whether a stated figure is of another report than the one the question is about (a place's other year). */
function ofAnotherReport(
  document: string | undefined,
  passageIds: string[],
  citations: Array<{ passageId: string; documentId: string }>,
): boolean {
  if (!document) return false;
  const member = document.replace(/^corpus:/, '');
  const cited = citations.filter((c) => passageIds.includes(c.passageId)).map((c) => sources.get(c.documentId) ?? '');
  return cited.length > 0 && cited.every((path) => !path.endsWith(member));
}

/** Whether the asked figure was read at ingest: not at all, with another period or kind, or as asked (then ranked lower). */
async function whyNotStated(facts: Array<{ value: number | string; period?: string; kind?: string }>): Promise<string> {
  const read = facts.map((f) => stored.filter((o) => String(o.value) === String(f.value)));
  if (read.some((r) => !r.length)) return 'value never read';
  const asAsked = facts.every((f, i) => read[i]?.some((o) => (!f.period || o.period === f.period) && (!f.kind || o.kind === f.kind)));
  return asAsked ? 'read as asked, ranked lower' : 'read with another period or kind';
}
for (const q of loadQuestionSet(questionsFile).questions) {
  const facts = q.gold.answers ?? (typeof q.gold.answer === 'object' ? [q.gold.answer] : []);
  if (!facts.length) continue;
  const answer = await ask(q.question, services, { k: 10 });
  const score = scoreAnswer(q, answer);
  const stated = answer.answer?.facts ?? [];
  const valueStated = facts.every((f) => stated.some((s) => String(s.value) === String(f.value)));
  const cause = score.directAnswer
    ? 'right'
    : answer.abstained
      ? 'abstained'
      : !stated.length
        ? 'no figure stated'
        : valueStated
          ? 'right value, other unit, period or kind'
          : (score.passageRecall ?? 0) < 1
            ? 'passage missed'
            : ofAnotherReport(
                  q.document,
                  stated.map((f) => f.passageId),
                  answer.answer?.citations ?? [],
                )
              ? 'a figure of another report'
              : `another figure of a cited passage (${await whyNotStated(facts)})`;
  const key = `${q.language}${q.colloquial ? ' colloquial' : ''}: ${cause}`;
  counts[key] = (counts[key] ?? 0) + 1;
  if (process.env.SHOW && !score.directAnswer) {
    console.log(
      q.id,
      q.question,
      JSON.stringify(facts),
      '→',
      JSON.stringify(stated.map((f) => [f.indicator, f.value, f.unit, f.period, f.kind])),
    );
  }
}
console.log(counts);
await services.close();
