// VectorIndex port. Implementations: hnswlib-node (default), brute force (recall baseline), Neo4j vector index.
export interface VectorItem {
  id: string; // chunk id
  documentId: string;
  vector: Float32Array;
}

export interface VectorHit {
  id: string;
  documentId: string;
  score: number; // cosine similarity, higher is closer
}

export interface VectorIndex {
  readonly kind: string;
  readonly dimensions: number;
  add(items: VectorItem[]): Promise<void>;
  deleteDocument(documentId: string): Promise<number>;
  search(query: Float32Array, k: number): Promise<VectorHit[]>;
  /**
   * The k nearest among the chunks of these documents only, exactly: a question that names its reports is
   * answered inside them even when thousands of other reports' chunks are nearer.
   */
  searchWithin(query: Float32Array, k: number, documentIds: readonly string[]): Promise<VectorHit[]>;
  size(): Promise<number>;
  /**
   * Makes the current state durable (atomic file replace for file-backed indexes), recording the graph
   * store generation it reflects so a later open can tell whether it is stale.
   */
  persist(generation?: number): Promise<void>;
  close(): Promise<void>;
}

/** A read of the vectors a store keeps, for an index that caches them, no newer than its generation says. */
export interface ChunkSnapshot {
  generation: number;
  /** The embedding model of the stored vectors (null before any is stored). */
  model: string | null;
  /** Every chunk that has a vector. */
  chunks: Array<{ id: string; documentId: string }>;
  /** The vectors of the chunks the caller asked for. */
  vectors: VectorItem[];
}

/** The store side of a vector index that caches the store's vectors (the embedded store's HNSW file). */
export interface ChunkVectorSource {
  /** Increases with every committed write; cheap enough to read before every search. */
  generation(): Promise<number>;
  /**
   * Reads the generation and the model, then every chunk id and the vectors of the `wanted` chunks. Commits made
   * meanwhile may show in the ids and vectors, never in the generation: it is never newer than what was read.
   */
  chunkSnapshot(wanted: (chunkId: string) => boolean): Promise<ChunkSnapshot>;
  /** The stored vectors of the named documents' chunks (an exact search within them reads these, not the index). */
  vectorsWithin(documentIds: readonly string[]): Promise<VectorItem[]>;
}
