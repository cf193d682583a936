// `bench`: ingest and query figures as JSON — embedding throughput (pipeline vs bare onnxruntime), seed
// ingest time per stage, HNSW recall against brute force, query latency per retriever, graph backends on a
// corpus slice, and ingest and queries over the whole corpus on both stores. Sections are chosen with
// --skip; every run is also written, with the machine's description, to bench/results/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchRecall } from '../../embeddings/bench-recall.ts';
import { measureEmbeddingThroughput } from '../../embeddings/bench-throughput.ts';
import { modelStatus } from '../../embeddings/open-embedder.ts';
import type { Config } from '../config.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { ask, type RetrieverName } from '../app/ask.ts';
import { openServices } from '../services.ts';
import { benchCorpusScale, benchStoredStore } from './corpus-scale.ts';
import { CORPUS_ARCHIVE } from './corpus-files.ts';
import { auditCorpus } from '../eval/structure-audit.ts';
import { benchGraphBackends } from './graph-backends.ts';
import { benchLoad } from './load-section.ts';
import { machineDescription } from './machine.ts';
import { percentile } from '../eval/percentile.ts';
import { loadQuestions } from '../eval/questions.ts';
import { DEFAULT_GOLD_DIR } from '../eval/run-eval.ts';

export const BENCH_SECTIONS = ['embedding', 'ingest', 'recall', 'graph', 'corpus', 'neo4j', 'load', 'structure'] as const;

export interface BenchOptions {
  /** Synthetic vectors per HNSW recall run; several sizes measure how build time and latency grow. */
  vectors: number[];
  distribution: 'clustered' | 'uniform';
  corpusDocuments: number;
  /** Reports of the corpus-scale run (all 1,659 by default) and how many of them are embedded for real. */
  corpusScale: number;
  embedSample: number;
  /** Sections left out: any of BENCH_SECTIONS ('neo4j' leaves Neo4j out of the corpus run). */
  skip: Set<string>;
  /** Results file name: bench/results/<date>-<name>.json. */
  name: string;
  /** Also time questions on the store in --data, with the vectors its ingest embedded (a whole corpus ingested with the model). */
  stored: boolean;
}

const MACHINE_NOTE = 'shared development machine: 2 cores used by 5 agents at once during the run, so figures are pessimistic and noisy';

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
      ingest: {
        documents: report.documents.length,
        ms: report.ms,
        stagesMs: report.timings,
        rssDeltaMb: Math.round((process.memoryUsage().rss - rss) / 2 ** 20),
      },
      queryLatency: latency,
    };
  } finally {
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runBench(config: Config, options: BenchOptions) {
  const result: Record<string, unknown> = { semanticSearch: modelStatus({ modelDir: config.modelDir }).present ? 'on' : 'off' };
  if (!options.skip.has('embedding') && result.semanticSearch === 'on') {
    result.embedding = await measureEmbeddingThroughput({ modelDir: config.modelDir });
  }
  if (!options.skip.has('ingest')) Object.assign(result, await seedIngest(config));
  if (!options.skip.has('recall')) {
    const runs = [];
    for (const n of options.vectors) {
      const before = process.memoryUsage().rss;
      const run = await benchRecall({ n, dims: 512, distribution: options.distribution });
      runs.push({ ...run, rssGrowthMb: Math.round((process.memoryUsage().rss - before) / 2 ** 20) });
    }
    result.hnsw = runs;
  }
  if (!options.skip.has('graph')) result.graphBackends = await benchGraphBackends(config, options.corpusDocuments);
  if (!options.skip.has('corpus')) {
    result.corpus = await benchCorpusScale(config, {
      documents: options.corpusScale,
      embedSample: options.embedSample,
      queryRounds: 3,
      skipNeo4j: options.skip.has('neo4j'),
    });
  }
  if (options.stored) result.stored = await benchStoredStore(config, 3);
  if (!options.skip.has('structure')) {
    // The structure audit of every report (read + structure only): year plans and tasks per era and level.
    const { details: _details, ...audit } = await auditCorpus(CORPUS_ARCHIVE);
    result.structure = audit;
  }
  if (!options.skip.has('load')) result.load = await benchLoad(benchQuestions(join(DEFAULT_GOLD_DIR, 'questions.json')));
  result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  result.machine = machineDescription(MACHINE_NOTE);
  result.resultsFile = writeResults(result, options.name);
  return result;
}

function writeResults(result: Record<string, unknown>, name: string): string {
  const dir = join('bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().slice(0, 10)}-${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
