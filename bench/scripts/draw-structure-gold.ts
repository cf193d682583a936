// Draws the reports for new structure gold (node --import tsx bench/scripts/draw-structure-gold.ts /work/corpus [tune|check|check2]):
// seeded, from the corpus minus the dev set and the seed. `tune` (seed 20261207): one report per stratum the tune half
// lacks — old eras, an autonomous region, and layouts the parser finds no year plan or no tasks in (section-only
// headings). `check` (seed 20261210): one report per era, levels alternating, plus an ordinary prefecture city and an
// autonomous region — gold written before the parser is changed again, to measure it on layouts nobody tuned for.
// `check2` (seed 20261224): a second such draw of four modern reports, outside every earlier structure draw.
// `check3` (seed 20261225): a third, one report per era (levels and regions alternating), outside every earlier draw.
// `check4` (seed 20261226): a fourth such draw of six, drawn when check3 had been scored once and became a tuning group.
// `check5` (seed 20261227): a fifth, of six, drawn when check4 had been scored once and became a tuning group.
// `check6` (seed 20261228): a sixth, of six, drawn when check5 had been scored once and became a tuning group.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { auditCorpus, type AuditedReport } from '../../src/eval/structure-audit.ts';

const MIN_BYTES = 8_000; // as the dev-set draw: shorter files are excerpts, not whole reports
const root = z.string().min(1).parse(process.argv[2]);
const round = z.enum(['tune', 'check', 'check2', 'check3', 'check4', 'check5', 'check6']).parse(process.argv[3] ?? 'tune');
const Members = z.array(z.object({ member: z.string() })).default([]);
const devSet = z
  .object({
    reports: Members,
    structureTune: Members,
    structureCheck: Members,
    structureOld: Members,
    structureCheck2: Members,
    structureCheck3: Members,
    structureCheck4: Members,
    structureCheck5: Members,
  })
  .parse(JSON.parse(readFileSync(new URL('../../test/fixtures/gold/dev-set.json', import.meta.url), 'utf8')));

/** mulberry32: a small seeded generator, so the draw can be repeated. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Stratum = { name: string; keep: (r: AuditedReport) => boolean };
const TUNE_STRATA: Stratum[] = [
  { name: 'provincial report, <=2000', keep: (r) => r.era === '<=2000' && r.level === 'province' },
  { name: 'city report, 1980s-2000s', keep: (r) => r.level === 'city' && r.year !== null && r.year <= 2009 },
  { name: 'autonomous region, 2001-10', keep: (r) => /\/[^/]+自治区\/\d{4}/.test(r.member) && r.era === '2001-10' },
  {
    name: 'no year plan or no tasks found (section-only layouts)',
    keep: (r) => r.issues.includes('no-plan') || r.issues.includes('plan-without-tasks'),
  },
];
/** The corpus's 主要城市 that are neither provincial capitals nor sub-provincial cities: ordinary prefectures. */
const ORDINARY_PREFECTURE = /\/(?:东莞|佛山|唐山|无锡|泉州|温州|烟台|苏州)市\//;
const CHECK_STRATA: Stratum[] = [
  { name: '<=2000, state or province', keep: (r) => r.era === '<=2000' && r.level !== 'city' },
  { name: '2001-10, city', keep: (r) => r.era === '2001-10' && r.level === 'city' },
  { name: '2011-15, province', keep: (r) => r.era === '2011-15' && r.level === 'province' },
  { name: '2016-20, city', keep: (r) => r.era === '2016-20' && r.level === 'city' },
  { name: '>=2021, province', keep: (r) => r.era === '>=2021' && r.level === 'province' },
  { name: 'ordinary prefecture city, any era', keep: (r) => ORDINARY_PREFECTURE.test(r.member) },
  { name: 'autonomous region, any era', keep: (r) => /\/[^/]+自治区\/\d{4}/.test(r.member) },
];
const CHECK2_STRATA: Stratum[] = [
  { name: '2001-10, province', keep: (r) => r.era === '2001-10' && r.level === 'province' },
  { name: '2011-15, city', keep: (r) => r.era === '2011-15' && r.level === 'city' },
  { name: '2016-20, province or autonomous region', keep: (r) => r.era === '2016-20' && r.level === 'province' },
  { name: '>=2021, ordinary prefecture city', keep: (r) => r.era === '>=2021' && ORDINARY_PREFECTURE.test(r.member) },
];
const AUTONOMOUS_REGION = /\/[^/]+自治区\/\d{4}/;
const CHECK3_STRATA: Stratum[] = [
  { name: '<=2000, city', keep: (r) => r.era === '<=2000' && r.level === 'city' },
  { name: '2001-10, autonomous region', keep: (r) => r.era === '2001-10' && AUTONOMOUS_REGION.test(r.member) },
  { name: '2011-15, ordinary prefecture city', keep: (r) => r.era === '2011-15' && ORDINARY_PREFECTURE.test(r.member) },
  { name: '2016-20, city', keep: (r) => r.era === '2016-20' && r.level === 'city' && !ORDINARY_PREFECTURE.test(r.member) },
  { name: '>=2021, province', keep: (r) => r.era === '>=2021' && r.level === 'province' && !AUTONOMOUS_REGION.test(r.member) },
];
const CHECK4_STRATA: Stratum[] = [
  { name: '<=2000, province', keep: (r) => r.era === '<=2000' && r.level === 'province' },
  { name: '2001-10, ordinary prefecture city', keep: (r) => r.era === '2001-10' && ORDINARY_PREFECTURE.test(r.member) },
  { name: '2011-15, autonomous region', keep: (r) => r.era === '2011-15' && AUTONOMOUS_REGION.test(r.member) },
  { name: '2016-20, province', keep: (r) => r.era === '2016-20' && r.level === 'province' && !AUTONOMOUS_REGION.test(r.member) },
  { name: '>=2021, city', keep: (r) => r.era === '>=2021' && r.level === 'city' && !ORDINARY_PREFECTURE.test(r.member) },
  { name: '2001-10, State Council', keep: (r) => r.era === '2001-10' && r.level === 'state' },
];
const CHECK5_STRATA: Stratum[] = [
  { name: '2001-10, city', keep: (r) => r.era === '2001-10' && r.level === 'city' && !ORDINARY_PREFECTURE.test(r.member) },
  { name: '2011-15, province', keep: (r) => r.era === '2011-15' && r.level === 'province' && !AUTONOMOUS_REGION.test(r.member) },
  { name: '2016-20, ordinary prefecture city', keep: (r) => r.era === '2016-20' && ORDINARY_PREFECTURE.test(r.member) },
  { name: '2016-20, autonomous region', keep: (r) => r.era === '2016-20' && AUTONOMOUS_REGION.test(r.member) },
  { name: '>=2021, province', keep: (r) => r.era === '>=2021' && r.level === 'province' && !AUTONOMOUS_REGION.test(r.member) },
  { name: '2011-20, State Council', keep: (r) => (r.era === '2011-15' || r.era === '2016-20') && r.level === 'state' },
];
const CHECK6_STRATA: Stratum[] = [
  { name: '<=2000, city', keep: (r) => r.era === '<=2000' && r.level === 'city' },
  { name: '2001-10, province', keep: (r) => r.era === '2001-10' && r.level === 'province' && !AUTONOMOUS_REGION.test(r.member) },
  { name: '2011-15, city', keep: (r) => r.era === '2011-15' && r.level === 'city' && !ORDINARY_PREFECTURE.test(r.member) },
  { name: '2016-20, ordinary prefecture city', keep: (r) => r.era === '2016-20' && ORDINARY_PREFECTURE.test(r.member) },
  { name: '>=2021, autonomous region', keep: (r) => r.era === '>=2021' && AUTONOMOUS_REGION.test(r.member) },
  { name: '>=2021, State Council', keep: (r) => r.era === '>=2021' && r.level === 'state' },
];
/** Each round's seed, strata and the earlier draws it excludes (every round excludes the dev set's reports). */
type Group =
  | 'structureTune'
  | 'structureCheck'
  | 'structureOld'
  | 'structureCheck2'
  | 'structureCheck3'
  | 'structureCheck4'
  | 'structureCheck5';
const CHECKS_BEFORE: Group[] = [
  'structureTune',
  'structureCheck',
  'structureOld',
  'structureCheck2',
  'structureCheck3',
  'structureCheck4',
  'structureCheck5',
];
const ROUNDS: Record<typeof round, { seed: number; strata: Stratum[]; excludes: Group[] }> = {
  tune: { seed: 20261207, strata: TUNE_STRATA, excludes: [] },
  check: { seed: 20261210, strata: CHECK_STRATA, excludes: ['structureTune'] },
  check2: { seed: 20261224, strata: CHECK2_STRATA, excludes: CHECKS_BEFORE.slice(0, 3) },
  check3: { seed: 20261225, strata: CHECK3_STRATA, excludes: CHECKS_BEFORE.slice(0, 4) },
  check4: { seed: 20261226, strata: CHECK4_STRATA, excludes: CHECKS_BEFORE.slice(0, 5) },
  check5: { seed: 20261227, strata: CHECK5_STRATA, excludes: CHECKS_BEFORE.slice(0, 6) },
  check6: { seed: 20261228, strata: CHECK6_STRATA, excludes: CHECKS_BEFORE },
};
const { seed: SEED, strata: STRATA, excludes } = ROUNDS[round];
const excluded = new Set([...devSet.reports, ...excludes.flatMap((group) => devSet[group])].map((r) => r.member));

const { details } = await auditCorpus(root);
const pool = details
  .filter((r) => !excluded.has(r.member) && statSync(join(root, r.member)).size >= MIN_BYTES)
  .sort((a, b) => a.member.localeCompare(b.member));
const next = random(SEED);
const drawn = new Set<string>();
for (const stratum of STRATA) {
  const candidates = pool.filter((r) => stratum.keep(r) && !drawn.has(r.member));
  const pick = candidates[Math.floor(next() * candidates.length)];
  if (!pick) throw new Error(`no report left to draw for ${stratum.name}`);
  drawn.add(pick.member);
  console.log(
    `${stratum.name} (${candidates.length} candidates): ${pick.member} year plan ${pick.yearPlan} tasks ${pick.yearTasks} issues ${pick.issues.join(',') || '-'}`,
  );
}
