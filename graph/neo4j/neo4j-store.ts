// The GraphStore port over neo4j-driver: one managed write transaction per document (all-or-nothing,
// transient errors retried by the driver), batched UNWIND writes, the full-text index for lexical search.
import neo4j, { type Driver, type ManagedTransaction, type Node, type Relationship } from 'neo4j-driver';
import { firstLine } from '../../src/domain/errors.ts';
import { EDGES_PER_NODE } from '../../src/domain/graph-labels.ts';
import type { Chunk, DocumentGraph, DocumentNode, EntityType, Horizon, Observation, Paragraph, Task } from '../../src/domain/schemas.ts';
import { DocumentGraph as DocumentGraphSchema } from '../../src/domain/schemas.ts';
import { queryTokens } from '../../src/text/tokenize.ts';
import type {
  DocumentContents,
  DocumentSummary,
  EntityQuery,
  EntitySummary,
  GraphEdge,
  GraphNode,
  GraphStore,
  NeighbourhoodOptions,
  ObservationQuery,
  StoreCounts,
  Subgraph,
  TaskHit,
  TaskQuery,
  TextHit,
} from '../store.ts';
import * as Q from './queries.ts';
import { toChunk, toGraphEdge, toGraphNode, toObservation, toParagraph, toTask } from './records.ts';
import { pinyinMatchKey } from '../match-key.ts';
import { DECLARATION_SEPARATOR, planDocumentWrite, type WritePlan } from './write-plan.ts';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

type Properties = Record<string, unknown>;

/** Rows per UNWIND statement: large documents are written in several statements of the same transaction. */
const BATCH_ROWS = 1000;
const CHUNK_VECTOR_PAGE = 500;
const PATH_LIMIT = 100;
/** A LIMIT that keeps every row, for queries whose limit is optional. */
const ALL_ROWS = 2 ** 31 - 1;
const MAX_QUERY_CLAUSES = 1000;
/** Full-text hits looked through for a search within some documents (Lucene ranks before any filter). */
const SCOPED_TEXT_DEPTH = 20_000;
const CONNECT_TIMEOUT_MS = 5000;
const SCHEMA_TIMEOUT_SECONDS = 120;

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_ROWS) out.push(rows.slice(i, i + BATCH_ROWS));
  return out;
}

function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? '';
}

/**
 * Statements of one write transaction sent without waiting for each other's results: the driver pipelines them
 * in order on the transaction's connection, so a document costs one round trip's latency, not one per statement.
 */
class PipelinedWrite {
  private readonly pending: Promise<unknown>[] = [];

  constructor(private readonly tx: ManagedTransaction) {}

  run(query: string, params: Properties = {}): void {
    this.pending.push(this.tx.run(query, params));
  }

  /** An UNWIND statement in batches; every row must find what it refers to. */
  rows(query: string, rows: Properties[], what: string, params: Properties = {}): void {
    for (const batch of batches(rows)) {
      this.pending.push(
        this.tx.run(query, { ...params, rows: batch }).then((result) => {
          const written = Number(result.records[0]?.get('n') ?? 0);
          if (written !== batch.length) {
            throw new Error(`writeDocument: ${batch.length - written} of ${batch.length} ${what} refer to nodes that are not in the graph`);
          }
        }),
      );
    }
  }

  async done(): Promise<void> {
    await Promise.all(this.pending);
  }
}

export class Neo4jGraphStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  /** The document list counts every paragraph and task; asked per question, it is kept until the generation moves. */
  private documentList: { generation: number; documents: DocumentSummary[] } | null = null;

  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  private async readRows(query: string, params: Properties = {}) {
    return this.read(async (tx) => (await tx.run(query, params)).records);
  }

  /** Constraints and indexes; idempotent, and safe when several processes open the store at once. */
  async ensureSchema(): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      const existing = new Set((await session.run(Q.EXISTING_INDEXES)).records[0]?.get('names') as string[]);
      const missing = Q.SCHEMA_STATEMENTS.filter((statement) => !existing.has(Q.schemaName(statement)));
      for (const statement of missing) {
        try {
          await session.run(statement);
        } catch (error) {
          if (!/AlreadyExists/.test(errorCode(error))) throw error;
        }
      }
      await session.run(Q.AWAIT_INDEXES, { timeoutSeconds: neo4j.int(SCHEMA_TIMEOUT_SECONDS) });
    } finally {
      await session.close();
    }
  }

  async writeDocument(graph: DocumentGraph, vectors: Float32Array[]): Promise<boolean> {
    const plan = planDocumentWrite(DocumentGraphSchema.parse(graph), vectors);
    try {
      return await this.write((tx) => this.writePlan(tx, plan));
    } catch (error) {
      // Two writers of the same document: the loser hits the Document id constraint; that is "already stored".
      if (errorCode(error) === 'Neo.ClientError.Schema.ConstraintValidationFailed' && (await this.hasDocument(plan.documentId))) {
        return false;
      }
      throw error;
    }
  }

  private async writePlan(tx: ManagedTransaction, plan: WritePlan): Promise<boolean> {
    const exists = await tx.run(Q.DOCUMENT_EXISTS, { documentId: plan.documentId });
    if (exists.records[0]?.get('exists')) return false;
    const write = new PipelinedWrite(tx);
    write.run(Q.CREATE_DOCUMENT, { document: plan.document });
    write.rows(Q.CREATE_SECTIONS, plan.sections, 'sections');
    write.rows(Q.CREATE_TASKS, plan.tasks, 'tasks');
    for (const kind of Object.keys(Q.LINK) as Q.LinkKind[]) {
      write.rows(Q.LINK[kind], plan.links[kind] as unknown as Properties[], `${kind} links`);
    }
    for (const parent of Object.keys(Q.CREATE_PARAGRAPHS_UNDER) as Q.ParagraphParent[]) {
      write.rows(Q.CREATE_PARAGRAPHS_UNDER[parent], plan.paragraphsUnder[parent], `paragraphs under a ${parent}`);
    }
    const shared = { documentId: plan.documentId, separator: DECLARATION_SEPARATOR };
    write.rows(Q.MERGE_ENTITIES, plan.entities, 'entities', shared);
    write.rows(Q.CREATE_MENTIONS, plan.mentions, 'mentions');
    write.run(Q.DERIVE_TOUCHES, { documentId: plan.documentId });
    write.rows(Q.CREATE_OBSERVATIONS, plan.observations, 'observations');
    write.rows(Q.CREATE_RELATIONS.LOCATED_IN, plan.relations.LOCATED_IN, 'LOCATED_IN relations');
    write.rows(Q.CREATE_RELATIONS.HAS_PART, plan.relations.HAS_PART, 'HAS_PART relations');
    write.rows(Q.CREATE_CHUNKS, plan.chunks, 'chunks');
    write.rows(Q.SET_CHUNK_VECTORS, plan.vectors, 'chunk vectors');
    for (const rows of batches(plan.aliasUpdates)) write.run(Q.APPEND_ALIASES, { rows, separator: DECLARATION_SEPARATOR });
    write.run(Q.BUMP_GENERATION);
    await write.done();
    return true;
  }

  async deleteDocument(documentId: string): Promise<boolean> {
    return this.write(async (tx) => {
      const found = await tx.run(Q.DOCUMENT_ENTITY_CANDIDATES, { documentId });
      const record = found.records[0];
      if (!record) return false;
      const candidates = [...new Set(record.get('entityIds') as string[])];
      await tx.run(Q.DELETE_DOCUMENT_RELATIONS, { documentId });
      for (const query of Object.values(Q.DELETE_OWNED)) await tx.run(query, { documentId });
      for (const entityIds of batches(candidates)) {
        await tx.run(Q.RELEASE_ENTITIES, { entityIds, documentId, separator: DECLARATION_SEPARATOR });
        await tx.run(Q.REFRESH_ALIASES, { entityIds, separator: DECLARATION_SEPARATOR });
      }
      await tx.run(Q.BUMP_GENERATION);
      return true;
    });
  }

  async hasDocument(documentId: string): Promise<boolean> {
    const [record] = await this.readRows(Q.DOCUMENT_EXISTS, { documentId });
    return Boolean(record?.get('exists'));
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const generation = await this.generation();
    if (this.documentList?.generation !== generation) this.documentList = { generation, documents: await this.readDocumentList() };
    return this.documentList.documents.map((d) => ({ ...d }));
  }

  private async readDocumentList(): Promise<DocumentSummary[]> {
    const records = await this.readRows(Q.LIST_DOCUMENTS);
    return records.map((r) => ({
      id: r.get('id'),
      title: r.get('title'),
      label: r.get('label') ?? r.get('title'),
      place: r.get('place') ?? null,
      placeCode: r.get('placeCode') ?? null,
      level: r.get('level') ?? null,
      year: r.get('year') ?? null,
      planYear: r.get('planYear') ?? null,
      date: r.get('date') ?? null,
      speaker: r.get('speaker') ?? null,
      sourcePath: r.get('sourcePath'),
      paragraphs: r.get('paragraphs'),
      tasks: r.get('tasks'),
    }));
  }

  async readDocument(documentId: string): Promise<DocumentContents | null> {
    const [record] = await this.readRows(Q.READ_DOCUMENT, { documentId });
    if (!record) return null;
    const d = record.get('document') as Properties;
    return {
      document: {
        id: d.id as string,
        title: d.title as string,
        label: (d.label as string | null) ?? (d.title as string),
        place: (d.place as string | null) ?? null,
        placeCode: (d.placeCode as string | null) ?? null,
        level: (d.level as DocumentNode['level']) ?? null,
        year: (d.year as number | null) ?? null,
        planYear: (d.planYear as number | null) ?? null,
        speaker: (d.speaker as string | null) ?? null,
        issuer: (d.issuer as string | null) ?? null,
        date: (d.date as string | null) ?? null,
        sourcePath: d.sourcePath as string,
        source: (d.source as string | null) ?? null,
        text: d.text as string,
      },
      sections: (record.get('sections') as Properties[]).map((s) => ({
        id: s.id as string,
        documentId: s.documentId as string,
        path: s.path as string,
        parentPath: (s.parentPath as string | null) ?? null,
        title: s.title as string,
        ordinal: s.ordinal as number,
        level: s.level as 'part' | 'section',
        horizon: s.horizon as Horizon,
        charStart: s.charStart as number,
        charEnd: s.charEnd as number,
      })),
      tasks: (record.get('tasks') as Properties[]).map(toTask),
      paragraphs: (record.get('paragraphs') as Properties[]).map(toParagraph),
      mentions: (record.get('mentions') as Properties[]).map((m) => ({
        entityId: m.entityId as string,
        documentId,
        paragraphId: m.paragraphId as string,
        surface: m.surface as string,
        charStart: m.charStart as number,
        charEnd: m.charEnd as number,
        entityType: m.entityType as EntityType,
        entityName: m.entityName as string,
      })),
    };
  }

  async within(entityId: string, maxDepth = 6): Promise<Array<{ id: string; depth: number }>> {
    const records = await this.readRows(Q.WITHIN, { entityId, maxDepth: neo4j.int(Math.max(1, Math.min(10, Math.trunc(maxDepth)))) });
    return records.map((r) => ({ id: r.get('id') as string, depth: Number(r.get('depth')) }));
  }

  async entities(query: EntityQuery): Promise<EntitySummary[]> {
    const match = query.match?.trim();
    const records = await this.readRows(Q.ENTITIES, {
      type: query.type ?? null,
      nameKey: match ? match.toLowerCase().replace(/\s+/g, '') : null,
      pinyinKey: match ? pinyinMatchKey(match) : '',
      limit: neo4j.int(query.limit ?? 10_000),
      separator: DECLARATION_SEPARATOR,
    });
    return records.map((r) => ({
      id: r.get('id'),
      type: r.get('type'),
      name: r.get('name'),
      kind: r.get('kind') ?? null,
      pinyin: r.get('pinyin'),
      ...(r.get('code') ? { code: r.get('code') as string } : {}),
      aliases: [...(r.get('aliases') as string[])].sort(),
      mentions: r.get('mentions'),
      documents: r.get('documents'),
    }));
  }

  async observations(query: ObservationQuery): Promise<Observation[]> {
    const params = { indicator: query.indicator ?? null, documentId: query.documentId ?? null, documentIds: query.documentIds ?? null };
    const documentIds = query.documentId !== undefined ? [query.documentId] : (query.documentIds ?? null);
    const records = query.indicatorId
      ? await this.readRows(Q.OBSERVATIONS_OF_INDICATOR, { ...params, indicatorId: query.indicatorId })
      : documentIds
        ? await this.readRows(Q.OBSERVATIONS_OF_DOCUMENTS, { indicator: params.indicator, documentIds })
        : await this.readRows(Q.OBSERVATIONS, { indicator: params.indicator });
    return records.map((r) => toObservation(r.get('observation')));
  }

  async paragraphs(ids: string[]): Promise<Paragraph[]> {
    if (!ids.length) return [];
    const records = await this.readRows(Q.PARAGRAPHS_BY_ID, { ids });
    const byId = new Map(
      records.map((r) => {
        const p = toParagraph(r.get('paragraph'));
        return [p.id, p];
      }),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async tasks(ids: string[]): Promise<Task[]> {
    if (!ids.length) return [];
    const records = await this.readRows(Q.TASKS_BY_ID, { ids });
    const byId = new Map(
      records.map((r) => {
        const t = toTask(r.get('task'));
        return [t.id, t];
      }),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async documentTasks(query: TaskQuery): Promise<Task[]> {
    const horizon = query.horizon ?? null;
    const records =
      query.documentId !== undefined
        ? await this.readRows(Q.TASKS_OF_DOCUMENT, { documentId: query.documentId, horizon })
        : await this.readRows(Q.DOCUMENT_TASKS, { horizon });
    return records.map((r) => toTask(r.get('task')));
  }

  async chunks(ids: string[]): Promise<Chunk[]> {
    if (!ids.length) return [];
    const records = await this.readRows(Q.CHUNKS_BY_ID, { ids });
    const byId = new Map(
      records.map((r) => {
        const c = toChunk(r.get('chunk'));
        return [c.id, c];
      }),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async *chunkVectors(): AsyncIterable<{ id: string; documentId: string; vector: Float32Array }> {
    let after = '';
    for (;;) {
      const records = await this.readRows(Q.CHUNK_VECTORS_PAGE, { after, pageSize: neo4j.int(CHUNK_VECTOR_PAGE) });
      for (const r of records)
        yield { id: r.get('id'), documentId: r.get('documentId'), vector: Float32Array.from(r.get('vector') as number[]) };
      const last = records.at(-1);
      if (!last || records.length < CHUNK_VECTOR_PAGE) return;
      after = last.get('id');
    }
  }

  async generation(): Promise<number> {
    const [record] = await this.readRows(Q.GENERATION);
    return Number(record?.get('generation') ?? 0);
  }

  async embeddingModel(): Promise<string | null> {
    const [record] = await this.readRows(Q.EMBEDDING_MODEL);
    return (record?.get('model') as string | null) ?? null;
  }

  async setEmbeddingModel(modelId: string): Promise<void> {
    await this.write((tx) => tx.run(Q.SET_EMBEDDING_MODEL, { model: modelId }));
  }

  async replaceChunkVectors(modelId: string, vectors: Array<{ id: string; vector: Float32Array }>): Promise<void> {
    await this.write(async (tx) => {
      const write = new PipelinedWrite(tx);
      write.rows(
        Q.SET_CHUNK_VECTORS,
        vectors.map((v) => ({ id: v.id, vector: Array.from(v.vector) })),
        'chunk vectors',
      );
      write.run(Q.SET_EMBEDDING_MODEL, { model: modelId });
      write.run(Q.BUMP_GENERATION);
      await write.done();
    });
  }

  async tasksTouching(entityIds: string[], options: { documentIds?: string[]; limit?: number } = {}): Promise<TaskHit[]> {
    if (!entityIds.length || options.documentIds?.length === 0) return [];
    const records = await this.readRows(Q.TASKS_TOUCHING, {
      entityIds,
      documentIds: options.documentIds ?? null,
      newestFirst: options.limit !== undefined,
      limit: neo4j.int(options.limit ?? ALL_ROWS),
    });
    return records.map((r) => ({
      task: toTask(r.get('task')),
      paragraphs: (r.get('paragraphs') as Properties[]).map(toParagraph).sort((a, b) => a.charStart - b.charStart),
      entityIds: r.get('entityIds'),
    }));
  }

  async searchText(query: string, k: number, options: { documentIds?: string[] } = {}): Promise<TextHit[]> {
    // Lucene refuses boolean queries of more than 1024 clauses; a question never comes close.
    const tokens = queryTokens(query).slice(0, MAX_QUERY_CLAUSES);
    if (!tokens.length || k <= 0) return [];
    const lucene = tokens.map((t) => `"${t.replace(/(["\\])/g, '\\$1')}"`).join(' OR ');
    const records = options.documentIds
      ? await this.readRows(Q.SEARCH_TEXT_IN, {
          query: lucene,
          k: neo4j.int(k),
          depth: neo4j.int(SCOPED_TEXT_DEPTH),
          documentIds: options.documentIds,
        })
      : await this.readRows(Q.SEARCH_TEXT, { query: lucene, k: neo4j.int(k) });
    return records.map((r) => ({ paragraph: toParagraph(r.get('paragraph')), score: r.get('score') }));
  }

  async node(id: string): Promise<GraphNode | null> {
    const [record] = await this.readRows(Q.NODE, { id });
    return record ? toGraphNode(record.get('n') as Node) : null;
  }

  async neighbourhood(nodeId: string, options: NeighbourhoodOptions = {}): Promise<Subgraph> {
    const depth = options.depth ?? 1;
    const limit = options.limit ?? 200;
    const edgesPerNode = neo4j.int(EDGES_PER_NODE);
    const documentIds = options.documentIds ? [...options.documentIds] : null;
    // The start node comes with its first level: one round trip fewer per neighbourhood.
    const farLimit = neo4j.int(Math.max(0, limit - 1));
    const [start] = await this.readRows(Q.START_AND_EXPAND, { id: nodeId, edgesPerNode, documentIds, farLimit });
    if (!start) return { nodes: [], edges: [] };
    const nodes = new Map<string, GraphNode>([[nodeId, toGraphNode(drawnNode(start, 'n'))]]);
    const edges = new Map<string, GraphEdge>();
    let frontier = [start.get('nElementId') as string];
    for (let level = 0; level < depth && frontier.length && nodes.size < limit; level++) {
      const records = level === 0 ? firstLevel(start) : await this.readRows(Q.EXPAND, { frontier, edgesPerNode, documentIds });
      const next: string[] = [];
      for (const r of records) {
        const otherId = r.get('mId') as string;
        if (!nodes.has(otherId)) {
          if (nodes.size >= limit) continue;
          const other = drawnNode(r, 'm');
          nodes.set(otherId, toGraphNode(other));
          next.push(other.elementId);
        }
        const edge = toGraphEdge(r.get('r') as Relationship, r.get('source') as string, r.get('target') as string);
        edges.set(edge.id, edge);
      }
      frontier = next;
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  async *allNodes(): AsyncIterable<GraphNode> {
    for await (const record of this.stream(Q.ALL_NODES)) yield toGraphNode(record.get('n') as Node);
  }

  async *allEdges(): AsyncIterable<GraphEdge> {
    for await (const record of this.stream(Q.ALL_EDGES))
      yield toGraphEdge(record.get('r') as Relationship, record.get('source'), record.get('target'));
  }

  /** Records as the server sends them, with back-pressure: a whole-graph query never sits in memory at once. */
  private async *stream(query: string) {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      yield* session.run(query);
    } finally {
      await session.close();
    }
  }

  async paths(fromId: string, toId: string, maxHops = 4): Promise<Subgraph> {
    if (fromId === toId) {
      const node = await this.node(fromId);
      return { nodes: node ? [node] : [], edges: [] };
    }
    const hops = Math.min(Math.floor(maxHops), Q.MAX_PATH_HOPS);
    if (hops < 1) return { nodes: [], edges: [] };
    const records = await this.readRows(Q.SHORTEST_PATHS, { fromId, toId, maxHops: neo4j.int(hops), pathLimit: neo4j.int(PATH_LIMIT) });
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    for (const r of records) {
      for (const node of r.get('nodes') as Node[]) nodes.set(node.properties.id as string, toGraphNode(node));
      for (const e of r.get('edges') as Array<{ r: Relationship; source: string; target: string }>) {
        const edge = toGraphEdge(e.r, e.source, e.target);
        edges.set(edge.id, edge);
      }
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  async counts(): Promise<StoreCounts> {
    const sum = (records: Array<{ get(key: string): unknown }>) => records.reduce((total, r) => total + Number(r.get('n')), 0);
    const [documents] = await this.readRows(Q.COUNT_DOCUMENTS);
    return {
      documents: Number(documents?.get('n') ?? 0),
      nodes: sum(await this.readRows(Q.COUNT_NODES)),
      relationships: sum(await this.readRows(Q.COUNT_RELATIONSHIPS)),
    };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** START_AND_EXPAND's edges read like EXPAND records, each with its far node's properties when the query sent them. */
function firstLevel(start: { get(key: string): unknown }): Array<{ get(key: string): unknown }> {
  const far = new Map((start.get('farNodes') as Array<Record<string, unknown>>).map((node) => [node.mElementId, node]));
  return (start.get('expansion') as Array<Record<string, unknown>>).map((row) => {
    const node = far.get(row.mElementId);
    return { get: (key) => row[key] ?? node?.[key] };
  });
}

/** A node as START_AND_EXPAND and EXPAND return it: projected properties, labels and element id. */
function drawnNode(record: { get(key: string): unknown }, variable: string): Pick<Node, 'labels' | 'properties' | 'elementId'> {
  return {
    labels: record.get(`${variable}Labels`) as string[],
    // A stored property is never null: the nulls are the projection's blanked keys, dropped as if absent.
    properties: Object.fromEntries(
      Object.entries(record.get(`${variable}Properties`) as Node['properties']).filter(([, value]) => value !== null),
    ),
    elementId: record.get(`${variable}ElementId`) as string,
  };
}

/** Connects (failing within seconds with a one-line reason naming the server), then ensures the schema. */
export async function openNeo4jStore(connection: Neo4jConnection): Promise<Neo4jGraphStore> {
  const { uri, user, password, database } = connection;
  let driver: Driver | null = null;
  try {
    driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      disableLosslessIntegers: true,
      connectionTimeout: CONNECT_TIMEOUT_MS - 1000,
      connectionAcquisitionTimeout: CONNECT_TIMEOUT_MS,
      maxTransactionRetryTime: 15_000,
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
    });
    try {
      await Promise.race([driver.verifyConnectivity({ database }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    await driver?.close().catch(() => undefined);
    throw new Error(`cannot reach Neo4j at ${uri} as ${user}: ${firstLine(error).trim()}`);
  }
  const store = new Neo4jGraphStore(driver, database);
  try {
    await store.ensureSchema();
  } catch (error) {
    await store.close();
    throw new Error(`Neo4j at ${uri}: cannot create the schema: ${firstLine(error).trim()}`);
  }
  return store;
}
