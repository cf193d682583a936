// The gold place lists of six dev-set reports are honest: each names a dev-set member, every surface (and every
// notPlace) occurs verbatim in the member's text as ingest reads it, kinds come from the enum, names are unique,
// and no string is both a place surface and a notPlace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readDocument } from '../../src/ingest/read.ts';
import { corpusFile } from '../helpers/shared.ts';

const SLUGS = ['gansu-2020', 'xizang-2014', 'harbin-2019', 'ningbo-2023', 'guangxi-2008', 'zhejiang-1989'];

const GOLD_DIR = new URL('../fixtures/gold/', import.meta.url).pathname;

const PlaceKind = z.enum(['administrative', 'zone', 'water', 'transport', 'other']);

const GoldPlaces = z
  .object({
    member: z.string().min(1),
    jurisdiction: z.string().min(1),
    places: z.array(
      z
        .object({
          name: z.string().min(1),
          kind: PlaceKind,
          surfaces: z.array(z.string().min(1)).min(1),
          note: z.string().optional(),
        })
        .strict(),
    ),
    notPlaces: z.array(z.string().min(1)).optional(),
    notes: z.string().optional(),
  })
  .strict();

const DevSet = z.object({ reports: z.array(z.object({ member: z.string() })) });

const devMembers = new Set(DevSet.parse(JSON.parse(readFileSync(`${GOLD_DIR}dev-set.json`, 'utf8'))).reports.map((r) => r.member));

describe.each(SLUGS)('%s', (slug) => {
  const gold = GoldPlaces.parse(JSON.parse(readFileSync(`${GOLD_DIR}places/${slug}.json`, 'utf8')));

  it('belongs to the dev set and names each place once', () => {
    expect(devMembers.has(gold.member)).toBe(true);
    const names = gold.places.map((p) => p.name);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
    for (const place of gold.places) expect(new Set(place.surfaces).size).toBe(place.surfaces.length);
  });

  it('keeps place surfaces and notPlaces apart', () => {
    const surfaces = new Set(gold.places.flatMap((p) => p.surfaces));
    expect((gold.notPlaces ?? []).filter((s) => surfaces.has(s))).toEqual([]);
  });

  it('has every surface and notPlace verbatim in the text', async () => {
    const { text } = await readDocument(corpusFile(gold.member));
    const missing = gold.places.flatMap((p) => p.surfaces.filter((s) => !text.includes(s)).map((s) => `${p.name}: ${s}`));
    const missingNotPlaces = (gold.notPlaces ?? []).filter((s) => !text.includes(s));
    expect(missing).toEqual([]);
    expect(missingNotPlaces).toEqual([]);
  });
});
