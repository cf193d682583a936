// Measures HNSW recall and latency against exact brute-force search on seeded random unit vectors.
// Random vectors without cluster structure are the hardest case for HNSW, so the efSearch that
// reaches the target recall here is a safe default for real sentence embeddings.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBruteForceIndex } from './brute-force-index.ts';
import { HNSW_DEFAULTS, openHnswIndex } from './hnsw-index.ts';
import type { VectorHit } from './index.ts';

export interface RecallBenchOptions {
  n?: number;
  dims?: number;
  queries?: number;
  /** Neighbours compared per query; `recallAt10` is recall at this k (10 by default). */
  k?: number;
  seed?: number;
  M?: number;
  efConstruction?: number;
  efSearch?: number;
  /** Further efSearch values to measure on the same graph, for tuning. */
  efSweep?: number[];
  /** Batch size of add() calls while building, as an ingest would send them. */
  batchSize?: number;
}

export interface RecallAtEf {
  efSearch: number;
  recallAt10: number;
  queryP50Ms: number;
  queryP95Ms: number;
}

export interface RecallBenchResult extends RecallAtEf {
  n: number;
  dims: number;
  k: number;
  queries: number;
  M: number;
  efConstruction: number;
  buildMs: number;
  persistMs: number;
  reopenMs: number;
  bruteP50Ms: number;
  sweep: RecallAtEf[];
}

export async function benchRecall(options: RecallBenchOptions = {}): Promise<RecallBenchResult> {
  const { n = 100_000, dims = 512, queries = 200, k = 10, seed = 42, batchSize = 1000 } = options;
  const M = options.M ?? HNSW_DEFAULTS.M;
  const efConstruction = options.efConstruction ?? HNSW_DEFAULTS.efConstruction;
  const efSearch = options.efSearch ?? HNSW_DEFAULTS.efSearch;

  const vectors = seededUnitVectors(n, dims, seed);
  const queryVectors = seededUnitVectors(queries, dims, seed + 1);
  const items = vectors.map((vector, i) => ({ id: `chunk-${i}`, documentId: `doc-${Math.floor(i / 100)}`, vector }));

  const brute = await openBruteForceIndex({ dimensions: dims, initialCapacity: n });
  await brute.add(items);
  const bruteMs: number[] = [];
  const truth: VectorHit[][] = [];
  for (const query of queryVectors) {
    const started = performance.now();
    truth.push(await brute.search(query, k));
    bruteMs.push(performance.now() - started);
  }
  await brute.close();

  const dir = await mkdtemp(join(tmpdir(), 'bench-recall-'));
  try {
    const hnsw = await openHnswIndex({ dir, dimensions: dims, M, efConstruction, efSearch });
    const buildStarted = performance.now();
    for (let start = 0; start < n; start += batchSize) await hnsw.add(items.slice(start, start + batchSize));
    const buildMs = performance.now() - buildStarted;

    const measure = async (ef: number): Promise<RecallAtEf> => {
      hnsw.efSearch = ef;
      const latencies: number[] = [];
      let found = 0;
      for (const [i, query] of queryVectors.entries()) {
        const started = performance.now();
        const hits = await hnsw.search(query, k);
        latencies.push(performance.now() - started);
        const expected = new Set(truth[i]!.map((hit) => hit.id));
        found += hits.filter((hit) => expected.has(hit.id)).length;
      }
      const expectedTotal = truth.reduce((sum, hits) => sum + hits.length, 0);
      return {
        efSearch: ef,
        recallAt10: round(found / expectedTotal, 4),
        queryP50Ms: round(percentile(latencies, 0.5), 3),
        queryP95Ms: round(percentile(latencies, 0.95), 3),
      };
    };
    const sweep: RecallAtEf[] = [];
    for (const ef of options.efSweep ?? []) sweep.push(await measure(ef));
    const chosen = await measure(efSearch);

    const persistStarted = performance.now();
    await hnsw.persist();
    const persistMs = performance.now() - persistStarted;
    await hnsw.close();
    const reopenStarted = performance.now();
    const reopened = await openHnswIndex({ dir, dimensions: dims, efSearch });
    const reopenMs = performance.now() - reopenStarted;
    if ((await reopened.size()) !== n) throw new Error('Reopened HNSW index lost vectors');
    await reopened.close();

    return {
      n,
      dims,
      k,
      queries,
      M,
      efConstruction,
      ...chosen,
      buildMs: Math.round(buildMs),
      persistMs: Math.round(persistMs),
      reopenMs: Math.round(reopenMs),
      bruteP50Ms: round(percentile(bruteMs, 0.5), 3),
      sweep,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Deterministic unit vectors with independent Gaussian components (uniform on the sphere). */
export function seededUnitVectors(count: number, dims: number, seed: number): Float32Array[] {
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const vectors: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const vector = new Float32Array(dims);
    let sumOfSquares = 0;
    for (let d = 0; d < dims; d++) {
      const value = gaussian();
      vector[d] = value;
      sumOfSquares += value * value;
    }
    const scale = 1 / Math.sqrt(sumOfSquares);
    for (let d = 0; d < dims; d++) vector[d] = vector[d]! * scale;
    vectors.push(vector);
  }
  return vectors;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
