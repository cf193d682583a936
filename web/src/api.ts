// Typed calls to the JSON API; a failed call throws the server's readable error message.
import type { DocumentSummary, EntitySummary, GraphNode, StoreCounts, Subgraph } from '../../graph/store.ts';
import type { Answer } from '../../src/search/answer.ts';

export type { Answer, DocumentSummary, EntitySummary, GraphNode, Subgraph };
export type { GraphEdge } from '../../graph/store.ts';
export type Passage = Answer['passages'][number];

export interface Health extends StoreCounts {
  ok: boolean;
  graph: string;
  semanticSearch: 'on' | 'off';
}

async function getJson<T>(path: string, params: Record<string, string | number> = {}): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  const response = await fetch(query ? `${path}?${query}` : path, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!response.ok || body === null) throw new Error(body?.error ?? `${path}: ${response.status} ${response.statusText}`);
  return body;
}

const node = (id: string) => `/api/nodes/${encodeURIComponent(id)}`;

/** Neighbourhoods are asked for by the panel and again by Expand: one request serves both. */
const neighbourhoods = new Map<string, Promise<Subgraph>>();

export const api = {
  health: () => getJson<Health>('/api/health'),
  documents: () => getJson<{ documents: DocumentSummary[] }>('/api/documents'),
  ask(q: string): Promise<Answer> {
    neighbourhoods.clear(); // a new question sees documents ingested since the last one
    return getJson<Answer>('/api/ask', { q });
  },
  entities: (match: string) => getJson<{ entities: EntitySummary[] }>('/api/entities', { match }),
  node: (id: string) => getJson<GraphNode>(node(id)),
  neighbourhood(id: string): Promise<Subgraph> {
    let pending = neighbourhoods.get(id);
    if (!pending) {
      pending = getJson<Subgraph>(`${node(id)}/neighbourhood`);
      pending.catch(() => neighbourhoods.delete(id));
      neighbourhoods.set(id, pending);
    }
    return pending;
  },
  paths: (from: string, to: string, maxHops: number) => getJson<Subgraph>('/api/paths', { from, to, maxHops }),
};
