// Ratchet on the dev question set's tune half (test/fixtures/questions/dev-tune.json), without the embedding model
// (the lexical fallback embedder) so it stays fast: the figures may only go up. The real-model figures, with
// distractor reports ingested beside the dev set, are in README ("How questions are answered"); this guards the
// retrieval, scoping, abstention and direct answers that do not depend on the model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import { loadConfig } from '../../src/config.ts';
import { CONFIGURATIONS, evaluateQuestions, loadQuestionSet, type QuestionEvaluation } from '../../src/eval/questions.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { ask } from '../../src/app/ask.ts';
import { openServices, type Services } from '../../src/services.ts';
import { tempDataDir } from '../e2e/cli-helpers.ts';
import { corpusFile } from '../helpers/shared.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const TUNE = new URL('../fixtures/questions/dev-tune.json', import.meta.url).pathname;
/** Raised, never lowered (but once, below): the figures of the last run that raised them (deterministic: no model, no timing). */
// Re-based once, 2026-12-06, when the default fusion moved from score normalisation to RRF: the fusion was chosen
// on the real model over the dev tune half with 200 distractors (tune zh 0.548 → 0.69, en 0.241 → 0.889), and this
// model-free proxy fell from zh 0.71 to 0.69, from 1 to 2 false abstentions of 70 and (with the places
// recogniser of the same day) from 4 to 3 of 5 abstain questions declined. Raise only from here.
// Raised 2026-12-06 by the direct answer's unit, year and translated-term fit and the year plan's item numbers
// (zh 0.714, en 0.963, colloquial 0.389, abstention accuracy 0.8, direct answer 0.769, task recall 0.571).
// Raised 2026-12-06 (afternoon) by the clause-similarity and level ranking of figures and by the graph keeping to the
// named reports, with task recall now counting only the question's own report (direct answer 0.808, task recall 0.6).
const RATCHET = {
  zh: 0.71,
  en: 0.96,
  colloquial: 0.38,
  falseAbstention: 0.029,
  abstentionAccuracy: 0.8,
  directAnswer: 0.8,
  taskRecall: 0.6,
};

let services: Services;
let evaluation: QuestionEvaluation;

beforeAll(async () => {
  const set = loadQuestionSet(TUNE);
  services = await openServices(loadConfig({ data: tempDataDir(), graph: 'embedded' }, {}), { embedder: new LexicalFallbackEmbedder() });
  await ingestPaths(
    set.documents.map((d) => corpusFile(d.replace(/^corpus:/, ''))),
    services,
  );
  const { hybrid, minisearch, lexical, graph } = CONFIGURATIONS;
  evaluation = await evaluateQuestions(set.questions, services, {
    hybrid: expectDefined(hybrid),
    minisearch: expectDefined(minisearch),
    lexical: expectDefined(lexical),
    graph: expectDefined(graph),
  });
}, 600_000);
afterAll(async () => {
  await services?.close();
});

describe('dev questions (tune half), lexical embedder', () => {
  it('finds the gold passages in the top five at least as often as when last raised', () => {
    const hybrid = expectDefined(evaluation.metrics.hybrid);
    expect(expectDefined(hybrid.zh).passageRecallAt5).toBeGreaterThanOrEqual(RATCHET.zh);
    expect(expectDefined(hybrid.en).passageRecallAt5).toBeGreaterThanOrEqual(RATCHET.en);
    expect(expectDefined(evaluation.byColloquial.hybrid?.colloquial).passageRecallAt5).toBeGreaterThanOrEqual(RATCHET.colloquial);
  });

  it('fuses better than the MiniSearch baseline and every single retriever that ran', () => {
    const recall = (name: string) => expectDefined(evaluation.metrics[name]?.all).passageRecallAt5 ?? 0;
    for (const single of ['minisearch', 'lexical', 'graph']) expect(recall('hybrid')).toBeGreaterThan(recall(single));
  });

  it('abstains rarely on answerable questions, and on the questions nothing answers', () => {
    const all = expectDefined(evaluation.metrics.hybrid?.all);
    expect(all.falseAbstention).toBeLessThanOrEqual(RATCHET.falseAbstention);
    expect(all.abstentionAccuracy).toBeGreaterThanOrEqual(RATCHET.abstentionAccuracy);
  });

  it('states the asked figure in the direct answer', () => {
    expect(expectDefined(evaluation.metrics.hybrid?.all).directAnswer).toBeGreaterThanOrEqual(RATCHET.directAnswer);
  });

  it('lists the year-plan tasks that hold the answer, named by the plan’s top-level item', () => {
    expect(expectDefined(evaluation.metrics.hybrid?.all).taskRecall).toBeGreaterThanOrEqual(RATCHET.taskRecall);
  });

  it('declines a question about a Mars base with no passages and says what was searched', async () => {
    const answer = await ask('火星基地建设进展如何？', services);
    expect(answer.abstained).toBe(true);
    expect(answer.passages).toEqual([]);
    expect(expectDefined(answer.answer).text).toMatch(/检索了\d+份已存报告/);
  });

  it('declines a year of a stored place whose report for that year is not stored, naming the years that are', async () => {
    const answer = await ask('甘肃2010年交通建设有什么计划？', services);
    expect(answer.abstained).toBe(true);
    expect(answer.passages).toEqual([]);
    expect(expectDefined(answer.answer).text).toMatch(/没有甘肃省2010年的报告.*2020/);
    expect((await ask('甘肃2020年交通建设有什么计划？', services)).abstained).toBe(false);
  });
});
