// The structure gold (test/fixtures/gold/structure/*.json) against the dev-set reports as readDocument reads them:
// every quoted string must be found verbatim, so the gold stays usable as the parser's answer key.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readDocument } from '../../src/ingest/read.ts';
import { corpusFile } from '../helpers/shared.ts';

const GOLD_DIR = new URL('../fixtures/gold/structure/', import.meta.url);
const DEV_SET = z
  .object({
    reports: z.array(z.object({ member: z.string(), split: z.enum(['tune', 'report']) })),
    structureTune: z.array(z.object({ member: z.string() })),
    structureCheck: z.array(z.object({ member: z.string() })),
    structureOld: z.array(z.object({ member: z.string() })),
    structureCheck2: z.array(z.object({ member: z.string() })),
    structureCheck3: z.array(z.object({ member: z.string() })),
    structureCheck4: z.array(z.object({ member: z.string() })),
    structureCheck5: z.array(z.object({ member: z.string() })),
    structureCheck6: z.array(z.object({ member: z.string() })),
  })
  .parse(JSON.parse(readFileSync(new URL('../fixtures/gold/dev-set.json', import.meta.url), 'utf8')));

const GoldTask = z.strictObject({
  // 16–20 characters, longer only where a plan paragraph repeats a review paragraph's opening word for word.
  lead: z.string().min(12).max(32),
  number: z.number().int().positive().nullable(),
  title: z.string().min(1),
  category: z.string().min(1).nullable(),
  parent: z.string().min(1).nullable(),
});
const StructureGold = z.strictObject({
  member: z.string(),
  place: z.string().min(2),
  level: z.enum(['state', 'province', 'prefecture', 'county']),
  year: z.number().int().min(1949).max(2100),
  planYear: z.number().int().min(1949).max(2100).nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  speaker: z.string().min(2).nullable(),
  parts: z.array(z.strictObject({ heading: z.string().min(1), horizon: z.enum(['review', 'year', 'multi-year', 'other']) })),
  yearPlanTasks: z.array(GoldTask),
  layout: z.string().min(10),
  notes: z.string(),
});

const goldFiles = readdirSync(GOLD_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();
const golds = goldFiles.map((file) => ({ file, gold: StructureGold.parse(JSON.parse(readFileSync(new URL(file, GOLD_DIR), 'utf8'))) }));

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

describe('structure gold fixtures', () => {
  it('has exactly one gold file, with an ASCII slug, for every dev-set, structure-tune, structure-check and structure-old report', () => {
    expect(goldFiles.every((file) => /^[a-z0-9]+(?:-[a-z0-9]+)*\.json$/.test(file))).toBe(true);
    expect(golds.map((g) => g.gold.member).sort()).toEqual(
      [
        ...DEV_SET.reports,
        ...DEV_SET.structureTune,
        ...DEV_SET.structureCheck,
        ...DEV_SET.structureOld,
        ...DEV_SET.structureCheck2,
        ...DEV_SET.structureCheck3,
        ...DEV_SET.structureCheck4,
        ...DEV_SET.structureCheck5,
        ...DEV_SET.structureCheck6,
      ]
        .map((r) => r.member)
        .sort(),
    );
  });

  for (const { file, gold } of golds) {
    describe(file, () => {
      it('quotes headings, leads, titles, categories and parents verbatim from the text as read', async () => {
        const { text } = await readDocument(corpusFile(gold.member));
        const missing = (s: string) => !text.includes(s);
        expect(gold.parts.map((p) => p.heading).filter(missing)).toEqual([]);
        const leadCounts = gold.yearPlanTasks.map((t) => [t.lead, occurrences(text, t.lead).length]);
        expect(leadCounts.filter(([, count]) => count !== 1)).toEqual([]);
        expect(gold.yearPlanTasks.map((t) => t.title).filter(missing)).toEqual([]);
        expect(gold.yearPlanTasks.flatMap((t) => (t.category === null ? [] : [t.category])).filter(missing)).toEqual([]);
        // Tasks are listed in reading order.
        const starts = gold.yearPlanTasks.map((t) => text.indexOf(t.lead));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      });

      it('keeps its tasks consistent: parents are earlier tasks, numbers rise within a category or start a list again', () => {
        const leads = gold.yearPlanTasks.map((t) => t.lead);
        expect(new Set(leads).size).toBe(leads.length);
        for (const [index, task] of gold.yearPlanTasks.entries()) {
          if (task.parent !== null) expect(leads.slice(0, index)).toContain(task.parent);
        }
        const lastNumber = new Map<string, number>();
        for (const task of gold.yearPlanTasks) {
          if (task.number === null) continue;
          const group = `${task.category ?? ''}\u0000${task.parent ?? ''}`;
          // A second list under the same heading starts again at 1 (两个 一是…四是 lists in one part).
          if (task.number !== 1)
            expect(task.number, `${task.lead} after ${lastNumber.get(group)}`).toBeGreaterThan(lastNumber.get(group) ?? 0);
          lastNumber.set(group, task.number);
        }
        if (gold.planYear === null) expect(gold.yearPlanTasks).toEqual([]);
        else expect(gold.parts.some((p) => p.horizon === 'year')).toBe(true);
      });
    });
  }
});
