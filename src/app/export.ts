// The graph an export holds: every document's structure and what it mentions, or one document's alone.
import type { GraphNode, GraphStore, Subgraph } from '../../graph/store.ts';

/** Deep enough to reach every node from its document: Document › Section › Section › Task › Paragraph › Observation › Indicator. */
const EXPORT_DEPTH = 8;
const UNLIMITED = Number.MAX_SAFE_INTEGER;

const documentOf = (properties: Record<string, unknown>): unknown => properties.documentId ?? properties.document_id;

/** The whole graph, or one document's part of it; null when that document is not stored. */
export async function exportGraph(store: GraphStore, documentId?: string): Promise<Subgraph | null> {
  if (documentId === undefined) {
    // Every node and edge once, from the store's streams (a walk from each document visited the graph once per document).
    const nodes: GraphNode[] = [];
    const edges: Subgraph['edges'] = [];
    for await (const node of store.allNodes()) nodes.push(node);
    for await (const edge of store.allEdges()) edges.push(edge);
    return { nodes, edges };
  }
  if (!(await store.hasDocument(documentId))) return null;
  return onlyDocument(await store.neighbourhood(documentId, { depth: EXPORT_DEPTH, limit: UNLIMITED }), documentId);
}

/**
 * The walk from one document also reaches other documents through shared entities; keep what belongs to this one:
 * its own structure and observations, the relationships it states, and the entities those touch.
 */
function onlyDocument(graph: Subgraph, documentId: string): Subgraph {
  const owned = (n: GraphNode) => (n.label === 'Document' ? n.id === documentId : (documentOf(n.properties) ?? documentId) === documentId);
  const candidates = new Map(graph.nodes.filter(owned).map((n) => [n.id, n]));
  const edges = graph.edges.filter(
    (e) => candidates.has(e.source) && candidates.has(e.target) && (documentOf(e.properties) ?? documentId) === documentId,
  );
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  // Entities carry no document: they stay only when one of this document's relationships reaches them.
  const nodes = [...candidates.values()].filter((n) => documentOf(n.properties) !== undefined || n.id === documentId || linked.has(n.id));
  return { nodes, edges };
}
