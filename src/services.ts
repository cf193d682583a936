// Opens the stores, embedder, vector index and write lock a command needs, as chosen by the Config.
import { join } from 'node:path';
import type { Embedder } from '../embeddings/embedder.ts';
import type { VectorIndex } from '../embeddings/index.ts';
import { openStoreSyncedIndex, type StoreSyncedIndex } from '../embeddings/store-synced-index.ts';
import { openEmbeddedStore, type SqliteGraphStore } from '../graph/embedded/sqlite-store.ts';
import type { GraphStore } from '../graph/store.ts';
import { dataFolderLock, type WriteLock } from './locks/write-lock.ts';
import type { Config } from './config.ts';
import { vectorModelMismatch } from './ingest/reindex.ts';

export interface Services {
  config: Config;
  store: GraphStore;
  embedder: Embedder;
  index: VectorIndex;
  /** Why the stored vectors cannot be searched with this embedder (another model made them), or null. */
  vectorMismatch: string | null;
  /** Every write to the data folder (ingest, delete, reindex) runs under it, in this process and across processes. */
  lock: WriteLock;
  /** The data folder may not be written by this process: questions are answered, writes refused. */
  readOnly: boolean;
  /** Where uploaded files are kept. */
  uploadsDir: string;
  /**
   * The file store a worker thread can open to write a document itself (the embedded store's data folder), or
   * null when writes go over this process's connection (Neo4j: its server does the work).
   */
  workerWritable: { dataDir: string } | null;
  close(): Promise<void>;
}

export function writeLockFor(config: Config): WriteLock {
  return dataFolderLock(config.dataDir, {
    timeoutMs: config.writeWaitSeconds * 1000,
    onWait: (message) => process.stderr.write(`policy-graph: ${message}\n`),
  });
}

export async function openStore(config: Config): Promise<GraphStore> {
  if (config.graph === 'neo4j') {
    const { openNeo4jStore } = await import('../graph/neo4j/neo4j-store.ts');
    return openNeo4jStore(config.neo4j);
  }
  return openEmbeddedStore(config.dataDir);
}

/** The HNSW cache of the embedded store's vectors; one rebuilt or caught up is saved unless another process is writing. */
async function openEmbeddedVectorIndex(
  config: Config,
  store: SqliteGraphStore,
  dimensions: number,
  lock: WriteLock,
): Promise<StoreSyncedIndex> {
  const index = await openStoreSyncedIndex({
    dir: join(config.dataDir, 'vectors'),
    dimensions,
    source: store,
    writable: !store.readOnly,
    log: (message) => process.stderr.write(message),
  });
  if (index.updatedOnOpen && !store.readOnly) {
    // Saving is only worth the time it saves the next open: a busy folder or a full disk leaves it in memory.
    await lock
      .runIfFree(() => index.persist())
      .catch((error: unknown) => {
        process.stderr.write(`policy-graph: the updated vector index was not saved: ${(error as Error).message}\n`);
      });
  }
  return index;
}

async function reusingVectorsOf(dataDir: string, model: Embedder): Promise<Embedder> {
  const [{ ReusingEmbedder }, { openStoredVectorLookup }] = await Promise.all([
    import('../embeddings/reusing-embedder.ts'),
    import('../graph/embedded/stored-vector-lookup.ts'),
  ]);
  const lookup = openStoredVectorLookup(dataDir);
  try {
    return new ReusingEmbedder(model, lookup);
  } catch (error) {
    await lookup.close();
    await model.close();
    throw error;
  }
}

export interface ServiceOptions {
  embedder?: Embedder;
  /** A data folder whose embedded store already keeps vectors of this model: passages it holds are not embedded again. */
  vectorsFrom?: string;
}

export async function openServices(config: Config, options: ServiceOptions = {}): Promise<Services> {
  const embedded = config.graph === 'embedded' ? openEmbeddedStore(config.dataDir) : null;
  const store = embedded ?? (await openStore(config));
  const lock = writeLockFor(config);
  try {
    // Loaded on demand: transformers.js is the slowest import of the project.
    const { openEmbedder } = await import('../embeddings/open-embedder.ts');
    const model = options.embedder ?? (await openEmbedder({ modelDir: config.modelDir }));
    const embedder = options.vectorsFrom ? await reusingVectorsOf(options.vectorsFrom, model) : model;
    const index = embedded
      ? await openEmbeddedVectorIndex(config, embedded, embedder.dimensions, lock)
      : await (await import('../graph/neo4j/vector-index.ts')).openNeo4jVectorIndex(config.neo4j, embedder.dimensions, {
          keptByStore: true,
        });
    const vectorMismatch = await vectorModelMismatch(store, embedder);
    return {
      config,
      store,
      embedder,
      index,
      vectorMismatch,
      lock,
      readOnly: embedded?.readOnly ?? false,
      uploadsDir: join(config.dataDir, 'uploads'),
      workerWritable: embedded ? { dataDir: config.dataDir } : null,
      async close() {
        await index.close();
        await embedder.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
