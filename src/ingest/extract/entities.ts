// Runs the place, initiative, organisation and project extractors over one document, settles where they
// compete for the same text, resolves names into entities and derives LOCATED_IN and HAS_PART relations.
import { defined } from '../../domain/defined.ts';
import type { Entity, Mention, Relation } from '../../domain/schemas.ts';
import { documentIds, entityId, type NameUse, resolveEntities } from '../resolve.ts';
import type { ExtractionContext } from './context.ts';
import { adminHierarchy } from './admin-hierarchy.ts';
import { extractInitiatives } from './initiatives.ts';
import { type Candidate, SpanSet, spansInside } from './lexicon/candidate.ts';
import { extractOrganizations } from './organizations.ts';
import { extractPlaces } from './places.ts';
import { extractProjects } from './projects.ts';

export interface ExtractedEntities {
  entities: Entity[];
  mentions: Mention[];
  relations: Relation[];
}

/** The id of a name of this document (documentIds: a unit another unit shares its name with goes by its code). */
type IdOf = ReturnType<typeof documentIds>;

const CONTAINER_PLACE_KINDS = new Set(['zone', 'newtown', 'park', 'area']);

/** A quoted term that the place passes recognise as a place (“一江两岸”) is that place, not an initiative. */
function withoutPlaces(initiatives: Candidate[], places: Candidate[]): Candidate[] {
  const placeSpans = new Set(places.map((p) => `${p.start}:${p.end}`));
  return initiatives.filter((i) => !placeSpans.has(`${i.start}:${i.end}`));
}

/** One mention per entity and position: a short alias inside a longer one (瓜沥 in 瓜沥镇) is the same mention. */
function mentionsOf(ctx: ExtractionContext, candidates: Candidate[], idOf: IdOf): Mention[] {
  const paragraphs = new Map(ctx.paragraphs.map((p) => [p.id, p]));
  const surfaceOf = (c: Candidate) => {
    const paragraph = defined(paragraphs.get(c.paragraphId), 'paragraph of a candidate');
    return paragraph.text.slice(c.start - paragraph.charStart, c.end - paragraph.charStart);
  };
  const byEntity = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const id = idOf(c);
    const group = byEntity.get(id);
    if (group) group.push(c);
    else byEntity.set(id, [c]);
  }
  const mentions: Mention[] = [];
  for (const [id, group] of byEntity) {
    const longestFirst = [...group].sort((a, b) => b.end - b.start - (a.end - a.start));
    const kept: Candidate[] = [];
    const keptSpans = new SpanSet<Candidate>();
    for (const c of longestFirst) {
      if (keptSpans.someOverlapping(c, () => true)) continue;
      kept.push(c);
      keptSpans.add(c);
    }
    for (const c of kept.sort((a, b) => a.start - b.start)) {
      mentions.push({
        entityId: id,
        documentId: ctx.documentId,
        paragraphId: c.paragraphId,
        surface: surfaceOf(c),
        charStart: c.start,
        charEnd: c.end,
      });
    }
  }
  return mentions.sort((a, b) => a.charStart - b.charStart || b.charEnd - a.charEnd);
}

/** Projects are located in the places named inside them; zones in the places their names contain. */
function locatedIn(ctx: ExtractionContext, candidates: Candidate[], places: Candidate[], idOf: IdOf): Relation[] {
  const relations = new Map<string, Relation>();
  // A name contains only places of its own paragraph: comparing with every place of the report was quadratic.
  const placesByParagraph = new Map<string, Candidate[]>();
  for (const place of places) {
    const group = placesByParagraph.get(place.paragraphId);
    if (group) group.push(place);
    else placesByParagraph.set(place.paragraphId, [place]);
  }
  // Sorted by start, a name's inner places are a run found by binary search (a paragraph of thousands was quadratic).
  for (const group of placesByParagraph.values()) group.sort((a, b) => a.start - b.start);
  for (const outer of candidates) {
    const isContainerPlace = outer.type === 'place' && CONTAINER_PLACE_KINDS.has(outer.kind ?? '');
    if (outer.type !== 'project' && !isContainerPlace) continue;
    const fromId = idOf(outer);
    const group = placesByParagraph.get(outer.paragraphId) ?? [];
    for (const inner of spansInside(group, outer)) {
      if (inner === outer) continue;
      const toId = idOf(inner);
      if (toId === fromId) continue;
      relations.set(`${fromId}>${toId}`, { type: 'LOCATED_IN', fromId, toId, documentId: ctx.documentId, paragraphId: outer.paragraphId });
    }
  }
  return [...relations.values()];
}

function hasPart(ctx: ExtractionContext, initiatives: Candidate[]): Relation[] {
  const relations = new Map<string, Relation>();
  for (const bundle of initiatives) {
    const fromId = entityId('initiative', bundle.name);
    for (const part of bundle.parts ?? []) {
      const toId = entityId('initiative', part);
      relations.set(`${fromId}>${toId}`, { type: 'HAS_PART', fromId, toId, documentId: ctx.documentId, paragraphId: bundle.paragraphId });
    }
  }
  return [...relations.values()];
}

/** Parts named only in a bundle's relation still need an entity to point at. */
function partNames(initiatives: Candidate[]): string[] {
  return initiatives.flatMap((c) => c.parts ?? []);
}

export function extractEntities(ctx: ExtractionContext): ExtractedEntities {
  const places = extractPlaces(ctx);
  const initiatives = withoutPlaces(extractInitiatives(ctx), places);
  const organizations = extractOrganizations(ctx, places);
  const projects = extractProjects(ctx, { places, organizations, initiatives });
  const candidates = [...places, ...initiatives, ...organizations, ...projects];
  const hierarchy = adminHierarchy(
    ctx.documentId,
    places.flatMap((p) => (p.code ? [p.code] : [])),
  );
  const uses: NameUse[] = [
    ...candidates.map((c) => ({ type: c.type, name: c.name, kind: c.kind, priority: c.priority, aliases: c.aliases ?? [], code: c.code })),
    ...partNames(initiatives).map((name) => ({ type: 'initiative' as const, name, kind: 'part', priority: 0, aliases: [] })),
    ...hierarchy.ancestors,
  ];
  const idOf = documentIds(uses);
  const entities = resolveEntities(uses, idOf);
  const relations = new Map(
    [...locatedIn(ctx, candidates, places, idOf), ...hasPart(ctx, initiatives), ...hierarchy.relations].map((r) => [
      `${r.type}:${r.fromId}>${r.toId}`,
      r,
    ]),
  );
  return {
    entities,
    mentions: mentionsOf(ctx, candidates, idOf),
    relations: betweenEntities([...relations.values()], entities),
  };
}

/**
 * Relations are derived from names, and resolution may file a name under another entity (an alias of it): each
 * end is moved to the entity that holds its name, and a relation whose end is no entity of the document — or that
 * would join an entity to itself — is dropped, so the graph never points at a node it does not have.
 */
function betweenEntities(relations: Relation[], entities: Entity[]): Relation[] {
  const holder = new Map<string, string>();
  for (const e of entities) for (const name of [e.name, ...e.aliases]) holder.set(entityId(e.type, name), e.id);
  for (const e of entities) holder.set(e.id, e.id);
  const joined = new Map<string, Relation>();
  for (const r of relations) {
    const fromId = holder.get(r.fromId);
    const toId = holder.get(r.toId);
    if (fromId && toId && fromId !== toId) joined.set(`${r.type}:${fromId}>${toId}`, { ...r, fromId, toId });
  }
  return [...joined.values()];
}
