// CSV in the shape `neo4j-admin database import full` reads: one node file (id:ID, :LABEL, typed properties) and
// one relationship file (:START_ID, :END_ID, :TYPE, typed properties); lists use Neo4j's default ';' delimiter.
// Also safe to open in a spreadsheet: no text cell can start a formula.
import { strToU8, zipSync } from 'fflate';
import type { Subgraph } from '../../graph/store.ts';
import { declareAttributes, edgeValues, nodeValues, valueText, type Attribute, type Values } from './attributes.ts';

export const NODES_FILE = 'nodes.csv';
export const RELATIONSHIPS_FILE = 'relationships.csv';

/**
 * A text cell that a spreadsheet would run as a formula (= + - @, or a tab or carriage return before one) gets a
 * leading apostrophe, OWASP's advice against CSV injection. Typed number and boolean cells are left alone: they
 * hold only what JavaScript writes for a number, never a formula.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const textCell = (value: unknown) => quoted(neutraliseFormula(value === undefined ? '' : valueText(value)));

function typedCell(value: unknown, attribute: Attribute): string {
  if (value === undefined) return '';
  return attribute.type === 'string' ? textCell(value) : quoted(valueText(value));
}

const header = (a: Attribute) =>
  quoted(neutraliseFormula(`${a.name}${a.type === 'string' && !a.list ? '' : `:${a.type}`}${a.list ? '[]' : ''}`));

function table(head: string[], rows: string[][]): string {
  return `${[head, ...rows].map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

function without(values: Values, name: string): Values {
  const { [name]: _removed, ...rest } = values;
  return rest;
}

export function toNeo4jCsv(graph: Subgraph): Record<typeof NODES_FILE | typeof RELATIONSHIPS_FILE, string> {
  // The label and relationship type have their own columns rather than a property.
  const nodeRows = graph.nodes.map((node) => ({ node, values: without(nodeValues(node), 'labels') }));
  const edgeRows = graph.edges.map((edge) => ({ edge, values: without(edgeValues(edge), 'relationship') }));
  const nodeAttributes = declareAttributes(nodeRows.map((row) => row.values));
  const edgeAttributes = declareAttributes(edgeRows.map((row) => row.values));
  const nodes = table(
    ['id:ID', ':LABEL', ...nodeAttributes.map(header)],
    nodeRows.map(({ node: n, values }) => [textCell(n.id), textCell(n.label), ...nodeAttributes.map((a) => typedCell(values[a.name], a))]),
  );
  const relationships = table(
    [':START_ID', ':END_ID', ':TYPE', ...edgeAttributes.map(header)],
    edgeRows.map(({ edge: e, values }) => [
      textCell(e.source),
      textCell(e.target),
      textCell(e.type),
      ...edgeAttributes.map((a) => typedCell(values[a.name], a)),
    ]),
  );
  return { [NODES_FILE]: nodes, [RELATIONSHIPS_FILE]: relationships };
}

/** Both files in one zip, for a single download. */
export function toNeo4jCsvZip(graph: Subgraph): Uint8Array {
  const files = toNeo4jCsv(graph);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}
