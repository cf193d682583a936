// The graph's vocabulary, defined once: node labels, edge types and how far a walk expands a hub. Both stores,
// the server's schemas and the web UI import it (DESIGN.md, "Graph model").
import type { EntityType } from './schemas.ts';

export const NODE_LABELS = [
  'Document',
  'Section',
  'Task',
  'Paragraph',
  'Place',
  'Project',
  'Initiative',
  'Organization',
  'Indicator',
  'Observation',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The node label of each entity type ("place" → "Place"); entities also carry the label `Entity` in Neo4j. */
export const ENTITY_LABELS: Record<EntityType, NodeLabel> = {
  place: 'Place',
  project: 'Project',
  initiative: 'Initiative',
  organization: 'Organization',
  indicator: 'Indicator',
};

export const EDGE_TYPES = [
  'HAS_SECTION',
  'HAS_TASK',
  'HAS_PARAGRAPH',
  'MENTIONS',
  'TOUCHES',
  'STATES',
  'OF',
  'LOCATED_IN',
  'HAS_PART',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/** Expanding a hub (a document, a much-mentioned place) stops after this many edges per node, in either store. */
export const EDGES_PER_NODE = 400;

export const isNodeLabel = (value: string): value is NodeLabel => (NODE_LABELS as readonly string[]).includes(value);
