// Opens the stores, embedder and vector index a command needs, as chosen by the Config.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Embedder } from '../embeddings/embedder.ts';
import type { VectorIndex } from '../embeddings/index.ts';
import { openEmbeddedStore } from '../graph/embedded/sqlite-store.ts';
import type { GraphStore } from '../graph/store.ts';
import type { Config } from './config.ts';
import { vectorModelMismatch } from './ingest/reindex.ts';

export interface Services {
  config: Config;
  store: GraphStore;
  embedder: Embedder;
  index: VectorIndex;
  /** True when the graph store itself indexes the vectors it is given (Neo4j's native vector index). */
  storeKeepsVectors: boolean;
  /** Why the stored vectors cannot be searched with this embedder (another model made them), or null. */
  vectorMismatch: string | null;
  close(): Promise<void>;
}

export async function openStore(config: Config): Promise<GraphStore> {
  if (config.graph === 'neo4j') {
    const { openNeo4jStore } = await import('../graph/neo4j/neo4j-store.ts');
    return openNeo4jStore(config.neo4j);
  }
  return openEmbeddedStore(config.dataDir);
}

/** The HNSW file is a cache of the vectors the graph store keeps: rebuild it when its generation is stale. */
async function openVectorIndex(config: Config, store: GraphStore, dimensions: number): Promise<VectorIndex> {
  const { openHnswIndex } = await import('../embeddings/hnsw-index.ts');
  const dir = join(config.dataDir, 'vectors');
  const generation = await store.generation();
  let index = await openHnswIndex({ dir, dimensions });
  if (index.generation === generation || (generation === 0 && (await index.size()) === 0)) return index;
  process.stderr.write(`vector index is stale (generation ${index.generation ?? 'none'} < ${generation}); rebuilding from the graph store\n`);
  await index.close();
  await rm(dir, { recursive: true, force: true });
  index = await openHnswIndex({ dir, dimensions });
  let batch: Array<{ id: string; documentId: string; vector: Float32Array }> = [];
  for await (const item of store.chunkVectors()) {
    if (item.vector.length !== dimensions) continue; // vectors of another embedder cannot share this index
    batch.push(item);
    if (batch.length >= 1000) {
      await index.add(batch);
      batch = [];
    }
  }
  if (batch.length) await index.add(batch);
  await index.persist(generation);
  return index;
}

export async function openServices(config: Config, options: { embedder?: Embedder } = {}): Promise<Services> {
  const store = await openStore(config);
  try {
    // Loaded on demand: transformers.js is the slowest import of the project.
    const { openEmbedder } = await import('../embeddings/open-embedder.ts');
    const embedder = options.embedder ?? (await openEmbedder({ modelDir: config.modelDir }));
    const storeKeepsVectors = config.graph === 'neo4j';
    const index = storeKeepsVectors
      ? await (await import('../graph/neo4j/vector-index.ts')).openNeo4jVectorIndex(config.neo4j, embedder.dimensions)
      : await openVectorIndex(config, store, embedder.dimensions);
    const vectorMismatch = await vectorModelMismatch(store, embedder);
    return {
      config, store, embedder, index, storeKeepsVectors, vectorMismatch,
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
