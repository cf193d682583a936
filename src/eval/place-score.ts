// Place quality of one report against its gold list: recall (a gold place is found when a place mention of an
// entity that matches it covers one of its surfaces where the text writes it) and precision (every place entity
// mentioned in the report matches a gold place by name, alias or surface, or is wrong), per gold kind.
import { z } from 'zod';
import type { DocumentGraph, Entity } from '../domain/schemas.ts';
import { cleanName } from '../ingest/resolve.ts';

export const GoldPlaceKind = z.enum(['administrative', 'zone', 'water', 'transport', 'other']);
export type GoldPlaceKind = z.infer<typeof GoldPlaceKind>;

export const PlaceGoldFile = z.object({
  member: z.string(),
  jurisdiction: z.string(),
  places: z.array(z.object({ name: z.string(), kind: GoldPlaceKind, surfaces: z.array(z.string()), note: z.string().optional() })),
  notPlaces: z.array(z.string()).optional(),
  notes: z.string().optional(),
});
export type PlaceGoldFile = z.infer<typeof PlaceGoldFile>;

/** Which gold kind a stored place kind falls under, for entities that match no gold place. */
const KIND_OF: Record<string, GoldPlaceKind> = {
  town: 'administrative',
  township: 'administrative',
  subdistrict: 'administrative',
  district: 'administrative',
  city: 'administrative',
  county: 'administrative',
  province: 'administrative',
  region: 'administrative',
  country: 'administrative',
  zone: 'zone',
  newtown: 'zone',
  park: 'zone',
  river: 'water',
  lake: 'water',
  reservoir: 'water',
  road: 'transport',
  rail: 'transport',
  port: 'transport',
  airport: 'transport',
  station: 'transport',
  area: 'other',
};

export interface Tally {
  found: number;
  gold: number;
  correct: number;
  extracted: number;
}

export interface PlaceScore {
  byKind: Record<GoldPlaceKind, Tally>;
  overall: Tally;
  missed: string[];
  wrong: string[];
}

const emptyTally = (): Tally => ({ found: 0, gold: 0, correct: 0, extracted: 0 });

function occurrencesOf(text: string, surface: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) at.push(i);
  return at;
}

export function scorePlaces(gold: PlaceGoldFile, graph: Pick<DocumentGraph, 'document' | 'entities' | 'mentions'>): PlaceScore {
  const text = graph.document.text;
  const places = new Map(graph.entities.filter((e) => e.type === 'place').map((e) => [e.id, e]));
  // Each mention of a place, with the place it names.
  const mentions = graph.mentions.flatMap((m) => {
    const place = places.get(m.entityId);
    return place ? [{ ...m, place }] : [];
  });
  const namesOf = (e: Entity) => new Set([e.name, ...e.aliases].map(cleanName));
  const golds = gold.places.map((place) => ({ place, names: new Set([place.name, ...place.surfaces].map(cleanName)) }));
  const matches = (e: Entity, goldNames: Set<string>) => [...namesOf(e)].some((n) => goldNames.has(n));

  const byKind = Object.fromEntries(GoldPlaceKind.options.map((k) => [k, emptyTally()])) as Record<GoldPlaceKind, Tally>;
  const overall = emptyTally();
  const missed: string[] = [];
  for (const { place, names } of golds) {
    const covered = place.surfaces.some((surface) =>
      occurrencesOf(text, surface).some((start) =>
        mentions.some((m) => m.charStart <= start && start + surface.length <= m.charEnd && matches(m.place, names)),
      ),
    );
    byKind[place.kind].gold++;
    overall.gold++;
    if (covered) {
      byKind[place.kind].found++;
      overall.found++;
    } else missed.push(place.name);
  }

  const wrong: string[] = [];
  for (const entity of new Set(mentions.map((m) => m.place))) {
    const match = golds.find(({ names }) => matches(entity, names));
    const kind = match ? match.place.kind : (KIND_OF[entity.kind ?? ''] ?? 'other');
    byKind[kind].extracted++;
    overall.extracted++;
    if (match) {
      byKind[kind].correct++;
      overall.correct++;
    } else wrong.push(entity.name);
  }
  return { byKind, overall, missed, wrong };
}

export const recallOf = (t: Tally) => (t.gold ? t.found / t.gold : 1);
export const precisionOf = (t: Tally) => (t.extracted ? t.correct / t.extracted : 1);

export function addTally(a: Tally, b: Tally): Tally {
  return { found: a.found + b.found, gold: a.gold + b.gold, correct: a.correct + b.correct, extracted: a.extracted + b.extracted };
}
