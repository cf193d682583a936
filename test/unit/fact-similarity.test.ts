import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../embeddings/embedder.ts';
import type { Observation } from '../../src/domain/schemas.ts';
import { clauseSimilarity } from '../../src/search/fact-similarity.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

/** A stand-in sentence model: one dimension per topic word, so closeness is known in advance. */
const TOPICS = ['冰', '灯', '车'];
const vectorOf = (text: string) => {
  const v = new Float32Array(TOPICS.map((t) => (text.includes(t) ? 1 : 0)));
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
};
const embedder = (mode: Embedder['mode']): Embedder => ({
  mode,
  dimensions: TOPICS.length,
  modelId: 'topics',
  embedPassages: async (texts) => texts.map(vectorOf),
  embedQuery: async (text) => vectorOf(text),
  close: async () => {},
});
const figure = (id: string, indicator: string): Observation => ({
  id,
  indicatorId: id,
  indicator,
  value: 1,
  unit: '处',
  kind: 'target',
  period: '2025',
  comparator: null,
  documentId: 'd',
  paragraphId: 'p',
  text: indicator,
  charStart: 0,
  charEnd: 1,
});

describe('clause similarity of figures', () => {
  it('rescales the figures’ closeness to the question to 0–1', async () => {
    const similarity = await clauseSimilarity(
      '冬天玩冰的地方多修多少？',
      [figure('a', '交通信号灯岗'), figure('b', '室外滑冰场'), figure('c', '公交车冰柜')],
      embedder('semantic'),
    );
    expect(similarity.get('b')).toBe(1);
    expect(similarity.get('a')).toBe(0);
    expect(expectDefined(similarity.get('c'))).toBeGreaterThan(0);
    expect(expectDefined(similarity.get('c'))).toBeLessThan(1);
  });

  it('says nothing without a sentence model or with a single figure', async () => {
    expect((await clauseSimilarity('玩冰', [figure('a', '灯'), figure('b', '冰')], embedder('lexical-fallback'))).size).toBe(0);
    expect((await clauseSimilarity('玩冰', [figure('a', '冰')], embedder('semantic'))).size).toBe(0);
  });
});
