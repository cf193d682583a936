// Guards question-answering quality on the seed's gold questions (fails if it drops; never loosened to pass).
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { evaluateQuestions, loadQuestions } from '../../src/eval/questions.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { openServices, type Services } from '../../src/services.ts';
import { ROOT, tempDataDir } from '../e2e/cli-helpers.ts';

const QUESTIONS = new URL('../../../shared/eval/questions.json', import.meta.url).pathname;
let services: Services;

beforeAll(async () => {
  services = await openServices(loadConfig({ data: tempDataDir(), graph: 'embedded' }, {}));
  await ingestPaths([join(ROOT, 'seeds')], services);
});
afterAll(async () => services?.close());

describe('question answering on the seed', () => {
  it('answers most gold questions with the hybrid retriever, in both languages', async () => {
    const { metrics } = await evaluateQuestions(loadQuestions(QUESTIONS), services);
    const hybrid = metrics.hybrid!;
    expect(hybrid.all!.answered).toBeGreaterThanOrEqual(21);
    expect(hybrid.all!.passageRecallAt5).toBeGreaterThanOrEqual(0.95);
    expect(hybrid.all!.taskRecall).toBeGreaterThanOrEqual(0.9);
    expect(hybrid.zh!.mrrAt10).toBeGreaterThanOrEqual(0.8);
    expect(hybrid.en!.answered).toBeGreaterThanOrEqual(7);
    // Fusion must beat every single retriever.
    for (const single of ['graph', 'vector', 'lexical']) expect(hybrid.all!.answered).toBeGreaterThan(metrics[single]!.all!.answered);
  });
});
