// The data model of DESIGN.md as zod schemas; every boundary (CLI, HTTP, stores) validates against these.
import { z } from 'zod';

export const EntityType = z.enum(['place', 'project', 'initiative', 'organization', 'indicator']);
export type EntityType = z.infer<typeof EntityType>;

export const PlaceKind = z.enum([
  'town',
  'township',
  'subdistrict',
  'river',
  'lake',
  'reservoir',
  'zone',
  'newtown',
  'park',
  'district',
  'city',
  'county',
  'province',
  'region',
  'country',
  'road',
  'rail',
  'area',
]);
export type PlaceKind = z.infer<typeof PlaceKind>;

export const ObservationKind = z.enum(['actual', 'target', 'growth', 'growth_target', 'ratio']);
export type ObservationKind = z.infer<typeof ObservationKind>;

export const Comparator = z.enum(['达到', '以上', '以内', '左右', '力争', '确保']);
export type Comparator = z.infer<typeof Comparator>;

/** Half-open character range [charStart, charEnd) into the document's text. */
export const Span = z.object({ charStart: z.number().int().nonnegative(), charEnd: z.number().int().nonnegative() });

export const DocumentLevel = z.enum(['state', 'province', 'prefecture', 'county']);
export type DocumentLevel = z.infer<typeof DocumentLevel>;

export const DocumentNode = z.object({
  id: z.string(), // content hash
  title: z.string(),
  /** How the report is named in lists: place and year (宁波市 2017年政府工作报告). */
  label: z.string(),
  place: z.string().nullable(),
  /** GB/T 2260 code of the place, when the gazetteer knows it. */
  placeCode: z.string().nullable(),
  level: DocumentLevel.nullable(),
  year: z.number().int().nullable(), // the year it was delivered
  /** The year its year plan is for (a report delivered in December plans the next year). */
  planYear: z.number().int().nullable(),
  speaker: z.string().nullable(),
  issuer: z.string().nullable(),
  date: z.string().nullable(),
  sourcePath: z.string(),
  source: z.string().nullable(), // e.g. the URL from Markdown front matter
  text: z.string(), // the document text all offsets refer to
});
export type DocumentNode = z.infer<typeof DocumentNode>;

/**
 * What a part of a report is about: last year's or the last term's work (review), this year's work (year),
 * goals beyond this year (multi-year), or none of these (other: the government's own conduct as a part of
 * its own, closing remarks).
 */
export const Horizon = z.enum(['review', 'year', 'multi-year', 'other']);
export type Horizon = z.infer<typeof Horizon>;
/**
 * The tasks a report plans for its plan year: what "which tasks…" questions ask about. Five-year goals
 * (multi-year), reviewed work and the government's own conduct are cited, but only when no year task matches.
 */
export const isPlanned = (horizon: Horizon): boolean => horizon === 'year';

export const Section = z.object({
  id: z.string(),
  documentId: z.string(),
  path: z.string(), // e.g. "三/（一）"
  parentPath: z.string().nullable(),
  title: z.string(),
  ordinal: z.number().int(),
  level: z.enum(['part', 'section']),
  horizon: Horizon,
  ...Span.shape,
});
export type Section = z.infer<typeof Section>;

export const Task = z.object({
  id: z.string(),
  documentId: z.string(),
  sectionPath: z.string(),
  /** The section (part, (一) section or numbered item with items under it) the task is enumerated under. */
  parentId: z.string().nullable(),
  number: z.number().int(),
  title: z.string(),
  category: z.string().nullable(), // heading of the enclosing section, e.g. 经济建设方面
  /** From the heading of its part or section, or the announcement line before it. */
  horizon: Horizon,
  ...Span.shape,
});
export type Task = z.infer<typeof Task>;

export const Paragraph = z.object({
  id: z.string(),
  documentId: z.string(),
  sectionPath: z.string(),
  taskId: z.string().nullable(),
  ordinal: z.number().int(),
  text: z.string(),
  sentences: z.array(Span), // absolute offsets
  ...Span.shape,
});
export type Paragraph = z.infer<typeof Paragraph>;

export const Entity = z.object({
  id: z.string(), // stable across documents: derived from type + resolution key
  type: EntityType,
  name: z.string(), // canonical
  kind: z.string().nullable(),
  aliases: z.array(z.string()),
  pinyin: z.string(),
  /** Administrative places: the gazetteer code (GB/T 2260; nine digits for townships), from which LOCATED_IN follows. */
  code: z.string().nullable().optional(),
});
export type Entity = z.infer<typeof Entity>;

export const Mention = z.object({
  entityId: z.string(),
  documentId: z.string(),
  paragraphId: z.string(),
  surface: z.string(),
  ...Span.shape,
});
export type Mention = z.infer<typeof Mention>;

export const Observation = z.object({
  id: z.string(),
  indicatorId: z.string(),
  indicator: z.string(),
  value: z.number(),
  unit: z.string(),
  kind: ObservationKind,
  period: z.string(), // "2016" or "2017-2021"
  comparator: Comparator.nullable(),
  documentId: z.string(),
  paragraphId: z.string(),
  text: z.string(), // the clause that states it
  /** The place the figure is about: the report's own unless its sentence names another (a district's figure in its city's report). */
  place: z.string().nullable().optional(),
  placeCode: z.string().nullable().optional(),
  ...Span.shape,
});
export type Observation = z.infer<typeof Observation>;

export const RelationType = z.enum(['LOCATED_IN', 'HAS_PART']);
export const Relation = z.object({
  type: RelationType,
  fromId: z.string(),
  toId: z.string(),
  documentId: z.string(),
  paragraphId: z.string().nullable(),
});
export type Relation = z.infer<typeof Relation>;

export const Chunk = z.object({
  id: z.string(),
  documentId: z.string(),
  paragraphId: z.string(),
  sectionPath: z.string(),
  taskId: z.string().nullable(),
  text: z.string(),
  ...Span.shape,
});
export type Chunk = z.infer<typeof Chunk>;

/** Everything ingest derives from one document; a GraphStore writes it all or nothing. */
export const DocumentGraph = z.object({
  document: DocumentNode,
  sections: z.array(Section),
  tasks: z.array(Task),
  paragraphs: z.array(Paragraph),
  entities: z.array(Entity),
  mentions: z.array(Mention),
  observations: z.array(Observation),
  relations: z.array(Relation),
  chunks: z.array(Chunk),
});
export type DocumentGraph = z.infer<typeof DocumentGraph>;
