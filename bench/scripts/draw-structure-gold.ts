// Draws the reports for new structure gold (node --import tsx bench/scripts/draw-structure-gold.ts /work/corpus):
// seeded, from the corpus minus the dev set and the seed, one report per stratum the tune half lacks — old eras, an
// autonomous region, and layouts the parser finds no year plan or no tasks in (section-only headings).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { auditCorpus, type AuditedReport } from '../../src/eval/structure-audit.ts';

const SEED = 20261207;
const MIN_BYTES = 8_000; // as the dev-set draw: shorter files are excerpts, not whole reports
const root = z.string().min(1).parse(process.argv[2]);
const devSet = z.object({ reports: z.array(z.object({ member: z.string() })) })
  .parse(JSON.parse(readFileSync(new URL('../../test/fixtures/gold/dev-set.json', import.meta.url), 'utf8')));
const excluded = new Set(devSet.reports.map((r) => r.member));

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

const STRATA: { name: string; keep: (r: AuditedReport) => boolean }[] = [
  { name: 'provincial report, <=2000', keep: (r) => r.era === '<=2000' && r.level === 'province' },
  { name: 'city report, 1980s-2000s', keep: (r) => r.level === 'city' && r.year !== null && r.year <= 2009 },
  { name: 'autonomous region, 2001-10', keep: (r) => /\/[^/]+自治区\/\d{4}/.test(r.member) && r.era === '2001-10' },
  { name: 'no year plan or no tasks found (section-only layouts)', keep: (r) => r.issues.includes('no-plan') || r.issues.includes('plan-without-tasks') },
];

const { details } = await auditCorpus(root);
const pool = details.filter((r) => !excluded.has(r.member) && statSync(join(root, r.member)).size >= MIN_BYTES).sort((a, b) => a.member.localeCompare(b.member));
const next = random(SEED);
const drawn = new Set<string>();
for (const stratum of STRATA) {
  const candidates = pool.filter((r) => stratum.keep(r) && !drawn.has(r.member));
  const pick = candidates[Math.floor(next() * candidates.length)]!;
  drawn.add(pick.member);
  console.log(`${stratum.name} (${candidates.length} candidates): ${pick.member} year plan ${pick.yearPlan} tasks ${pick.yearTasks} issues ${pick.issues.join(',') || '-'}`);
}
