// `bench`: ingest and query figures as JSON — embedding throughput (pipeline vs bare onnxruntime), seed
// ingest time per stage, HNSW recall against brute force, and query latency per retriever.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchRecall } from '../../embeddings/bench-recall.ts';
import { measureEmbeddingThroughput } from '../../embeddings/bench-throughput.ts';
import { modelStatus } from '../../embeddings/open-embedder.ts';
import type { Config } from '../config.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { ask, type RetrieverName } from '../search/answer.ts';
import { openServices } from '../services.ts';
import { benchGraphBackends } from './graph-backends.ts';
import { percentile } from './percentile.ts';
import { loadQuestions } from '../eval/questions.ts';
import { DEFAULT_GOLD_DIR } from '../eval/run-eval.ts';

export interface BenchOptions {
  vectors: number;
  distribution: 'clustered' | 'uniform';
  corpusDocuments: number;
  skip: Set<string>;
}

/** The seed's evaluation questions (gold data, kept outside the code), or generic ones when they are absent. */
function benchQuestions(file: string): string[] {
  try {
    return loadQuestions(file).map((q) => q.question);
  } catch {
    return ['地区生产总值目标是多少？', '哪些任务涉及水库？', '怎样治理大气污染？', 'Which tasks involve rivers?'];
  }
}

async function seedIngest(config: Config) {
  const questions = benchQuestions(join(DEFAULT_GOLD_DIR, 'questions.json'));
  const dataDir = mkdtempSync(join(tmpdir(), 'policy-graph-bench-'));
  const services = await openServices({ ...config, dataDir, graph: 'embedded' });
  try {
    const rss = process.memoryUsage().rss;
    const report = await ingestPaths(['seeds'], services);
    const latency: Record<string, { p50Ms: number; p95Ms: number }> = {};
    for (const retriever of ['graph', 'vector', 'lexical', 'hybrid'] as const) {
      const retrievers: RetrieverName[] = retriever === 'hybrid' ? ['graph', 'vector', 'lexical'] : [retriever];
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const q of questions) {
          const t = performance.now();
          await ask(q, services, { retrievers });
          times.push(performance.now() - t);
        }
      }
      latency[retriever] = { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
    }
    return {
      ingest: { documents: report.documents.length, ms: report.ms, stagesMs: report.timings, rssDeltaMb: Math.round((process.memoryUsage().rss - rss) / 2 ** 20) },
      queryLatency: latency,
    };
  } finally {
    await services.close();
  }
}

export async function runBench(config: Config, options: BenchOptions) {
  const result: Record<string, unknown> = { semanticSearch: modelStatus({ modelDir: config.modelDir }).present ? 'on' : 'off' };
  if (!options.skip.has('embedding') && result.semanticSearch === 'on') {
    result.embedding = await measureEmbeddingThroughput({ modelDir: config.modelDir });
  }
  if (!options.skip.has('ingest')) Object.assign(result, await seedIngest(config));
  if (!options.skip.has('recall')) {
    result.hnsw = await benchRecall({ n: options.vectors, dims: 512, distribution: options.distribution });
  }
  if (!options.skip.has('graph')) result.graphBackends = await benchGraphBackends(config, options.corpusDocuments);
  result.peakRssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  return result;
}
