// The place gold files are honest: each names a dev-set report, every surface occurs verbatim in that report as
// ingest reads it, and one surface maps to one place unless a note says why two places share it (elided lists such
// as 满洲里、二连浩特国家重点开发开放试验区, where 满洲里 is both the city and the first zone).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readDocument } from '../../src/ingest/read.ts';
import { corpusFile } from '../helpers/shared.ts';

const DIR = new URL('../fixtures/gold/places/', import.meta.url).pathname;
const DEV_SET = new URL('../fixtures/gold/dev-set.json', import.meta.url).pathname;
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json'));

const PlaceGold = z
  .object({
    member: z.string().min(1),
    jurisdiction: z.string().min(1),
    places: z
      .array(
        z
          .object({
            name: z.string().min(1),
            kind: z.enum(['administrative', 'zone', 'water', 'transport', 'other']),
            surfaces: z.array(z.string().min(1)).min(1),
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
    notPlaces: z.array(z.string().min(1)).optional(),
    notes: z.string().optional(),
  })
  .strict();

const devSet = z
  .object({
    reports: z.array(z.object({ member: z.string() })),
    structureTune: z.array(z.object({ member: z.string() })),
    structureCheck: z.array(z.object({ member: z.string() })),
    placeTune: z.array(z.object({ member: z.string() })),
    placeCheck: z.array(z.object({ member: z.string() })),
  })
  .parse(JSON.parse(readFileSync(DEV_SET, 'utf8')));
const devMembers = new Set(
  [...devSet.reports, ...devSet.structureTune, ...devSet.structureCheck, ...devSet.placeTune, ...devSet.placeCheck].map((r) => r.member),
);

it('has at least one gold file', () => {
  expect(FILES.length).toBeGreaterThan(0);
});

describe.each(FILES)('%s', (file) => {
  const gold = PlaceGold.parse(JSON.parse(readFileSync(join(DIR, file), 'utf8')));

  it('is about a dev-set report and names each place once', () => {
    expect(devMembers.has(gold.member)).toBe(true);
    const names = gold.places.map((p) => p.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('has every surface and non-place verbatim in the report', async () => {
    const { text } = await readDocument(corpusFile(gold.member));
    const surfaces = gold.places.flatMap((p) => p.surfaces.map((s) => `${p.name}: ${s}`));
    expect(surfaces.filter((entry) => !text.includes(entry.slice(entry.indexOf(': ') + 2)))).toEqual([]);
    expect((gold.notPlaces ?? []).filter((s) => !text.includes(s))).toEqual([]);
  });

  it('gives a surface to two places only with a note that names it, and never to a non-place', () => {
    const owners = new Map<string, typeof gold.places>();
    for (const place of gold.places) {
      for (const surface of new Set(place.surfaces)) owners.set(surface, [...(owners.get(surface) ?? []), place]);
    }
    const unexplained = [...owners].filter(([surface, places]) => places.length > 1 && !places.some((p) => p.note?.includes(surface)));
    expect(unexplained.map(([surface]) => surface)).toEqual([]);
    expect((gold.notPlaces ?? []).filter((s) => owners.has(s))).toEqual([]);
  });
});
