// Fusion of retriever lists (RRF and score normalisation) and the spans answers highlight.
import { describe, expect, it } from 'vitest';
import { fuse, fusionWeights, LINKED_GRAPH_WEIGHT, OUT_OF_SCOPE_FACTOR, RRF_K, SHORT_PASSAGE_FACTOR } from '../../src/search/fuse.ts';
import { matchedSpans } from '../../src/search/highlight.ts';
import type { RetrievedPassage } from '../../src/search/retrievers/types.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

function passage(
  paragraphId: string,
  score: number,
  documentId = 'doc',
  text = `text of ${paragraphId}, long enough to state something`,
): RetrievedPassage {
  return { paragraphId, documentId, taskId: null, text, charStart: 0, charEnd: 10, score, via: 'test' };
}

describe('fuse', () => {
  it('counts title-length paragraphs (a report title, a speaker) at a share of their score', () => {
    const fused = fuse(
      [{ retriever: 'lexical', weight: 1, passages: [passage('title', 10, 'doc', '政府工作报告'), passage('body', 9)] }],
      'rrf',
      10,
    );
    expect(fused.map((p) => p.id)).toEqual(['body', 'title']);
    expect(expectDefined(fused[1]).score).toBeCloseTo(SHORT_PASSAGE_FACTOR / (RRF_K + 1), 5);
  });

  it('adds reciprocal ranks, so agreement between retrievers wins over one first place', () => {
    const fused = fuse(
      [
        { retriever: 'vector', weight: 1, passages: [passage('a', 0.9), passage('b', 0.8)] },
        { retriever: 'lexical', weight: 1, passages: [passage('c', 12), passage('b', 10)] },
      ],
      'rrf',
      10,
    );
    expect(fused.map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(expectDefined(fused[0]).score).toBeCloseTo(2 / (RRF_K + 2), 5);
    expect(expectDefined(fused[0]).retrievers).toEqual(['vector', 'lexical']);
    expect(expectDefined(fused[0]).via).toEqual({ vector: 'test', lexical: 'test' });
  });

  it('normalises each list to 0..1 before weighting, so raw score scales (BM25 vs cosine) do not matter', () => {
    const fused = fuse(
      [
        { retriever: 'vector', weight: 1, passages: [passage('a', 0.91), passage('b', 0.9), passage('c', 0.5)] },
        { retriever: 'lexical', weight: 1, passages: [passage('c', 40), passage('b', 39), passage('a', 2)] },
      ],
      'score',
      10,
    );
    // b is almost top in both lists; a and c are each top once and bottom once.
    expect(fused.map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(expectDefined(fused[0]).score).toBeGreaterThan(1.9);
  });

  it('gives every passage the full weight when a list has no spread of scores', () => {
    const fused = fuse([{ retriever: 'graph', weight: 1.5, passages: [passage('a', 1), passage('b', 1)] }], 'score', 10);
    expect(fused.map((p) => p.score)).toEqual([1.5, 1.5]);
  });

  it('counts a paragraph once per retriever, at its best rank, and keeps k', () => {
    const fused = fuse(
      [{ retriever: 'vector', weight: 1, passages: [passage('a', 0.9), passage('a', 0.8), passage('b', 0.7), passage('c', 0.1)] }],
      'rrf',
      2,
    );
    expect(fused.map((p) => p.id)).toEqual(['a', 'b']);
    expect(expectDefined(fused[1]).score).toBeCloseTo(1 / (RRF_K + 2), 5);
  });

  it('weights graph evidence up only when the question linked entities', () => {
    expect(fusionWeights(true, 'zh').graph).toBe(LINKED_GRAPH_WEIGHT);
    expect(fusionWeights(false, 'zh').graph).toBe(1);
    expect(fusionWeights(true, 'zh').lexical).toBeLessThan(fusionWeights(true, 'zh').vector);
    expect(fusionWeights(true, 'en').lexical).toBeGreaterThan(fusionWeights(true, 'zh').lexical);
  });

  it('keeps only a share of the score of passages outside the documents of the years asked about', () => {
    const lists = [
      { retriever: 'vector' as const, weight: 1, passages: [passage('old', 0.9, 'report-2018'), passage('new', 0.8, 'report-2019')] },
    ];
    const fused = fuse(lists, 'rrf', 10, { scopeDocuments: new Set(['report-2019']) });
    expect(fused.map((p) => p.id)).toEqual(['new', 'old']);
    expect(expectDefined(fused[1]).score).toBeCloseTo(OUT_OF_SCOPE_FACTOR / (RRF_K + 1), 5);
  });
});

describe('matchedSpans', () => {
  it('marks every occurrence, longest term first, without overlaps', () => {
    const text = '推进临江新区和临江新区码头建设，临江一带';
    const spans = matchedSpans(text, ['临江', '临江新区', '码头']);
    expect(spans.map((s) => s.text)).toEqual(['临江新区', '临江新区', '码头', '临江']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('matches Latin terms without regard to case and ignores one-character terms', () => {
    expect(matchedSpans('PM2.5 浓度下降', ['pm2.5', '度'])).toEqual([{ start: 0, end: 5, text: 'PM2.5' }]);
  });
});
