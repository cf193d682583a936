// The preferred shortest path: typed relations before co-mentions, and never through a hub.
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, GraphStore, Subgraph } from '../../graph/store.ts';
import { HUB_NEIGHBOURS, pathsWithin, preferredPath } from '../../src/app/path-preference.ts';

const node = (id: string, label: string): GraphNode => ({ id, label, name: id, properties: {} });
const edge = (type: string, source: string, target: string): GraphEdge => ({
  id: `${type}:${source}:${target}`,
  type,
  source,
  target,
  properties: {},
});

/** River → paragraph → {hub | town} → paragraph → station: two shortest paths of four hops. */
const subgraph: Subgraph = {
  nodes: [
    node('river', 'Place'),
    node('p1', 'Paragraph'),
    node('hub', 'Initiative'),
    node('town', 'Place'),
    node('p2', 'Paragraph'),
    node('station', 'Place'),
  ],
  edges: [
    edge('MENTIONS', 'p1', 'river'),
    edge('MENTIONS', 'p1', 'hub'),
    edge('MENTIONS', 'p1', 'town'),
    edge('MENTIONS', 'p2', 'hub'),
    edge('MENTIONS', 'p2', 'station'),
    edge('LOCATED_IN', 'town', 'p2'),
  ],
};

/** A store whose only answer is how many neighbours a node has. */
const store = {
  neighbourhood: async (id: string) => ({
    nodes: Array.from({ length: id === 'hub' ? HUB_NEIGHBOURS : 3 }, (_, i) => node(`${id}${i}`, 'Paragraph')),
    edges: [],
  }),
} as unknown as GraphStore;

describe('preferred path', () => {
  it('enumerates the shortest paths inside the subgraph', () => {
    expect(pathsWithin(subgraph, 'river', 'station').map((p) => p.nodes)).toEqual(
      expect.arrayContaining([
        ['river', 'p1', 'hub', 'p2', 'station'],
        ['river', 'p1', 'town', 'p2', 'station'],
      ]),
    );
  });

  it('avoids the hub and prefers the typed relation', async () => {
    const path = await preferredPath(store, subgraph, 'river', 'station');
    expect(path.nodes.map((n) => n.id)).toEqual(['river', 'p1', 'town', 'p2', 'station']);
    expect(path.edges.map((e) => e.type)).toContain('LOCATED_IN');
  });
});
