// Typed calls to the JSON API; a failed call throws the server's readable error message.
import type { DocumentSummary, EntitySummary, GraphNode, StoreCounts, Subgraph } from '../../graph/store.ts';
import type { Answer } from '../../src/search/answer.ts';

export type { Answer, DocumentSummary, EntitySummary, GraphNode, Subgraph };
export type { GraphEdge } from '../../graph/store.ts';
export type Passage = Answer['passages'][number];

export interface Health {
  ok: boolean;
  store: StoreCounts & { kind: string; generation: number };
  model: { id: string; mode: string; semanticSearch: 'on' | 'off'; vectorMismatch: string | null };
  index: { kind: string; size: number; dimensions: number };
}

export interface Neighbourhood extends Subgraph {
  depth: number;
  limit: number;
  capped: boolean;
}

async function getJson<T>(path: string, params: Record<string, string | number> = {}): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  const response = await fetch(query ? `${path}?${query}` : path, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!response.ok || body === null) throw new Error(body?.error?.message ?? `${path}: ${response.status} ${response.statusText}`);
  return body;
}

/** Neighbourhoods are asked for by the panel and again by Expand: one request serves both. */
const neighbourhoods = new Map<string, Promise<Neighbourhood>>();

export const api = {
  health: () => getJson<Health>('/api/health'),
  documents: () => getJson<{ documents: DocumentSummary[] }>('/api/documents'),
  ask(q: string): Promise<Answer> {
    neighbourhoods.clear(); // a new question sees documents ingested since the last one
    return getJson<Answer>('/api/ask', { q });
  },
  entities: (match: string) => getJson<{ entities: EntitySummary[] }>('/api/entities', { match }),
  async node(id: string): Promise<GraphNode> {
    return (await getJson<Neighbourhood>('/api/graph/neighborhood', { id, depth: 0 })).nodes[0]!;
  },
  neighbourhood(id: string): Promise<Neighbourhood> {
    let pending = neighbourhoods.get(id);
    if (!pending) {
      pending = getJson<Neighbourhood>('/api/graph/neighborhood', { id });
      pending.catch(() => neighbourhoods.delete(id));
      neighbourhoods.set(id, pending);
    }
    return pending;
  },
  paths: (from: string, to: string, maxHops: number) => getJson<Subgraph>('/api/graph/path', { from, to, maxHops }),
};
