// `audit`: the structure parser over a whole corpus (a folder or a .tar.xz of reports), without store or
// embedding — per era and level, how many reports have a year plan found, how many yield its tasks, the median
// count of year-plan tasks, and the reports worth a look (no plan, too many tasks, numbers repeated).
import { relative } from 'node:path';
import { z } from 'zod';
import { isArchive, unpackedArchive } from '../ingest/archive.ts';
import { documentMeta } from '../ingest/document-meta.ts';
import { expandInputs } from '../ingest/sources.ts';
import { readDocument } from '../ingest/read.ts';
import { parseStructure } from '../ingest/structure.ts';
import { percentile } from './percentile.ts';

export const ERAS = ['<=2000', '2001-10', '2011-15', '2016-20', '>=2021'] as const;
export const LEVELS = ['state', 'province', 'city'] as const;
/** More year-plan tasks than this is more than any report enumerates: something else was counted. */
export const MAX_PLAUSIBLE_TASKS = 80;

export function eraOf(year: number | null): (typeof ERAS)[number] | 'unknown' {
  if (year === null) return 'unknown';
  return year <= 2000 ? '<=2000' : year <= 2010 ? '2001-10' : year <= 2015 ? '2011-15' : year <= 2020 ? '2016-20' : '>=2021';
}

/** The corpus folders name the level; other reports are judged by the place in their title. */
export function levelOf(path: string, place: string | null): (typeof LEVELS)[number] {
  if (/国务院/.test(path)) return 'state';
  if (/省自治区/.test(path)) return 'province';
  if (/主要城市/.test(path)) return 'city';
  if (!place) return 'state';
  return /(省|自治区)$/.test(place) ? 'province' : 'city';
}

export const AuditedReport = z.object({
  member: z.string(),
  year: z.number().int().nullable(),
  era: z.string(),
  level: z.enum(LEVELS),
  parts: z.number().int(),
  yearPlan: z.boolean().describe('A part or section with horizon year was found'),
  yearTasks: z.number().int(),
  reviewTasks: z.number().int(),
  duplicateNumbers: z.number().int().describe('Year-plan tasks whose number repeats under the same parent'),
  issues: z.array(z.enum(['no-plan', 'plan-without-tasks', 'too-many-tasks', 'duplicate-numbering'])),
});
export type AuditedReport = z.infer<typeof AuditedReport>;

const Group = z.object({
  reports: z.number().int(),
  yearPlanShare: z.number(),
  yearTasksShare: z.number().describe('Share of reports with year-plan tasks'),
  tasksWhenPlanShare: z.number().describe('Share of reports with a year plan that yield its tasks'),
  medianYearTasks: z.number(),
});
export const AuditReport = z.object({
  reports: z.number().int(),
  errors: z.array(z.object({ member: z.string(), error: z.string() })),
  overall: Group,
  byEra: z.record(z.string(), Group),
  byLevel: z.record(z.string(), Group),
  byEraAndLevel: z.record(z.string(), Group),
  suspicious: z.array(AuditedReport),
  ms: z.number(),
});
export type AuditReport = z.infer<typeof AuditReport>;

function group(reports: AuditedReport[]): z.infer<typeof Group> {
  const share = (n: number, d: number) => (d ? Number((n / d).toFixed(3)) : 0);
  const withPlan = reports.filter((r) => r.yearPlan);
  return {
    reports: reports.length,
    yearPlanShare: share(withPlan.length, reports.length),
    yearTasksShare: share(reports.filter((r) => r.yearTasks > 0).length, reports.length),
    tasksWhenPlanShare: share(withPlan.filter((r) => r.yearTasks > 0).length, withPlan.length),
    medianYearTasks: percentile(
      reports.map((r) => r.yearTasks),
      50,
    ),
  };
}

function groupBy(reports: AuditedReport[], key: (r: AuditedReport) => string): Record<string, z.infer<typeof Group>> {
  const groups = new Map<string, AuditedReport[]>();
  for (const r of reports) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => [k, group(list)]));
}

/** One report's structure in audit terms. */
export async function auditReport(path: string, member: string): Promise<AuditedReport> {
  const read = await readDocument(path);
  const fileName = path.split(/[\\/]/).pop() ?? path;
  const meta = documentMeta(read.normalized, read.frontMatter.title, fileName);
  const structure = parseStructure({
    documentId: member,
    text: read.text,
    normalized: read.normalized,
    boldLines: read.boldLines,
    boldLeads: read.boldLeads,
    planYear: meta.year,
  });
  const yearTasks = structure.tasks.filter((t) => t.horizon === 'year');
  const seen = new Set<string>();
  let duplicateNumbers = 0;
  for (const t of yearTasks) {
    const key = `${t.sectionPath}/${t.parentId}/${t.number}`;
    if (seen.has(key)) duplicateNumbers += 1;
    seen.add(key);
  }
  const yearPlan = structure.sections.some((s) => s.horizon === 'year');
  const issues: AuditedReport['issues'] = [];
  if (!yearPlan) issues.push('no-plan');
  else if (!yearTasks.length) issues.push('plan-without-tasks');
  if (yearTasks.length > MAX_PLAUSIBLE_TASKS) issues.push('too-many-tasks');
  if (duplicateNumbers) issues.push('duplicate-numbering');
  return {
    member,
    year: meta.year,
    era: eraOf(meta.year),
    level: levelOf(member, meta.place),
    parts: structure.sections.filter((s) => s.level === 'part').length,
    yearPlan,
    yearTasks: yearTasks.length,
    reviewTasks: structure.tasks.filter((t) => t.horizon === 'review').length,
    duplicateNumbers,
    issues,
  };
}

/** Audits every report of a folder, or of a .tar.xz archive (unpacked once per version, as ingest unpacks it). */
export async function auditCorpus(source: string): Promise<AuditReport & { details: AuditedReport[] }> {
  const started = performance.now();
  const dir = isArchive(source) ? unpackedArchive(source) : source;
  const files = (await expandInputs([dir])).sort();
  const details: AuditedReport[] = [];
  const errors: AuditReport['errors'] = [];
  for (const file of files) {
    const member = relative(dir, file) || file;
    try {
      details.push(await auditReport(file, member));
    } catch (error) {
      errors.push({ member, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return {
    reports: details.length,
    errors,
    overall: group(details),
    byEra: groupBy(details, (r) => r.era),
    byLevel: groupBy(details, (r) => r.level),
    byEraAndLevel: groupBy(details, (r) => `${r.era} ${r.level}`),
    suspicious: details.filter((r) => r.issues.length),
    ms: Math.round(performance.now() - started),
    details,
  };
}
