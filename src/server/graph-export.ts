// The whole graph as a download: GraphML and GEXF (Gephi, yEd, Cytoscape desktop), JSON, and CSV (one row per
// node or edge). Written element by element from the store's node and edge streams, so memory stays flat
// whatever the graph's size (walking from every document at depth 8 visited the graph once per document).
import type { GraphEdge, GraphNode, GraphStore } from '../../graph/store.ts';
import type { ExportFormat } from './schemas.ts';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  graphml: 'application/graphml+xml', gexf: 'application/gexf+xml', json: 'application/json', csv: 'text/csv',
};

interface Serializer {
  head: string;
  node(n: GraphNode, first: boolean): string;
  between: string;
  edge(e: GraphEdge, first: boolean): string;
  tail: string;
}

const xml = (value: unknown) => String(value).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
  // XML 1.0 forbids most control characters even when escaped.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab / carriage return before one) starts with a
 * quote mark instead (OWASP's CSV-injection advice); quotes, commas and line breaks are quoted as RFC 4180 says.
 */
export const csvCell = (value: unknown) => {
  const raw = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csvRow = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

const SERIALIZERS: Record<ExportFormat, Serializer> = {
  graphml: {
    head: [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
      '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
      '  <key id="nprops" for="node" attr.name="properties" attr.type="string"/>',
      '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
      '  <key id="eprops" for="edge" attr.name="properties" attr.type="string"/>',
      '  <graph id="policy-graph" edgedefault="directed">',
      '',
    ].join('\n'),
    node: (n) => `    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="name">${xml(n.name)}</data><data key="nprops">${xml(json(n.properties))}</data></node>\n`,
    between: '',
    edge: (e) => `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="type">${xml(e.type)}</data><data key="eprops">${xml(json(e.properties))}</data></edge>\n`,
    tail: '  </graph>\n</graphml>\n',
  },
  gexf: {
    head: [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
      '  <graph defaultedgetype="directed">',
      '    <attributes class="node"><attribute id="0" title="label" type="string"/><attribute id="1" title="properties" type="string"/></attributes>',
      '    <attributes class="edge"><attribute id="0" title="properties" type="string"/></attributes>',
      '    <nodes>',
      '',
    ].join('\n'),
    node: (n) => `      <node id="${xml(n.id)}" label="${xml(n.name)}"><attvalues><attvalue for="0" value="${xml(n.label)}"/><attvalue for="1" value="${xml(json(n.properties))}"/></attvalues></node>\n`,
    between: '    </nodes>\n    <edges>\n',
    edge: (e) => `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.type)}"><attvalues><attvalue for="0" value="${xml(json(e.properties))}"/></attvalues></edge>\n`,
    tail: '    </edges>\n  </graph>\n</gexf>\n',
  },
  json: {
    head: '{"nodes":[',
    node: (n, first) => `${first ? '' : ','}${JSON.stringify(n)}`,
    between: '],"edges":[',
    edge: (e, first) => `${first ? '' : ','}${JSON.stringify(e)}`,
    tail: ']}\n',
  },
  // One table: `element` says whether a row is a node (id, label, name) or an edge (id, type as label, source, target).
  csv: {
    head: csvRow(['element', 'id', 'label', 'name', 'source', 'target', 'properties']),
    node: (n) => csvRow(['node', n.id, n.label, n.name, '', '', json(n.properties)]),
    between: '',
    edge: (e) => csvRow(['edge', e.id, e.type, '', e.source, e.target, json(e.properties)]),
    tail: '',
  },
};

/** Streams the graph in `format` to `write`, which may hold the stream up (back-pressure). */
export async function exportGraph(store: GraphStore, format: ExportFormat, write: (text: string) => void | Promise<void>): Promise<{ nodes: number; edges: number }> {
  const serializer = SERIALIZERS[format];
  const counts = { nodes: 0, edges: 0 };
  await write(serializer.head);
  for await (const node of store.allNodes()) await write(serializer.node(node, counts.nodes++ === 0));
  await write(serializer.between);
  for await (const edge of store.allEdges()) await write(serializer.edge(edge, counts.edges++ === 0));
  await write(serializer.tail);
  return counts;
}
