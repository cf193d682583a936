// GraphStore port in roles (writer, reader, text search, chunk vectors); the adapters in embedded/ and neo4j/
// implement them all, and each use case depends on the roles it needs.
import type {
  Chunk,
  DocumentGraph,
  DocumentNode,
  Entity,
  EntityType,
  Horizon,
  Mention,
  Observation,
  Paragraph,
  Section,
  Task,
} from '../src/domain/schemas.ts';

export interface DocumentSummary {
  id: string;
  title: string;
  /** Place and year: how lists name the report. */
  label: string;
  place: string | null;
  placeCode: string | null;
  level: DocumentNode['level'];
  year: number | null;
  planYear: number | null;
  /** The day it was delivered (ISO), when the report says. */
  date: string | null;
  speaker: string | null;
  sourcePath: string;
  paragraphs: number;
  tasks: number;
}

export interface EntitySummary extends Entity {
  mentions: number;
  documents: number;
}

export interface EntityQuery {
  type?: EntityType;
  /** Chinese name or alias substring, or a pinyin key (spaces and tones ignored). */
  match?: string;
  limit?: number;
}

export interface ObservationQuery {
  /** Indicator name substring, or an indicator id. */
  indicator?: string;
  /** Exactly this indicator: an index lookup, where `indicator` (a substring) reads every observation. */
  indicatorId?: string;
  documentId?: string;
  /** Only these documents' (a question's scope: the reports it names). */
  documentIds?: string[];
}

export interface TaskQuery {
  documentId?: string;
  horizon?: Horizon;
}

export interface GraphNode {
  id: string;
  label: string; // one of NODE_LABELS (src/domain/graph-labels.ts)
  name: string;
  properties: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface TaskHit {
  task: Task;
  /** Paragraphs of the task that mention one of the entities asked about. */
  paragraphs: Paragraph[];
  entityIds: string[];
}

export interface TextHit {
  paragraph: Paragraph;
  score: number;
}

/** A stored document as the report reader shows it: its text, structure, paragraphs and the entities they mention. */
export interface DocumentContents {
  document: DocumentNode;
  sections: Section[];
  tasks: Task[];
  paragraphs: Paragraph[];
  mentions: Array<Mention & { entityType: EntityType; entityName: string }>;
}

export interface StoreCounts {
  documents: number;
  nodes: number;
  relationships: number;
}

/** Writes: one document and everything derived from it in, or out. */
export interface GraphWriter {
  /**
   * Writes a document and everything derived from it in one transaction; returns false (and writes nothing)
   * when a document with the same id (content hash) is already stored. `vectors[i]` is the embedding of
   * `graph.chunks[i]` (may be empty when no embedder ran); the store keeps them so vector indexes can be rebuilt.
   */
  writeDocument(graph: DocumentGraph, vectors: Float32Array[]): Promise<boolean>;
  deleteDocument(documentId: string): Promise<boolean>;
}

/** Reads by id and by query, walks over the graph's edges, and streams the whole graph. */
export interface NeighbourhoodOptions {
  depth?: number;
  limit?: number;
  /** Keep an entity's mentions, touching tasks, relations and figures to these documents. */
  documentIds?: readonly string[];
}

export interface GraphReader {
  hasDocument(documentId: string): Promise<boolean>;
  listDocuments(): Promise<DocumentSummary[]>;
  /** One document with everything the reader shows, in text order; null when it is not stored. */
  readDocument(documentId: string): Promise<DocumentContents | null>;
  /** Any node (document, section, task, paragraph, entity, observation) by id, or null. */
  node(id: string): Promise<GraphNode | null>;
  /**
   * Everything LOCATED_IN the entity, directly or through other places (桐乡市 → 乌镇镇 → 乌镇景区), nearest first,
   * with the number of LOCATED_IN steps; a question about a place can include the places within it.
   */
  within(entityId: string, maxDepth?: number): Promise<Array<{ id: string; depth: number }>>;
  entities(query: EntityQuery): Promise<EntitySummary[]>;
  observations(query: ObservationQuery): Promise<Observation[]>;
  paragraphs(ids: string[]): Promise<Paragraph[]>;
  chunks(ids: string[]): Promise<Chunk[]>;
  tasks(ids: string[]): Promise<Task[]>;
  /** Tasks of one document (or all), optionally of one horizon, in document and text order. */
  documentTasks(query: TaskQuery): Promise<Task[]>;
  /**
   * Tasks whose paragraphs mention any of the entities (TOUCHES), of the given reports only when named; with a limit,
   * that many, the newest reports' first. In report and text order otherwise.
   */
  tasksTouching(entityIds: string[], options?: { documentIds?: string[]; limit?: number }): Promise<TaskHit[]>;
  /** The nodes and edges around a node, breadth first; an entity's edges only inside the documents given, if any. */
  neighbourhood(nodeId: string, options?: NeighbourhoodOptions): Promise<Subgraph>;
  /** Shortest paths (up to maxHops) between two nodes. */
  paths(fromId: string, toId: string, maxHops?: number): Promise<Subgraph>;
  /** Every node of the graph, then every edge, streamed (the whole-graph export; no walk, no cap). */
  allNodes(): AsyncIterable<GraphNode>;
  allEdges(): AsyncIterable<GraphEdge>;
  counts(): Promise<StoreCounts>;
  /** Increases with every committed write or delete; vector index files record it to detect staleness. */
  generation(): Promise<number>;
}

/** Full-text search over paragraphs. */
export interface TextSearch {
  /** BM25 over jieba tokens + CJK bigrams (src/text/tokenize.ts), within `documentIds` when given. */
  searchText(query: string, k: number, options?: { documentIds?: string[] }): Promise<TextHit[]>;
}

/** The chunk vectors the store keeps, so vector indexes can be rebuilt and models changed. */
export interface ChunkVectorStore {
  /** Every stored chunk vector, for rebuilding a vector index. */
  chunkVectors(): AsyncIterable<{ id: string; documentId: string; vector: Float32Array }>;
  /** The embedding model the stored chunk vectors come from (null before any vector is stored). */
  embeddingModel(): Promise<string | null>;
  setEmbeddingModel(modelId: string): Promise<void>;
  /** Replaces chunk vectors (re-embedding with another model), in one transaction; bumps the generation. */
  replaceChunkVectors(modelId: string, vectors: Array<{ id: string; vector: Float32Array }>): Promise<void>;
}

/** Every role at once, as both adapters implement it; a use case asks only for the roles it needs. */
export interface GraphStore extends GraphWriter, GraphReader, TextSearch, ChunkVectorStore {
  /** The adapter's name, for health and benchmark reports only: behaviour differences live in the adapters. */
  readonly kind: string;
  close(): Promise<void>;
}
