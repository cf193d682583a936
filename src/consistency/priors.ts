// Prior commitments in the graph: the documents a draft answers to (those up to its year — a report of the same
// year is what a revised draft answers to — and of its place when given),
// the figures of the same indicator they state, and the passages that name the same project or initiative.
// Only the GraphReader and TextSearch roles are used, so the embedded store and Neo4j answer alike.
import type { DocumentSummary, GraphReader, TextSearch } from '../../graph/store.ts';
import type { Entity, Observation, Paragraph } from '../domain/schemas.ts';
import { cleanName, resolutionKey } from '../ingest/resolve.ts';
import type { FigureClaim } from './claims.ts';
import { lookupFragments, nameSimilarity, SAME_INDICATOR } from './names.ts';
import { comparableUnits } from './units.ts';

export interface PriorScope {
  /** Documents the draft answers to, by id. */
  documents: Map<string, DocumentSummary>;
}

/** Whether a document is of the place asked for (杭州 matches 杭州市). */
export function documentOfPlace(document: DocumentSummary, place: string): boolean {
  const key = resolutionKey('place', place);
  return (document.place !== null && resolutionKey('place', document.place) === key) || document.title.includes(place);
}

export async function priorScope(
  store: GraphReader & TextSearch,
  options: { year: number | null; place?: string | null },
): Promise<PriorScope> {
  const documents = (await store.listDocuments()).filter(
    (d) => (options.year === null || d.year === null || d.year <= options.year) && (!options.place || documentOfPlace(d, options.place)),
  );
  return { documents: new Map(documents.map((d) => [d.id, d])) };
}

/** The prior figures of the claim's indicator, in a comparable unit. */
export async function priorFigures(store: GraphReader & TextSearch, scope: PriorScope, claim: FigureClaim): Promise<Observation[]> {
  const found = new Map<string, Observation>();
  for (const fragment of lookupFragments(claim.subject)) {
    for (const o of await store.observations({ indicator: fragment })) found.set(o.id, o);
  }
  return [...found.values()].filter(
    (o) =>
      scope.documents.has(o.documentId) &&
      comparableUnits(o.unit, claim.unit) &&
      nameSimilarity(o.indicator, claim.subject) >= SAME_INDICATOR,
  );
}

/** Names a prior passage may use for the entity: its own and its aliases, and those of stored entities resolving alike. */
async function namesOf(store: GraphReader & TextSearch, entity: Entity): Promise<string[]> {
  const key = resolutionKey(entity.type, entity.name);
  const stored = await store.entities({ type: entity.type, match: cleanName(entity.name), limit: 20 });
  const same = stored.filter((e) => resolutionKey(e.type, e.name) === key);
  return [...new Set([entity.name, ...entity.aliases, ...same.flatMap((e) => [e.name, ...e.aliases])].map(cleanName))].filter(
    (n) => n.length >= 2,
  );
}

/** Prior paragraphs that name the entity, by any of its names. */
export async function priorPassages(store: GraphReader & TextSearch, scope: PriorScope, entity: Entity): Promise<Paragraph[]> {
  const names = await namesOf(store, entity);
  const hits = new Map<string, Paragraph>();
  for (const name of names) {
    for (const hit of await store.searchText(name, 50)) {
      const text = cleanName(hit.paragraph.text);
      if (scope.documents.has(hit.paragraph.documentId) && names.some((n) => text.includes(n))) hits.set(hit.paragraph.id, hit.paragraph);
    }
  }
  return [...hits.values()];
}

/** Prior paragraphs about the same thing, for a claim nothing prior matches (the nearest context a drafter should see). */
export async function relatedPassages(store: GraphReader & TextSearch, scope: PriorScope, text: string, k: number): Promise<Paragraph[]> {
  const hits = await store.searchText(text, k * 4);
  return hits
    .filter((h) => scope.documents.has(h.paragraph.documentId))
    .slice(0, k)
    .map((h) => h.paragraph);
}

/** Words a project name may carry around the work itself (杭州西站枢纽, 湖杭铁路工程): the core is what reports repeat. */
const WORK_AFFIXES = /(?:枢纽|工程|项目|前期|一期|二期|三期|建设|改造|提升|改建|扩建)+$/;
const MIN_CORE = 4;

/** The shorter names a report may use for the same work: the name without its generic endings. */
export function coreNames(name: string): string[] {
  const cleaned = cleanName(name);
  const core = cleaned.replace(WORK_AFFIXES, '');
  return core !== cleaned && core.length >= MIN_CORE ? [core] : [];
}

/**
 * Prior paragraphs naming the work by its core name (暂缓建设杭州西站枢纽 answers to 开工建设铁路杭州西站): a draft
 * that names a project differently from the report that committed to it still answers to that commitment.
 */
export async function priorPassagesByCore(
  store: GraphReader & TextSearch,
  scope: PriorScope,
  entity: Entity,
): Promise<{ passages: Paragraph[]; names: string[] }> {
  const names = coreNames(entity.name);
  const hits = new Map<string, Paragraph>();
  for (const name of names) {
    for (const hit of await store.searchText(name, 50)) {
      if (scope.documents.has(hit.paragraph.documentId) && cleanName(hit.paragraph.text).includes(name))
        hits.set(hit.paragraph.id, hit.paragraph);
    }
  }
  return { passages: [...hits.values()], names };
}
