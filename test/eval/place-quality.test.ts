// Place quality on the dev set's gold place lists (test/fixtures/gold/places): each gold report goes through
// ingest's graph building (lexical embedder, no model) and is scored per kind; a ratchet keeps the figures from
// falling. Thresholds are the achieved figures minus 0.02 (npm run eval prints them).
import { describe, expect, it } from 'vitest';
import { evaluatePlaces, placeTable, type PlaceEvaluation } from '../../src/eval/place-eval.ts';
import { precisionOf, recallOf } from '../../src/eval/place-score.ts';
import { corpusFile } from '../helpers/shared.ts';

const DEV_SET = new URL('../fixtures/gold/dev-set.json', import.meta.url).pathname;
const GOLD = new URL('../fixtures/gold/places/', import.meta.url).pathname;

/**
 * Achieved on 2026-12-06 (sixth round): tune 0.85 / 0.88, report 0.65 / 0.80, tune2 (the later draw, gold written
 * before these rules were) 0.65 / 0.88 (recall / precision); check (four reports of the structure-check draw, gold written
 * and scored before any rule was changed for them: 0.61 / 0.75) 0.63 / 0.80; tune3 (four reports of the second variant
 * draw, gold written and scored first: 0.62 / 0.79, then tuned on) 0.68 / 0.83; check2 (six reports of the placeCheck
 * draw, gold written first, only scored: 0.65 / 0.76 before the round's rules) 0.65 / 0.78. Achieved on 2026-12-07
 * (fifteenth round): tune 0.87 / 0.89, report 0.69 / 0.79, tune2 0.71 / 0.90, check 0.76 / 0.85, tune3 0.75 / 0.88,
 * check2 0.69 / 0.79; thresholds 0.02 below.
 */
const RATCHET = {
  tune: { recall: 0.85, precision: 0.87 },
  report: { recall: 0.67, precision: 0.77 },
  tune2: { recall: 0.69, precision: 0.88 },
  check: { recall: 0.74, precision: 0.83 },
  tune3: { recall: 0.73, precision: 0.86 },
  check2: { recall: 0.67, precision: 0.77 },
};

describe('place quality on the dev gold', () => {
  let evaluation: PlaceEvaluation;

  it('scores every gold report and keeps recall and precision per half at or above the ratchet', async () => {
    evaluation = await evaluatePlaces({ goldDir: GOLD, devSet: DEV_SET, fileOf: corpusFile });
    console.log(placeTable(evaluation));
    expect(evaluation.reports.length).toBeGreaterThanOrEqual(12);
    for (const half of ['tune', 'report', 'tune2', 'check', 'tune3', 'check2'] as const) {
      const { overall } = evaluation.halves[half];
      expect(recallOf(overall), `${half} recall`).toBeGreaterThanOrEqual(RATCHET[half].recall);
      expect(precisionOf(overall), `${half} precision`).toBeGreaterThanOrEqual(RATCHET[half].precision);
    }
  }, 300_000);
});
