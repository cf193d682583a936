// Guards the entity extraction quality reached on the seed against the gold (shared/eval/seed-entities.json),
// its speed on a 100-KB report, and its behaviour on unseen reports. Floors are the measured level; they
// are not lowered to make a failing change pass.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity, Mention } from '../../src/domain/schemas.ts';
import { type EntityScore, type GoldEntities, scoreEntities } from '../../src/eval/entity-score.ts';
import { extractEntities } from '../../src/ingest/extract/entities.ts';
import { CORPUS_SAMPLE_DIR, contextOf, corpusText, goldEntities, seedContext } from '../helpers/seed-context-entities.ts';

/** Measured on the seed: places 81/81 found with no false positive, initiatives 100/101 found. */
const FLOORS = {
  place: { precision: 0.98, recall: 0.98 },
  initiative: { precision: 0.7, recall: 0.98 },
  project: { precision: 0.8, recall: 0.82 },
  organization: { precision: 0.92, recall: 0.83 },
} as const;
const PLACE_MENTION_COUNT_ACCURACY = 0.97;
/**
 * Seed gold places that issue 12 and the dev gold rule out (the country itself, foreign countries and groupings,
 * macro-regions used as strategy names, a province's part by compass point like the issue's 中原 — 浙东 as 苏南 and
 * 皖北 are in the dev gold): the seed gold predates that decision, so they are not expected.
 */
const NOT_PLACES_BY_ISSUE_12 = new Set(['中国', '德国', '欧美', '长三角', '浙东']);

describe('entity quality on the seed report', () => {
  let score: EntityScore;

  beforeAll(() => {
    const gold = goldEntities();
    score = scoreEntities(
      { ...gold, places: gold.places.filter((p) => !NOT_PLACES_BY_ISSUE_12.has(p.canonical)) },
      extractEntities(seedContext()),
    );
    const lines = Object.entries(score.types).map(
      ([type, s]) =>
        `${type}: P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} (${s.extractedCorrect}/${s.extracted}, ${s.goldFound}/${s.gold})`,
    );
    console.log([...lines, `place mention counts: ${score.placeMentionCounts.exact}/${score.placeMentionCounts.compared}`].join('\n'));
  });

  for (const [type, floor] of Object.entries(FLOORS) as Array<[keyof typeof FLOORS, { precision: number; recall: number }]>) {
    it(`${type}: precision ≥ ${floor.precision} and recall ≥ ${floor.recall}`, () => {
      expect(score.types[type].precision, `unmatched: ${score.types[type].unmatched.join(' | ')}`).toBeGreaterThanOrEqual(floor.precision);
      expect(score.types[type].recall, `missed: ${score.types[type].missed.join(' | ')}`).toBeGreaterThanOrEqual(floor.recall);
    });
  }

  it(`counts the mentions of each place as the gold does (accuracy ≥ ${PLACE_MENTION_COUNT_ACCURACY})`, () => {
    expect(score.placeMentionCounts.accuracy, JSON.stringify(score.placeMentionCounts.mismatches)).toBeGreaterThanOrEqual(
      PLACE_MENTION_COUNT_ACCURACY,
    );
  });
});

describe('the entity scorer', () => {
  const gold: GoldEntities = {
    places: [{ canonical: '章镇镇', aliases: [{ surface: '章镇' }], mention_count: 2 }],
    projects: [],
    initiatives: [
      { canonical: '标准化+', aliases: [{ surface: '标准化＋' }] },
      { canonical: '四个上虞', aliases: [], members: [{ name: '创新上虞' }] },
    ],
    organizations: [{ canonical: '人民医院（区人民医院）', aliases: [] }],
  };
  const entity = (type: Entity['type'], name: string, aliases: string[] = []): Entity => ({
    id: `${type}:${name}`,
    type,
    name,
    kind: null,
    aliases,
    pinyin: '',
  });
  const mention = (entityId: string, charStart: number): Mention => ({
    entityId,
    documentId: 'd',
    paragraphId: 'p',
    surface: '',
    charStart,
    charEnd: charStart + 2,
  });

  it('matches names through aliases, quotes, full-width forms and trailing notes, per type', () => {
    const extracted = [
      entity('place', '章镇'),
      entity('place', '杭州'),
      entity('initiative', '“标准化+”'),
      entity('initiative', '创新上虞'),
      entity('organization', '人民医院'),
      entity('project', '章镇镇'),
    ];
    const score = scoreEntities(gold, { entities: extracted, mentions: [mention('place:章镇', 0), mention('place:章镇', 9)] });
    expect(score.types.place).toMatchObject({ precision: 0.5, recall: 1, unmatched: ['杭州'] });
    expect(score.types.initiative).toMatchObject({ precision: 1, recall: 0.5, missed: ['四个上虞'] });
    expect(score.types.organization).toMatchObject({ precision: 1, recall: 1 });
    expect(score.types.project).toMatchObject({ precision: 0, extracted: 1 });
    expect(score.placeMentionCounts).toMatchObject({ compared: 1, exact: 1, accuracy: 1 });
  });
});

describe('entity extraction on unseen reports', () => {
  const files = readdirSync(CORPUS_SAMPLE_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort();

  it('finds places in every sample report without taking generic words for them', () => {
    const generic = ['城市', '园区', '示范区', '生态红线', '都市', '城区', '景区', '新城', '特色小镇', '开发区', '全国'];
    for (const file of files) {
      const ctx = contextOf(corpusText(join(CORPUS_SAMPLE_DIR, file)), { documentId: file, year: null, place: null });
      const places = extractEntities(ctx)
        .entities.filter((e) => e.type === 'place')
        .map((e) => e.name);
      expect(places.length, file).toBeGreaterThanOrEqual(20);
      expect(
        places.filter((p) => generic.includes(p)),
        file,
      ).toEqual([]);
    }
  });

  it('extracts a 100-KB report in well under a second of processor time', () => {
    let text = '';
    for (const file of files) if (Buffer.byteLength(text) < 100_000) text += corpusText(join(CORPUS_SAMPLE_DIR, file));
    const ctx = contextOf(text, { documentId: 'big', year: null, place: null });
    extractEntities(seedContext()); // loads the dictionary once, as a running ingest would have
    const before = process.cpuUsage();
    const found = extractEntities(ctx);
    const used = process.cpuUsage(before);
    const milliseconds = (used.user + used.system) / 1000;
    console.log(`${Buffer.byteLength(text)} bytes: ${found.entities.length} entities in ${milliseconds.toFixed(0)} ms of CPU`);
    expect(found.entities.length).toBeGreaterThan(100);
    expect(milliseconds).toBeLessThan(1000);
  });
});
