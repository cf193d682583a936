// Guards question-answering quality (fails if it drops; never loosened to pass): the seed's gold questions, and
// the Hangzhou 2018/2019 questions written for two corpus reports, so the system is not tuned to the seed.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { evaluateQuestions, loadQuestions, loadQuestionSet, type QuestionEvaluation } from '../../src/eval/questions.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { ask } from '../../src/app/ask.ts';
import { openServices, type Services } from '../../src/services.ts';
import { ROOT, tempDataDir } from '../e2e/cli-helpers.ts';
import { sharedPath } from '../helpers/shared.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const SEED_QUESTIONS = sharedPath('eval', 'questions.json');
const HANGZHOU_QUESTIONS = new URL('../fixtures/questions/hangzhou-2018-2019.json', import.meta.url).pathname;
const SINGLE = ['graph', 'vector', 'lexical', 'minisearch'];

let seed: Services;
let hangzhou: Services;
let seedEval: QuestionEvaluation;
let hangzhouEval: QuestionEvaluation;

beforeAll(async () => {
  seed = await openServices(loadConfig({ data: tempDataDir(), graph: 'embedded' }, {}));
  await ingestPaths([join(ROOT, 'seeds')], seed);
  seedEval = await evaluateQuestions(loadQuestions(SEED_QUESTIONS), seed);
  const set = loadQuestionSet(HANGZHOU_QUESTIONS);
  hangzhou = await openServices(loadConfig({ data: tempDataDir(), graph: 'embedded' }, {}), { embedder: seed.embedder });
  await ingestPaths(set.documents, hangzhou);
  hangzhouEval = await evaluateQuestions(set.questions, hangzhou);
});
afterAll(async () => {
  await hangzhou?.store.close();
  await hangzhou?.index.close();
  await seed?.close();
});

describe('question answering on the seed', () => {
  it('answers which tasks touch a river in English and Chinese: tasks 8 and 27 (not 25), each cited by a passage naming it', async () => {
    for (const question of ['which tasks touch Caoejiang', '哪些任务涉及曹娥江？']) {
      const answer = await ask(question, seed);
      const numbers = answer.tasks.map((t) => t.number);
      expect(numbers).toEqual(expect.arrayContaining([8, 27]));
      expect(numbers).not.toContain(25);
      for (const number of [8, 27]) {
        expect(answer.passages.some((p) => p.text.startsWith(`${number}.`) && p.text.includes('曹娥江'))).toBe(true);
      }
      expect(expectDefined(answer.passages[0]).spans.map((s) => s.text)).toContain('曹娥江');
      expect(answer.subgraph.nodes.some((n) => n.name === '曹娥江')).toBe(true);
      expect(answer.timings).toHaveProperty('graph');
    }
  });

  it('says plainly when a linked place is in no planned task, and cites where it does appear', async () => {
    const answer = await ask('2017年哪项任务涉及崧厦？', seed);
    expect(answer.summary).toMatch(/崧厦镇 appears in no planned task/);
    expect(answer.passages.slice(0, 5).some((p) => p.text.includes('深入实施崧厦省级小城市培育建设'))).toBe(true);
  });

  it('reaches the required levels with the hybrid retriever', () => {
    const hybrid = expectDefined(seedEval.metrics.hybrid);
    const all = expectDefined(hybrid.all);
    expect(expectDefined(seedEval.byIntent.hybrid?.tasks_touching_entity).taskRecall).toBe(1);
    expect(expectDefined(hybrid.zh).passageRecallAt5).toBeGreaterThanOrEqual(0.95);
    expect(expectDefined(hybrid.en).passageRecallAt5).toBeGreaterThanOrEqual(0.9);
    expect(all.answered).toBeGreaterThanOrEqual(22);
    expect(all.taskRecall).toBeGreaterThanOrEqual(0.95);
    expect(all.mrrAt10).toBeGreaterThanOrEqual(0.85);
    expect(seedEval.intentAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  // The fusion is chosen on the dev set, never on the seed alone, so the default is held to a fixed floor at its
  // seed figure (0.99, as score normalisation's) rather than to whichever method the seed happens to prefer.
  it('fuses better than every single retriever and the MiniSearch baseline, and keeps its seed floor', () => {
    const recall = (name: string) => expectDefined(seedEval.metrics[name]?.all).passageRecallAt5 ?? 0;
    for (const single of SINGLE) expect(recall('hybrid')).toBeGreaterThan(recall(single));
    expect(recall('hybrid')).toBeGreaterThanOrEqual(0.99);
  });
});

describe('question answering on two other reports (Hangzhou 2018 and 2019)', () => {
  it('scores comparably to the seed', () => {
    const hybrid = expectDefined(hangzhouEval.metrics.hybrid);
    const all = expectDefined(hybrid.all);
    expect(all.passageRecallAt5).toBeGreaterThanOrEqual(0.85);
    expect(expectDefined(hybrid.zh).passageRecallAt5).toBeGreaterThanOrEqual(0.9);
    expect(expectDefined(hybrid.en).passageRecallAt5).toBeGreaterThanOrEqual(0.75);
    expect(all.answered).toBeGreaterThanOrEqual(12);
    for (const single of SINGLE)
      expect(all.passageRecallAt5).toBeGreaterThan(expectDefined(hangzhouEval.metrics[single]?.all).passageRecallAt5 ?? 0);
  });
});
