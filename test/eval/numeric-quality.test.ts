// Guards the quality reached on the seed's 259 gold numeric statements (see src/eval/numeric-score.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GoldNumericFile, scoreNumeric } from '../../src/eval/numeric-score.ts';
import { extractObservations } from '../../src/ingest/extract/indicators.ts';
import { seedDocument, SHARED_DIR } from '../helpers/seed-context.ts';

const gold = GoldNumericFile.parse(JSON.parse(readFileSync(join(SHARED_DIR, 'eval/seed-entities.json'), 'utf8'))).indicators;
const { context } = seedDocument();
const score = scoreNumeric(gold, extractObservations(context).observations);

describe('numeric extraction on the seed report', () => {
  it('finds the gold statements with value, unit, kind and period right', () => {
    // Reached 0.965 (250/259); the misses are statements without a number (高于全市平均水平, 全省前列, 零增长,
    // 7.0:57.5:35.5) and slogan-like counts (七大城市门户, 十方面民生实事) that are deliberately not read.
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.valueRecall).toBeGreaterThanOrEqual(0.95);
  });
  it('gets every kind of statement', () => {
    for (const [kind, { gold: total, matched }] of Object.entries(score.byKind)) {
      expect(matched / total, kind).toBeGreaterThanOrEqual(0.74);
    }
  });
  it('reads hardly anything the gold does not state', () => {
    expect(score.precision).toBeGreaterThanOrEqual(0.98);
    expect(score.strictPrecision).toBeGreaterThanOrEqual(0.97);
  });
});
