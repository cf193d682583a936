// Place quality over the dev set: each report with a gold list under test/fixtures/gold/places is read from the
// corpus archive and taken through ingest's graph building (the lexical embedder needs no model; nothing is
// written); scores per report, per kind, and summed over the tune and report halves of the dev set.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { buildDocumentGraph } from '../ingest/pipeline.ts';
import { readDocument } from '../ingest/read.ts';
import { addTally, GoldPlaceKind, PlaceGoldFile, type PlaceScore, precisionOf, recallOf, scorePlaces, type Tally } from './place-score.ts';

export const PLACE_GOLD_DIR = 'test/fixtures/gold/places';
export const DEV_SET_FILE = 'test/fixtures/gold/dev-set.json';
export const CORPUS_ARCHIVE = '../shared/corpus/gov-reports.tar.xz';

const DevSet = z.object({
  reports: z.array(z.object({ member: z.string(), split: z.enum(['tune', 'report']) })),
  structureTune: z.array(z.object({ member: z.string() })).default([]),
  structureCheck: z.array(z.object({ member: z.string() })).default([]),
  placeTune: z.array(z.object({ member: z.string() })).default([]),
  placeCheck: z.array(z.object({ member: z.string() })).default([]),
});

/**
 * tune and report are the dev set's halves; tune2 the later draw (dev-set.json structureTune), looked at like tune;
 * check the third draw (structureCheck), whose place gold was scored before any rule was changed for it; tune3 the
 * fourth (placeTune), scored first and then tuned on; check2 the fifth (placeCheck), only scored.
 */
export type PlaceSplit = 'tune' | 'report' | 'tune2' | 'check' | 'tune3' | 'check2';

export interface ReportPlaceScore extends PlaceScore {
  member: string;
  split: PlaceSplit;
}

export interface PlaceEvaluation {
  reports: ReportPlaceScore[];
  halves: Record<PlaceSplit | 'all', { overall: Tally; byKind: Record<GoldPlaceKind, Tally> }>;
}

/** Unpacks just the members asked for into a fresh temporary folder. */
function unpackMembers(archive: string, members: string[]): (member: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-graph-place-eval-'));
  execFileSync('tar', ['-xJf', archive, '-C', dir, ...members]);
  return (member) => join(dir, member);
}

export async function evaluatePlaces(
  options: { goldDir?: string; devSet?: string; archive?: string; fileOf?: (member: string) => string } = {},
): Promise<PlaceEvaluation> {
  const goldDir = options.goldDir ?? PLACE_GOLD_DIR;
  const devSet = DevSet.parse(JSON.parse(readFileSync(options.devSet ?? DEV_SET_FILE, 'utf8')));
  const splits = new Map<string, PlaceSplit>([
    ...devSet.reports.map((r) => [r.member, r.split] as const),
    ...devSet.structureTune.map((r) => [r.member, 'tune2'] as const),
    ...devSet.structureCheck.map((r) => [r.member, 'check'] as const),
    ...devSet.placeTune.map((r) => [r.member, 'tune3'] as const),
    ...devSet.placeCheck.map((r) => [r.member, 'check2'] as const),
  ]);
  const golds = readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => PlaceGoldFile.parse(JSON.parse(readFileSync(join(goldDir, f), 'utf8'))));
  const fileOf =
    options.fileOf ??
    unpackMembers(
      options.archive ?? CORPUS_ARCHIVE,
      golds.map((g) => g.member),
    );
  const reports: ReportPlaceScore[] = [];
  for (const gold of golds) {
    const graph = buildDocumentGraph(await readDocument(fileOf(gold.member)), { read: 0, structure: 0, extract: 0, embed: 0, write: 0 });
    reports.push({ member: gold.member, split: splits.get(gold.member) ?? 'report', ...scorePlaces(gold, graph) });
  }
  const sum = (rows: ReportPlaceScore[]) => ({
    overall: rows.reduce((t, r) => addTally(t, r.overall), { found: 0, gold: 0, correct: 0, extracted: 0 }),
    byKind: Object.fromEntries(
      GoldPlaceKind.options.map((k) => [
        k,
        rows.reduce((t, r) => addTally(t, r.byKind[k]), { found: 0, gold: 0, correct: 0, extracted: 0 }),
      ]),
    ) as Record<GoldPlaceKind, Tally>,
  });
  return {
    reports,
    halves: {
      tune: sum(reports.filter((r) => r.split === 'tune')),
      report: sum(reports.filter((r) => r.split === 'report')),
      tune2: sum(reports.filter((r) => r.split === 'tune2')),
      check: sum(reports.filter((r) => r.split === 'check')),
      tune3: sum(reports.filter((r) => r.split === 'tune3')),
      check2: sum(reports.filter((r) => r.split === 'check2')),
      all: sum(reports),
    },
  };
}

const cell = (t: Tally) => `${recallOf(t).toFixed(2)}/${precisionOf(t).toFixed(2)}`;

/** One line per report and per half: recall/precision overall and per kind. */
export function placeTable(evaluation: PlaceEvaluation): string {
  const header = `place quality (recall/precision)  ${['overall', ...GoldPlaceKind.options].map((k) => k.padEnd(14)).join(' ')}`;
  const row = (name: string, s: { overall: Tally; byKind: Record<GoldPlaceKind, Tally> }) =>
    `${name.padEnd(34)} ${[s.overall, ...GoldPlaceKind.options.map((k) => s.byKind[k])].map((t) => cell(t).padEnd(14)).join(' ')}`;
  return [
    header,
    ...evaluation.reports.map((r) =>
      row(
        `${{ tune: 'T', report: 'R', tune2: 'T2', check: 'C', tune3: 'T3', check2: 'C2' }[r.split]} ${r.member.replace(/^政府工作报告-/, '')}`,
        r,
      ),
    ),
    row('tune half', evaluation.halves.tune),
    row('report half', evaluation.halves.report),
    ...(evaluation.reports.some((r) => r.split === 'tune2') ? [row('tune2 (later draw)', evaluation.halves.tune2)] : []),
    ...(evaluation.reports.some((r) => r.split === 'check') ? [row('check (third draw)', evaluation.halves.check)] : []),
    ...(evaluation.reports.some((r) => r.split === 'tune3') ? [row('tune3 (fourth draw)', evaluation.halves.tune3)] : []),
    ...(evaluation.reports.some((r) => r.split === 'check2') ? [row('check2 (fifth draw)', evaluation.halves.check2)] : []),
    row('all', evaluation.halves.all),
  ].join('\n');
}
