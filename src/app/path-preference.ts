// Of all shortest paths between two nodes, the one a reader can follow: typed relations (LOCATED_IN, HAS_PART,
// the report's own structure) before co-mentions (MENTIONS through a paragraph, and TOUCHES, which is derived from
// them), and away from hubs — entities so widely named (一带一路, 美丽乡村) that linking through them says little.
import type { GraphEdge, GraphReader, Subgraph } from '../../graph/store.ts';

const EDGE_COST: Record<string, number> = { MENTIONS: 2, TOUCHES: 2 };
/**
 * An intermediate node costs more the more neighbours it has (counted up to a cap): a widely named entity links
 * everything to everything, so passing through it says little. Ten neighbours cost about a hop, 70 three.
 */
export const HUB_NEIGHBOURS = 200;
const hubCost = (neighbours: number) => Math.log2(1 + neighbours / 10);
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
export async function preferredPath(store: GraphReader, subgraph: Subgraph, from: string, to: string): Promise<Subgraph> {
  const paths = pathsWithin(subgraph, from, to);
  if (paths.length <= 1) return subgraph;
  const inner = [...new Set(paths.flatMap((p) => p.nodes.slice(1, -1)))];
  const labels = new Map(subgraph.nodes.map((n) => [n.id, n.label]));
  // Paragraphs and tasks are never hubs: their neighbours are what they say.
  const nodeCost = new Map<string, number>();
  for (const id of inner.filter((id) => labels.get(id) !== 'Paragraph' && labels.get(id) !== 'Task')) {
    const around = await store.neighbourhood(id, { depth: 1, limit: HUB_NEIGHBOURS });
    nodeCost.set(id, hubCost(around.nodes.length - 1));
  }
  const cost = (p: { nodes: string[]; edges: GraphEdge[] }) =>
    p.edges.reduce((sum, e) => sum + (EDGE_COST[e.type] ?? 1), 0) + p.nodes.reduce((sum, id) => sum + (nodeCost.get(id) ?? 0), 0);
  const best = paths.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  const keep = new Set(best.nodes);
  return { nodes: subgraph.nodes.filter((n) => keep.has(n.id)), edges: best.edges };
}
