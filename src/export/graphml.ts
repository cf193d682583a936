// GraphML (networkx, Gephi, yEd, Cytoscape desktop): every attribute declared as a typed <key>.
import type { Subgraph } from '../../graph/store.ts';
import { typedRows, valueText, type Attribute, type Values } from './attributes.ts';
import { xmlText } from './xml-text.ts';

/** GraphML has no list type: lists are strings (values joined by LIST_SEPARATOR). */
const graphmlType = (a: Attribute) => (a.list ? 'string' : a.type);

function keys(attributes: Attribute[], on: 'node' | 'edge', prefix: string): string[] {
  return attributes.map((a, i) => `  <key id="${prefix}${i}" for="${on}" attr.name="${xmlText(a.name)}" attr.type="${graphmlType(a)}"/>`);
}

function data(values: Values, attributes: Attribute[], prefix: string): string {
  return attributes
    .map((a, i) => (values[a.name] === undefined ? '' : `<data key="${prefix}${i}">${xmlText(valueText(values[a.name]))}</data>`))
    .join('');
}

export function toGraphml(graph: Subgraph): string {
  const { nodeRows, edgeRows, nodeAttributes, edgeAttributes } = typedRows(graph);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys(nodeAttributes, 'node', 'n'),
    ...keys(edgeAttributes, 'edge', 'e'),
    '  <graph id="policy-graph" edgedefault="directed">',
  ];
  for (const { node: n, values } of nodeRows) lines.push(`    <node id="${xmlText(n.id)}">${data(values, nodeAttributes, 'n')}</node>`);
  for (const { edge: e, values } of edgeRows)
    lines.push(
      `    <edge id="${xmlText(e.id)}" source="${xmlText(e.source)}" target="${xmlText(e.target)}">${data(values, edgeAttributes, 'e')}</edge>`,
    );
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
