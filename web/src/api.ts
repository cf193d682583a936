// Typed calls to the JSON API; a failed call throws the server's readable error message.
import type { DocumentSummary, EntitySummary, GraphNode, Subgraph } from '../../graph/store.ts';
import type { Answer } from '../../src/app/ask.ts';
import type { CheckReport } from '../../src/consistency/report.ts';
import type {
  DocumentReaderResponse,
  HealthResponse,
  NeighborhoodResponse,
  TimelineResponse,
  UploadResponse,
} from '../../src/domain/api-schemas.ts';
import type { z } from 'zod';

export type { Answer, CheckReport, DocumentSummary, EntitySummary, GraphNode, Subgraph };
export type { GraphEdge } from '../../graph/store.ts';
export type Passage = Answer['passages'][number];
export type DocumentReader = z.infer<typeof DocumentReaderResponse>;

// Response shapes are the server's zod schemas, inferred: one vocabulary for both ends.
export type Health = z.infer<typeof HealthResponse>;
export type Neighbourhood = z.infer<typeof NeighborhoodResponse>;
export type Timeline = z.infer<typeof TimelineResponse>;
export type UploadResult = z.infer<typeof UploadResponse>;

const TOKEN_KEY = 'policy-graph-token';
export const apiToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (token: string) => (token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY)),
};
const authorization = (): Record<string, string> => (apiToken.get() ? { authorization: `Bearer ${apiToken.get()}` } : {});

async function getJson<T>(path: string, params: Record<string, string | number> = {}, init: RequestInit = {}): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  const response = await fetch(query ? `${path}?${query}` : path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  const body = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!response.ok || body === null) throw new Error(body?.error?.message ?? `${path}: ${response.status} ${response.statusText}`);
  return body;
}

/** Neighbourhoods are asked for by the panel and again by Expand: one request serves both. */
const neighbourhoods = new Map<string, Promise<Neighbourhood>>();

export const api = {
  health: () => getJson<Health>('/api/health'),
  documents: () => getJson<{ documents: DocumentSummary[] }>('/api/documents'),
  /** After an upload or delete the cached neighbourhoods may be stale. */
  forget: () => neighbourhoods.clear(),
  ask(q: string): Promise<Answer> {
    neighbourhoods.clear(); // a new question sees documents ingested since the last one
    return getJson<Answer>('/api/ask', { q });
  },
  document: (id: string) => getJson<DocumentReader>(`/api/documents/${encodeURIComponent(id)}`),
  indicatorsMatching: (match: string) => getJson<{ entities: EntitySummary[] }>('/api/entities', { type: 'indicator', match, limit: 50 }),
  entities: (match: string) => getJson<{ entities: EntitySummary[] }>('/api/entities', { match }),
  indicators: () => getJson<{ entities: EntitySummary[] }>('/api/entities', { type: 'indicator', limit: 1000 }),
  timeline: (id: string) => getJson<Timeline>(`/api/indicators/${encodeURIComponent(id)}/timeline`),
  /** Several hops around a node at once; `capped` says the server stopped at its limit. */
  neighbourhoodAt: (id: string, depth: number) => getJson<Neighbourhood>('/api/graph/neighborhood', { id, depth }),
  deleteDocument: (id: string) =>
    getJson<{ deleted: string }>(`/api/documents/${encodeURIComponent(id)}`, {}, { method: 'DELETE', headers: authorization() }),
  check: (text: string, language: 'zh' | 'en') =>
    getJson<CheckReport>(
      '/api/check',
      {},
      { method: 'POST', body: JSON.stringify({ text, language }), headers: { 'content-type': 'application/json' } },
    ),
  /** XMLHttpRequest, because fetch cannot report upload progress. */
  upload(file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', `/api/documents?name=${encodeURIComponent(file.name)}`);
      request.setRequestHeader('content-type', 'application/octet-stream');
      for (const [name, value] of Object.entries(authorization())) request.setRequestHeader(name, value);
      request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
      request.upload.onload = () => onProgress(1);
      request.onerror = () => reject(new Error(`${file.name}: upload failed`));
      request.onload = () => {
        let body: (UploadResult & { error?: { message: string } }) | null = null;
        try {
          body = JSON.parse(request.responseText);
        } catch {
          /* not JSON: reported below */
        }
        if (request.status >= 200 && request.status < 300 && body) resolve(body);
        else reject(new Error(body?.error?.message ?? `${file.name}: ${request.status} ${request.statusText}`));
      };
      request.send(file);
    });
  },
  async node(id: string): Promise<GraphNode> {
    const [node] = (await getJson<Neighbourhood>('/api/graph/neighborhood', { id, depth: 0 })).nodes;
    if (!node) throw new Error(`the server has no node ${id}`);
    return node;
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
