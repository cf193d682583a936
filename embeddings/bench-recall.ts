// Measures HNSW recall and latency against exact brute-force search on seeded random unit vectors.
// Two distributions: 'clustered' (default) imitates sentence embeddings — topics in a low-dimensional
// latent space mapped into the full space, plus isotropic noise — with queries drawn from the same
// topics. 'uniform' draws points uniformly on the sphere: in 512 dimensions every point is then
// almost equally far from every query, there is no neighbourhood structure to navigate, and no graph
// index reaches high recall (kept to show that limit, not to tune for).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBruteForceIndex } from './brute-force-index.ts';
import { HNSW_DEFAULTS, openHnswIndex } from './hnsw-index.ts';
import { defined } from '../src/domain/defined.ts';
import type { VectorHit } from './index.ts';

export type VectorDistribution = 'clustered' | 'uniform';

export interface RecallBenchOptions {
  n?: number;
  distribution?: VectorDistribution;
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
  distribution: VectorDistribution;
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
  const { n = 100_000, dims = 512, queries = 200, k = 10, seed = 42, batchSize = 1000, distribution = 'clustered' } = options;
  const M = options.M ?? HNSW_DEFAULTS.M;
  const efConstruction = options.efConstruction ?? HNSW_DEFAULTS.efConstruction;
  const efSearch = options.efSearch ?? HNSW_DEFAULTS.efSearch;

  const sample =
    distribution === 'uniform'
      ? (count: number, sampleSeed: number) => seededUnitVectors(count, dims, sampleSeed)
      : clusteredSource(dims, seed);
  const vectors = sample(n, seed + 1);
  const queryVectors = sample(queries, seed + 2);
  const items = vectors.map((vector, i) => ({ id: `chunk-${i}`, documentId: `doc-${Math.floor(i / 100)}`, vector }));

  const brute = await openBruteForceIndex({ dimensions: dims, initialCapacity: n });
  await brute.add(items);
  const bruteMs: number[] = [];
  const truth: Array<{ query: Float32Array; exactHits: VectorHit[] }> = [];
  for (const query of queryVectors) {
    const started = performance.now();
    truth.push({ query, exactHits: await brute.search(query, k) });
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
      for (const { query, exactHits } of truth) {
        const started = performance.now();
        const hits = await hnsw.search(query, k);
        latencies.push(performance.now() - started);
        const expected = new Set(exactHits.map((hit) => hit.id));
        found += hits.filter((hit) => expected.has(hit.id)).length;
      }
      const expectedTotal = truth.reduce((sum, { exactHits }) => sum + exactHits.length, 0);
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
      distribution,
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
  const gaussian = seededGaussian(seed);
  return Array.from({ length: count }, () => normalizedInPlace(Float32Array.from({ length: dims }, gaussian)));
}

/**
 * Shape of the embedding-like distribution. The defaults were calibrated against 3,200 bge-small-zh
 * embeddings of corpus paragraphs: those have a local intrinsic dimension of about 22 and HNSW recall@10
 * of 0.94 at efSearch 10; these defaults give about 17 and 0.89 at the same size, slightly harder than
 * the real thing, so an efSearch chosen here carries a margin.
 */
export interface ClusteredShape {
  latentDims: number;
  clusters: number;
  /** Spread of points around their topic centre, relative to the spread of the centres. */
  clusterSpread: number;
  /** Norm of the isotropic full-dimensional noise added to each unit-length latent image. */
  noise: number;
}

export const DEFAULT_CLUSTERED_SHAPE: ClusteredShape = { latentDims: 48, clusters: 512, clusterSpread: 0.8, noise: 0.4 };

/**
 * A fixed seeded mixture of Gaussians in a latent space and a fixed random linear map into `dims`;
 * each call of the returned sampler draws fresh points (seeded) from that same mixture.
 */
export function clusteredSource(
  dims: number,
  seed: number,
  shape: ClusteredShape = DEFAULT_CLUSTERED_SHAPE,
): (count: number, sampleSeed: number) => Float32Array[] {
  const { latentDims, clusters, clusterSpread, noise } = shape;
  const gaussian = seededGaussian(seed);
  const centres = Array.from({ length: clusters }, () => Float64Array.from({ length: latentDims }, gaussian));
  const map = Float64Array.from({ length: dims * latentDims }, gaussian); // row-major dims × latentDims
  return (count, sampleSeed) => {
    const sampleGaussian = seededGaussian(sampleSeed);
    const pick = mulberry32(sampleSeed ^ 0x5bd1e995);
    const image = new Float64Array(dims);
    const isotropic = new Float64Array(dims);
    const vectors: Float32Array[] = [];
    // Every index below is inside its array (`map` is dims × latentDims), so each `?? 0` only satisfies the index type.
    for (let i = 0; i < count; i++) {
      const centre = defined(centres[Math.floor(pick() * clusters)], 'cluster centre');
      const latent = centre.map((value) => value + clusterSpread * sampleGaussian());
      for (let d = 0; d < dims; d++) {
        image[d] = latent.reduce((sum, value, j) => sum + (map[d * latentDims + j] ?? 0) * value, 0);
        isotropic[d] = sampleGaussian();
      }
      const imageScale = 1 / Math.hypot(...image);
      const noiseScale = noise / Math.hypot(...isotropic);
      const vector = Float32Array.from(image, (value, d) => value * imageScale + (isotropic[d] ?? 0) * noiseScale);
      vectors.push(normalizedInPlace(vector));
    }
    return vectors;
  };
}

function normalizedInPlace(vector: Float32Array): Float32Array {
  let sumOfSquares = 0;
  for (const value of vector) sumOfSquares += value * value;
  const scale = 1 / Math.sqrt(sumOfSquares);
  vector.forEach((value, d) => {
    vector[d] = value * scale;
  });
  return vector;
}

function seededGaussian(seed: number): () => number {
  const random = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
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
