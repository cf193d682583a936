// Explore use cases (HTTP /api/entities, /api/graph, /api/indicators, /api/documents/:id/tasks; CLI `tasks`):
// entity search, one entity with its mentions, a node's neighbourhood, the preferred path between two nodes, an
// indicator's timeline, a document's tasks. Reads only; an unknown id is a not_found AppError, whichever face asked.
import { parsePeriod } from '../domain/periods.ts';
import type { EntitySummary, GraphReader, Subgraph } from '../../graph/store.ts';
import { notFound } from '../domain/errors.ts';
import type { NodeLabel } from '../domain/graph-labels.ts';
import { EntityType, type Horizon } from '../domain/schemas.ts';
import { understand } from '../search/understand.ts';
import { preferredPath } from './path-preference.ts';

/** Mentions of a much-cited entity are listed up to this many paragraphs; `capped` says when there are more. */
const MAX_PARAGRAPHS = 300;

/** With a type filter most walked nodes are dropped, so the walk goes this much further before the cap applies. */
const FILTERED_WALK_FACTOR = 10;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const offset = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export interface EntitySearch {
  type?: EntityType;
  match?: string;
  limit?: number;
}

/**
 * Entities by type and name. An English name is linked the way `ask` links a question ("Qiantang River" → 钱塘江),
 * and its translated terms find the entities named exactly so (GDP → 地区生产总值); pinyin and Chinese matches follow.
 */
export async function findEntities(store: GraphReader, query: EntitySearch): Promise<EntitySummary[]> {
  const direct = await store.entities(query);
  if (!query.match || !/[A-Za-z]{2}/.test(query.match)) return direct;
  const understanding = await understand(query.match, store);
  const translated = await Promise.all(
    understanding.terms
      .filter((term) => term.length >= 2)
      .map(async (term) =>
        (await store.entities({ type: query.type, match: term, limit: 20 })).filter((e) => e.name === term || e.aliases.includes(term)),
      ),
  );
  const linked = [...understanding.entities.filter((e) => !query.type || e.type === query.type), ...translated.flat(), ...direct];
  return [...new Map(linked.map((e) => [e.id, e])).values()].slice(0, query.limit);
}

/** An entity with the paragraphs that mention it (where, as which surface) and the tasks it touches. */
export async function entityDetails(store: GraphReader, id: string) {
  const node = await store.node(id);
  const type = EntityType.safeParse(node?.properties.type);
  if (!node || !type.success) throw notFound(`no entity with id ${id}`);
  const summary = (await store.entities({ type: type.data, match: node.name, limit: 100 })).find((e) => e.id === id) ?? {
    id,
    type: type.data,
    name: node.name,
    kind: text(node.properties.kind),
    aliases: [],
    pinyin: String(node.properties.pinyin ?? ''),
    mentions: 0,
    documents: 0,
  };
  const around = await store.neighbourhood(id, { depth: 1, limit: MAX_PARAGRAPHS + 1 });
  const nodes = new Map(around.nodes.map((n) => [n.id, n]));
  const paragraphs = around.nodes
    .filter((n) => n.label === 'Paragraph')
    .slice(0, MAX_PARAGRAPHS)
    .map((p) => ({
      id: p.id,
      documentId: String(p.properties.documentId),
      sectionPath: text(p.properties.sectionPath),
      text: String(p.properties.text ?? ''),
      charStart: Number(p.properties.charStart),
      charEnd: Number(p.properties.charEnd),
    }));
  const mentions = around.edges
    .filter((e) => e.type === 'MENTIONS' && e.target === id)
    .map((e) => ({
      paragraphId: e.source,
      documentId: text(e.properties.documentId) ?? text(nodes.get(e.source)?.properties.documentId),
      surface: String(e.properties.surface ?? ''),
      charStart: offset(e.properties.charStart),
      charEnd: offset(e.properties.charEnd),
    }));
  const tasks = around.edges
    .filter((e) => e.type === 'TOUCHES' && e.target === id)
    .flatMap((e) => {
      const task = nodes.get(e.source);
      return task ? [{ id: task.id, name: task.name, documentId: text(task.properties.documentId) }] : [];
    });
  return { entity: summary, mentions, paragraphs, tasks, capped: around.nodes.length > MAX_PARAGRAPHS };
}

function restrict(subgraph: Subgraph, keep: Set<string>): Subgraph {
  return {
    nodes: subgraph.nodes.filter((n) => keep.has(n.id)),
    edges: subgraph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  };
}

export interface NeighbourhoodRequest {
  id: string;
  depth: number;
  limit: number;
  /** Node labels to keep (the start node is always kept); all when absent. */
  labels?: NodeLabel[];
}

/** Up to `limit` nodes around one, of the labels asked for; `capped` says when more exist. */
export async function neighbourhood(store: GraphReader, request: NeighbourhoodRequest) {
  const { id, depth, limit } = request;
  const labels = request.labels ? new Set<string>(request.labels) : null;
  // One node more than the limit tells whether the cap was reached without walking the whole neighbourhood.
  const walkLimit = labels ? (limit + 1) * FILTERED_WALK_FACTOR : limit + 1;
  const walked = await store.neighbourhood(id, { depth, limit: walkLimit });
  if (!walked.nodes.length) throw notFound(`no node with id ${id}`);
  const wanted = walked.nodes.filter((n) => n.id === id || !labels || labels.has(n.label));
  const capped = wanted.length > limit || (labels !== null && walked.nodes.length >= walkLimit);
  const kept = restrict(walked, new Set(wanted.slice(0, limit).map((n) => n.id)));
  return { ...kept, depth, limit, capped };
}

/** The preferred shortest path of up to maxHops between two nodes; empty when they are not connected that closely. */
export async function path(store: GraphReader, request: { from: string; to: string; maxHops: number }): Promise<Subgraph> {
  const { from, to, maxHops } = request;
  const found = await preferredPath(store, await store.paths(from, to, maxHops), from, to);
  // An empty path means no connection within maxHops, unless an end does not exist at all.
  if (!found.nodes.length) {
    for (const end of [from, to]) if ((await store.node(end)) === null) throw notFound(`no node with id ${end}`);
  }
  return found;
}

/** "2017-2021" sorts by its first year, then shorter spans first; periods without a year go last. */
function periodKey(period: string): [number, number] {
  const span = parsePeriod(period);
  return span ? [span.start, span.end - span.start] : [Number.MAX_SAFE_INTEGER, 0];
}
const byPeriod = (a: string, b: string) => {
  const [x, y] = [periodKey(a), periodKey(b)];
  return x[0] - y[0] || x[1] - y[1] || a.localeCompare(b);
};

/** An indicator's observations across documents, in time order, with the documents they come from. */
export async function indicatorTimeline(store: GraphReader, id: string) {
  const node = await store.node(id);
  if (node?.label !== 'Indicator') throw notFound(`no indicator with id ${id}`);
  const documents = new Map((await store.listDocuments()).map((d) => [d.id, d]));
  const observations = (await store.observations({ indicatorId: id }))
    .filter((o) => o.indicatorId === id)
    .map((o) => ({
      ...o,
      documentTitle: documents.get(o.documentId)?.label ?? o.documentId,
      documentYear: documents.get(o.documentId)?.year ?? null,
    }))
    .sort((a, b) => byPeriod(a.period, b.period) || a.charStart - b.charStart);
  const periods = [...new Set(observations.map((o) => o.period))].sort(byPeriod);
  return { indicator: { id, name: node.name }, observations, periods };
}

/** Tasks of one document (which must exist) or of all, optionally of one horizon, in document and text order. */
export async function documentTasks(store: GraphReader, query: { documentId?: string; horizon?: Horizon }) {
  if (query.documentId !== undefined && !(await store.hasDocument(query.documentId)))
    throw notFound(`no document with id ${query.documentId}`);
  return store.documentTasks(query);
}
