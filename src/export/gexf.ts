// GEXF 1.3 (Gephi's own format): every attribute declared with its type; the node label is its name, the edge
// label its relationship type.
import type { Subgraph } from '../../graph/store.ts';
import { typedRows, valueText, type Attribute, type Values } from './attributes.ts';
import { xmlText } from './xml-text.ts';

/** GEXF's liststring would need its own syntax; lists are strings (values joined by LIST_SEPARATOR) as in GraphML. */
const gexfType = (a: Attribute) => (a.list ? 'string' : a.type);

function declarations(attributes: Attribute[], on: 'node' | 'edge'): string {
  const items = attributes.map((a, i) => `<attribute id="${i}" title="${xmlText(a.name)}" type="${gexfType(a)}"/>`).join('');
  return `    <attributes class="${on}">${items}</attributes>`;
}

function attvalues(values: Values, attributes: Attribute[]): string {
  const items = attributes
    .map((a, i) => (values[a.name] === undefined ? '' : `<attvalue for="${i}" value="${xmlText(valueText(values[a.name]))}"/>`))
    .join('');
  return `<attvalues>${items}</attvalues>`;
}

export function toGexf(graph: Subgraph): string {
  const { nodeRows, edgeRows, nodeAttributes, edgeAttributes } = typedRows(graph);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <graph mode="static" defaultedgetype="directed">',
    declarations(nodeAttributes, 'node'),
    declarations(edgeAttributes, 'edge'),
    '    <nodes>',
  ];
  for (const { node: n, values } of nodeRows)
    lines.push(`      <node id="${xmlText(n.id)}" label="${xmlText(n.name)}">${attvalues(values, nodeAttributes)}</node>`);
  lines.push('    </nodes>', '    <edges>');
  for (const { edge: e, values } of edgeRows)
    lines.push(
      `      <edge id="${xmlText(e.id)}" source="${xmlText(e.source)}" target="${xmlText(e.target)}" label="${xmlText(e.type)}">${attvalues(values, edgeAttributes)}</edge>`,
    );
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
