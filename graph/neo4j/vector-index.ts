// The VectorIndex port on Neo4j's native vector index over Chunk.embedding (cosine). The Neo4j GraphStore
// writes the same property for every chunk it stores, so after an ingest the index is already complete: beside that
// store the application opens the store-kept variant, whose additions and deletions are the store's own.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { VectorHit, VectorIndex, VectorItem } from '../../embeddings/index.ts';
import * as Q from './queries.ts';
import type { Neo4jConnection } from './neo4j-store.ts';

const CONNECT_TIMEOUT_MS = 5000;
const BATCH_ROWS = 500;

function checkVector(vector: Float32Array, dimensions: number, what: string): void {
  if (vector.length !== dimensions) {
    throw new Error(`dimension mismatch: ${what} has ${vector.length} dimensions, the index expects ${dimensions}`);
  }
  if (!vector.every(Number.isFinite)) throw new Error(`${what} has non-finite components`);
}

/**
 * How many neighbours to ask Neo4j's HNSW index for when k are wanted: its search explores as many candidates as it is
 * asked to return, so a small k misses near neighbours (k = 5 of 200 random vectors found 3 of the exact 5 in one run).
 * Asking for twice as many, and at least 40 more, and keeping the best k makes the search wide enough.
 */
function searchBreadth(k: number): number {
  return Math.max(2 * k, k + 40);
}

export class Neo4jVectorIndex implements VectorIndex {
  readonly kind = 'neo4j';

  constructor(
    private readonly driver: Driver,
    readonly dimensions: number,
    private readonly database?: string,
  ) {}

  private async run<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session[mode] });
    try {
      return await (mode === 'READ' ? session.executeRead(work) : session.executeWrite(work));
    } finally {
      await session.close();
    }
  }

  /**
   * Creates the index, replacing one of another dimension or with quantization on (a property holds one
   * vector index per label). Quantization is off so scores are exact cosine similarities.
   */
  async ensureIndex(): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      const existing = (await session.run(Q.VECTOR_INDEX_DIMENSIONS, { name: Q.VECTOR_INDEX })).records[0];
      const suitable = existing && Number(existing.get('dimensions')) === this.dimensions && existing.get('quantized') === false;
      if (!suitable) {
        if (existing) await session.run(Q.DROP_VECTOR_INDEX);
        await session.run(Q.CREATE_VECTOR_INDEX, { dimensions: neo4j.int(this.dimensions) });
      }
      await session.run(Q.AWAIT_VECTOR_INDEX, { name: Q.VECTOR_INDEX, timeoutSeconds: neo4j.int(120) });
    } finally {
      await session.close();
    }
  }

  async add(items: VectorItem[]): Promise<void> {
    for (const item of items) checkVector(item.vector, this.dimensions, `vector "${item.id}"`);
    // The last vector given for an id wins, as with every other index.
    const rows = [
      ...new Map(items.map((item) => [item.id, { id: item.id, documentId: item.documentId, vector: Array.from(item.vector) }])).values(),
    ];
    await this.run('WRITE', async (tx) => {
      for (let i = 0; i < rows.length; i += BATCH_ROWS) await tx.run(Q.UPSERT_VECTORS, { rows: rows.slice(i, i + BATCH_ROWS) });
    });
  }

  async deleteDocument(documentId: string): Promise<number> {
    return this.run('WRITE', async (tx) => {
      const removed = Number((await tx.run(Q.DELETE_DOCUMENT_VECTORS, { documentId })).records[0]?.get('removed') ?? 0);
      await tx.run(Q.DELETE_UNOWNED_CHUNKS, { documentId });
      return removed;
    });
  }

  /** Nearest first; the index is asked for more than k (searchBreadth) because its search is only as wide as asked. */
  async search(query: Float32Array, k: number): Promise<VectorHit[]> {
    checkVector(query, this.dimensions, 'the query vector');
    if (k <= 0) return [];
    const records = await this.run(
      'READ',
      async (tx) =>
        (
          await tx.run(Q.SEARCH_VECTORS, {
            name: Q.VECTOR_INDEX,
            candidates: neo4j.int(searchBreadth(k)),
            k: neo4j.int(k),
            query: Array.from(query),
          })
        ).records,
    );
    // Neo4j reports cosine similarity rescaled to [0, 1]; the port speaks plain cosine.
    return records.map((r) => ({ id: r.get('id'), documentId: r.get('documentId'), score: 2 * Number(r.get('score')) - 1 }));
  }

  async searchWithin(query: Float32Array, k: number, documentIds: readonly string[]): Promise<VectorHit[]> {
    checkVector(query, this.dimensions, 'the query vector');
    if (k <= 0 || !documentIds.length) return [];
    const records = await this.run(
      'READ',
      async (tx) =>
        (
          await tx.run(Q.SEARCH_VECTORS_WITHIN, {
            documentIds: [...documentIds],
            k: neo4j.int(k),
            query: Array.from(query),
          })
        ).records,
    );
    return records.map((r) => ({ id: r.get('id'), documentId: r.get('documentId'), score: 2 * Number(r.get('score')) - 1 }));
  }

  async size(): Promise<number> {
    return this.run('READ', async (tx) => Number((await tx.run(Q.COUNT_VECTORS)).records[0]?.get('n') ?? 0));
  }

  /** Every committed transaction is already durable. */
  async persist(): Promise<void> {}

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * The index beside the Neo4j GraphStore: the store writes each chunk's vector with the chunk and deletes both with
 * their document, in the same transactions, so adding and deleting here have nothing left to do.
 */
export class StoreKeptNeo4jVectorIndex extends Neo4jVectorIndex {
  override async add(): Promise<void> {}

  override async deleteDocument(): Promise<number> {
    return 0;
  }
}

export async function openNeo4jVectorIndex(
  connection: Neo4jConnection,
  dimensions: number,
  options: { keptByStore?: boolean } = {},
): Promise<Neo4jVectorIndex> {
  const { uri, user, password, database } = connection;
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    disableLosslessIntegers: true,
    connectionTimeout: CONNECT_TIMEOUT_MS - 1000,
    connectionAcquisitionTimeout: CONNECT_TIMEOUT_MS,
  });
  const index = new (options.keptByStore ? StoreKeptNeo4jVectorIndex : Neo4jVectorIndex)(driver, dimensions, database);
  try {
    await driver.verifyConnectivity({ database });
    await index.ensureIndex();
  } catch (error) {
    await driver.close();
    throw new Error(`cannot open the Neo4j vector index at ${uri}: ${(error as Error).message.split('\n')[0]}`);
  }
  return index;
}
