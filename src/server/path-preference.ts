// Of all shortest paths between two nodes, the one a reader can follow: typed relations (LOCATED_IN, HAS_PART,
// the report's own structure) before task links (TOUCHES) before co-mentions (MENTIONS through a paragraph), and
// no passage through a hub — an entity so widely named (一带一路, 美丽乡村) that linking through it says nothing.
import type { GraphEdge, GraphStore, Subgraph } from '../../graph/store.ts';

const EDGE_COST: Record<string, number> = { MENTIONS: 2, TOUCHES: 1.5 };
/** Neighbours beyond which an intermediate node counts as a hub; each one costs as much as a further hop. */
export const HUB_NEIGHBOURS = 60;
const HUB_COST = 4;
/** Shortest-path subgraphs can hold many combinations; the search stops after this many. */
const MAX_PATHS = 500;

/** Every path from `from` to `to` inside a shortest-paths subgraph, as node and edge lists. */
export function pathsWithin(subgraph: Subgraph, from: string, to: string): Array<{ nodes: string[]; edges: GraphEdge[] }> {
  const found: Array<{ nodes: string[]; edges: GraphEdge[] }> = [];
  const walk = (at: string, nodes: string[], edges: GraphEdge[]) => {
    if (found.length >= MAX_PATHS) return;
    if (at === to) {
      found.push({ nodes, edges });
      return;
    }
    for (const edge of subgraph.edges) {
      const next = edge.source === at ? edge.target : edge.target === at ? edge.source : null;
      if (next && !nodes.includes(next)) walk(next, [...nodes, next], [...edges, edge]);
    }
  };
  walk(from, [from], []);
  const shortest = Math.min(...found.map((p) => p.edges.length));
  return found.filter((p) => p.edges.length === shortest);
}

/** The preferred shortest path as a subgraph (the whole subgraph when it holds no path from `from` to `to`). */
export async function preferredPath(store: GraphStore, subgraph: Subgraph, from: string, to: string): Promise<Subgraph> {
  const paths = pathsWithin(subgraph, from, to);
  if (paths.length <= 1) return subgraph;
  const inner = [...new Set(paths.flatMap((p) => p.nodes.slice(1, -1)))];
  const labels = new Map(subgraph.nodes.map((n) => [n.id, n.label]));
  // Paragraphs and tasks are never hubs: their neighbours are what they say.
  const hubs = new Set<string>();
  for (const id of inner.filter((id) => labels.get(id) !== 'Paragraph' && labels.get(id) !== 'Task')) {
    const around = await store.neighbourhood(id, { depth: 1, limit: HUB_NEIGHBOURS + 1 });
    if (around.nodes.length > HUB_NEIGHBOURS) hubs.add(id);
  }
  const cost = (p: { nodes: string[]; edges: GraphEdge[] }) =>
    p.edges.reduce((sum, e) => sum + (EDGE_COST[e.type] ?? 1), 0) + p.nodes.filter((id) => hubs.has(id)).length * HUB_COST;
  const best = paths.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  const keep = new Set(best.nodes);
  return { nodes: subgraph.nodes.filter((n) => keep.has(n.id)), edges: best.edges };
}
