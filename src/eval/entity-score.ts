// Scores extracted entities against a gold list (shared/eval/seed-entities.json).
//
// Matching is by name within a type: an extracted entity is correct when its canonical name or one of its
// aliases equals a gold entity's canonical name or alias of the same type. Lenient normalisation, applied to
// both sides: full-width forms → ASCII (标准化＋ = 标准化+), quotes and spaces removed (“三改” = 三改), a trailing
// parenthetical note removed (人民医院（区人民医院） = 人民医院). For initiatives, the named members of a gold
// bundle (法治浙江 in 六个浙江) also count as correct extractions, though only the bundles count for recall.
//
// recall = gold entities matched / gold entities; precision = extracted entities matching a gold entity /
// extracted entities. For places, mention-count accuracy compares the number of mentions of each matched
// gold place with its gold mention_count (mentions of all extracted entities matching it are summed).
import { z } from 'zod';
import type { Entity, Mention } from '../domain/schemas.ts';
import { normalizeWidth } from '../ingest/normalize.ts';

const GoldAlias = z.object({ surface: z.string() }).passthrough();
const GoldEntity = z
  .object({
    canonical: z.string(),
    aliases: z.array(GoldAlias).default([]),
    mention_count: z.number().int().optional(),
    members: z.array(z.object({ name: z.string() }).passthrough()).optional(),
  })
  .passthrough();
export const GoldEntities = z
  .object({
    places: z.array(GoldEntity),
    projects: z.array(GoldEntity),
    initiatives: z.array(GoldEntity),
    organizations: z.array(GoldEntity),
  })
  .passthrough();
export type GoldEntities = z.infer<typeof GoldEntities>;
type GoldEntity = z.infer<typeof GoldEntity>;

export type ScoredType = 'place' | 'project' | 'initiative' | 'organization';
const GOLD_LIST: Record<ScoredType, keyof Pick<GoldEntities, 'places' | 'projects' | 'initiatives' | 'organizations'>> = {
  place: 'places',
  project: 'projects',
  initiative: 'initiatives',
  organization: 'organizations',
};

export interface TypeScore {
  gold: number;
  extracted: number;
  goldFound: number;
  extractedCorrect: number;
  precision: number;
  recall: number;
  missed: string[];
  unmatched: string[];
}

export interface MentionCountScore {
  compared: number;
  exact: number;
  accuracy: number;
  meanAbsoluteError: number;
  mismatches: Array<{ name: string; gold: number; extracted: number }>;
}

export interface EntityScore {
  types: Record<ScoredType, TypeScore>;
  placeMentionCounts: MentionCountScore;
}

/** The lenient form both sides are compared in. */
export function comparableName(name: string): string {
  return normalizeWidth(name)
    .replace(/[“”‘’"'《》\s]/g, '')
    .replace(/\([^()]*\)$/, '');
}

function goldNames(entity: GoldEntity, withMembers: boolean): Set<string> {
  const names = [entity.canonical, ...entity.aliases.map((a) => a.surface)];
  if (withMembers) names.push(...(entity.members ?? []).map((m) => m.name));
  return new Set(names.map(comparableName));
}

function entityNames(entity: Entity): string[] {
  return [entity.name, ...entity.aliases].map(comparableName);
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function scoreType(
  gold: GoldEntity[],
  extracted: Entity[],
  withMembers: boolean,
): { score: TypeScore; matches: Map<GoldEntity, Entity[]> } {
  const goldSets = gold.map((g) => ({ gold: g, names: goldNames(g, false), lenient: goldNames(g, withMembers) }));
  const matches = new Map<GoldEntity, Entity[]>();
  const unmatched: string[] = [];
  let extractedCorrect = 0;
  for (const entity of extracted) {
    const names = entityNames(entity);
    const hits = goldSets.filter((g) => names.some((n) => g.names.has(n)));
    for (const hit of hits) matches.set(hit.gold, [...(matches.get(hit.gold) ?? []), entity]);
    if (hits.length > 0 || goldSets.some((g) => names.some((n) => g.lenient.has(n)))) extractedCorrect++;
    else unmatched.push(entity.name);
  }
  const missed = gold.filter((g) => !matches.has(g)).map((g) => g.canonical);
  return {
    score: {
      gold: gold.length,
      extracted: extracted.length,
      goldFound: matches.size,
      extractedCorrect,
      precision: ratio(extractedCorrect, extracted.length),
      recall: ratio(matches.size, gold.length),
      missed,
      unmatched,
    },
    matches,
  };
}

function scoreMentionCounts(matches: Map<GoldEntity, Entity[]>, mentions: Mention[]): MentionCountScore {
  const countById = new Map<string, number>();
  for (const m of mentions) countById.set(m.entityId, (countById.get(m.entityId) ?? 0) + 1);
  const mismatches: MentionCountScore['mismatches'] = [];
  let compared = 0;
  let exact = 0;
  let absoluteError = 0;
  for (const [gold, entities] of matches) {
    if (gold.mention_count === undefined) continue;
    const extracted = [...new Set(entities)].reduce((sum, e) => sum + (countById.get(e.id) ?? 0), 0);
    compared++;
    absoluteError += Math.abs(extracted - gold.mention_count);
    if (extracted === gold.mention_count) exact++;
    else mismatches.push({ name: gold.canonical, gold: gold.mention_count, extracted });
  }
  return { compared, exact, accuracy: ratio(exact, compared), meanAbsoluteError: ratio(absoluteError, compared), mismatches };
}

export function scoreEntities(gold: GoldEntities, extracted: { entities: Entity[]; mentions: Mention[] }): EntityScore {
  const types = {} as Record<ScoredType, TypeScore>;
  let placeMatches = new Map<GoldEntity, Entity[]>();
  for (const type of Object.keys(GOLD_LIST) as ScoredType[]) {
    const { score, matches } = scoreType(
      gold[GOLD_LIST[type]],
      extracted.entities.filter((e) => e.type === type),
      type === 'initiative',
    );
    types[type] = score;
    if (type === 'place') placeMatches = matches;
  }
  return { types, placeMentionCounts: scoreMentionCounts(placeMatches, extracted.mentions) };
}
