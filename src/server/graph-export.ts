// The whole graph as one subgraph, and its serialisations: GraphML and GEXF (Gephi, yEd, Cytoscape desktop),
// JSON, and CSV (one row per node or edge).
import type { GraphStore, Subgraph } from '../../graph/store.ts';

/** Deep enough to reach every node from its document: Document › Section › Section › Task › Paragraph › Observation › Indicator. */
const EXPORT_DEPTH = 8;
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** Walks from every document, so the export holds each document's whole structure and what it mentions. */
export async function wholeGraph(store: GraphStore): Promise<Subgraph> {
  const nodes = new Map<string, Subgraph['nodes'][number]>();
  const edges = new Map<string, Subgraph['edges'][number]>();
  for (const document of await store.listDocuments()) {
    if (nodes.has(document.id)) continue;
    const part = await store.neighbourhood(document.id, { depth: EXPORT_DEPTH, limit: UNLIMITED });
    for (const n of part.nodes) nodes.set(n.id, n);
    for (const e of part.edges) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

const xml = (value: unknown) => String(value).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
  // XML 1.0 forbids most control characters even when escaped.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const json = (value: unknown) => JSON.stringify(value ?? null);

export function toGraphml(graph: Subgraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="nprops" for="node" attr.name="properties" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="eprops" for="edge" attr.name="properties" attr.type="string"/>',
    '  <graph id="policy-graph" edgedefault="directed">',
  ];
  for (const n of graph.nodes) {
    lines.push(`    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="name">${xml(n.name)}</data><data key="nprops">${xml(json(n.properties))}</data></node>`);
  }
  for (const e of graph.edges) {
    lines.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="type">${xml(e.type)}</data><data key="eprops">${xml(json(e.properties))}</data></edge>`);
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function toGexf(graph: Subgraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <graph defaultedgetype="directed">',
    '    <attributes class="node"><attribute id="0" title="label" type="string"/><attribute id="1" title="properties" type="string"/></attributes>',
    '    <attributes class="edge"><attribute id="0" title="properties" type="string"/></attributes>',
    '    <nodes>',
  ];
  for (const n of graph.nodes) {
    lines.push(`      <node id="${xml(n.id)}" label="${xml(n.name)}"><attvalues><attvalue for="0" value="${xml(n.label)}"/><attvalue for="1" value="${xml(json(n.properties))}"/></attvalues></node>`);
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of graph.edges) {
    lines.push(`      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.type)}"><attvalues><attvalue for="0" value="${xml(json(e.properties))}"/></attvalues></edge>`);
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

const csvCell = (value: unknown) => {
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One table: `element` says whether a row is a node (id, label, name) or an edge (id, type as label, source, target). */
export function toCsv(graph: Subgraph): string {
  const rows = [['element', 'id', 'label', 'name', 'source', 'target', 'properties']];
  for (const n of graph.nodes) rows.push(['node', n.id, n.label, n.name, '', '', json(n.properties)]);
  for (const e of graph.edges) rows.push(['edge', e.id, e.type, '', e.source, e.target, json(e.properties)]);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
