// Where an upload is read, structured and written when the server ingests it: read and structured in a worker,
// embedded on the main thread in slices, and written by a worker while the main thread holds the write lock when
// the store is a file a worker can open (the graph stays serialized in between: the main thread reads only its
// outline); otherwise (Neo4j: its server does the work) over this thread's connection.
import { setImmediate } from 'node:timers/promises';
import { deserialize } from 'node:v8';
import type { DocumentGraph } from '../../domain/schemas.ts';
import type { DocumentWork } from '../../ingest/pipeline.ts';
import type { Services } from '../../services.ts';
import { unpackChunks } from './packed-chunks.ts';
import type { WorkPool } from './pool.ts';

/** Vectors copied per turn of the event loop (2,048 took 13 ms on a quiet machine: page faults of the new array). */
const PACK_SLICE = 512;

/** The vectors one after another in one typed array, copied in slices with turns of the event loop between them. */
async function packed(vectors: Float32Array[], dimensions: number): Promise<Float32Array<ArrayBuffer>> {
  const all = new Float32Array(vectors.length * dimensions);
  for (let start = 0; start < vectors.length; start += PACK_SLICE) {
    if (start > 0) await setImmediate();
    vectors.slice(start, start + PACK_SLICE).forEach((vector, i) => {
      if (vector.length !== dimensions) throw new Error(`a vector of ${vector.length} dimensions, expected ${dimensions}`);
      all.set(vector, (start + i) * dimensions);
    });
  }
  return all;
}

export function workerDocumentWork(services: Services, work: WorkPool, prepareBudgetMs: number): DocumentWork<Uint8Array> {
  const writable = services.workerWritable;
  return {
    prepare: async (file, sourcePath) => {
      const { chunks, outline, ...prepared } = await work.run({ kind: 'prepare', file, sourcePath }, prepareBudgetMs);
      return { ...prepared, outline: { ...outline, chunks: unpackChunks(chunks) } };
    },
    write: writable
      ? async (graph, vectors) => {
          const dimensions = services.embedder.dimensions;
          const all = await packed(vectors, dimensions);
          // Moved, not copied: the vectors of a 40,000-line upload are 80 MB; the graph is a copy received from the reading worker, never shared.
          return work.run({ kind: 'write', dataDir: writable.dataDir, graph, vectors: all, dimensions }, undefined, [
            all.buffer,
            graph.buffer as ArrayBuffer,
          ]);
        }
      : async (graph, vectors) => services.store.writeDocument(deserialize(graph) as DocumentGraph, vectors),
  };
}
