// The typed attributes an export declares: one per property name found on nodes (or edges), with the type every
// value of it fits, so GraphML/GEXF/CSV readers get numbers as numbers and Gephi can colour and filter by them.
import type { GraphEdge, GraphNode, Subgraph } from '../../graph/store.ts';

export type AttributeType = 'string' | 'long' | 'double' | 'boolean';

export interface Attribute {
  name: string;
  type: AttributeType;
  /** Values are arrays (of `type`); formats without lists write them joined by LIST_SEPARATOR. */
  list: boolean;
}

/** Neo4j's default array delimiter in import CSV, used for lists in every format. */
export const LIST_SEPARATOR = ';';
/** Measurements stay decimal even when every value in one export happens to be whole. */
const ALWAYS_DOUBLE = new Set(['value']);

export type Values = Record<string, unknown>;

// Stores name the same property differently (documentId here, document_id there); exports use one spelling.
const camelCase = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function properties(from: Record<string, unknown>, reserved: string[]): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries(from)) {
    const name = camelCase(key);
    if (!reserved.includes(name) && value !== null && value !== undefined) values[name] = value;
  }
  return values;
}

/**
 * A node's attributes: `labels` (its Neo4j label, the name APOC and Neo4j's GraphML tools use), `name`, then its
 * properties. Not `label`: Gephi and yEd take that for the display name, which `name` is.
 */
export function nodeValues(node: GraphNode): Values {
  return { labels: node.label, name: node.name, ...properties(node.properties, ['id', 'labels', 'name', 'label']) };
}

/** An edge's attributes: `relationship` (its type; `type` is Gephi's directed/undirected column), then its properties. */
export function edgeValues(edge: GraphEdge): Values {
  return { relationship: edge.type, ...properties(edge.properties, ['id', 'relationship', 'source', 'target']) };
}

function scalarType(value: unknown): AttributeType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function widen(a: AttributeType, b: AttributeType): AttributeType {
  if (a === b) return a;
  const numeric = new Set<AttributeType>(['long', 'double']);
  return numeric.has(a) && numeric.has(b) ? 'double' : 'string';
}

/** One attribute per name seen in `rows`, in first-seen order, typed to fit every value (mixed types fall back to string). */
export function declareAttributes(rows: Values[]): Attribute[] {
  const found = new Map<string, { type: AttributeType; list: boolean; mixed: boolean }>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const list = Array.isArray(value);
      const items: unknown[] = list ? value : [value];
      let seen = found.get(name);
      for (const item of items) {
        const type = ALWAYS_DOUBLE.has(name) && typeof item === 'number' ? 'double' : scalarType(item);
        if (!seen) {
          seen = { type, list, mixed: false };
          found.set(name, seen);
        } else seen.type = widen(seen.type, type);
      }
      if (seen && seen.list !== list) seen.mixed = true;
    }
  }
  return [...found].map(([name, { type, list, mixed }]) => ({ name, type: mixed ? 'string' : type, list: list && !mixed }));
}

/** One value as text: numbers and booleans as JavaScript writes them, lists joined, objects as JSON. */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueText).join(LIST_SEPARATOR);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Each node and edge with its attribute values, and the typed attributes they declare: what every XML format writes. */
export function typedRows(graph: Subgraph) {
  const nodeRows = graph.nodes.map((node) => ({ node, values: nodeValues(node) }));
  const edgeRows = graph.edges.map((edge) => ({ edge, values: edgeValues(edge) }));
  return {
    nodeRows,
    edgeRows,
    nodeAttributes: declareAttributes(nodeRows.map((row) => row.values)),
    edgeAttributes: declareAttributes(edgeRows.map((row) => row.values)),
  };
}
