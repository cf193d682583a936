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
  size(): Promise<number>;
  /**
   * Makes the current state durable (atomic file replace for file-backed indexes), recording the graph
   * store generation it reflects so a later open can tell whether it is stale.
   */
  persist(generation?: number): Promise<void>;
  close(): Promise<void>;
}
