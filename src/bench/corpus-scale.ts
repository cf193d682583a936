// Ingest and query at corpus scale. Every report of the archive (or an evenly spread slice) goes through
// read → structure → extract → graph + lexical write, into the embedded store and into Neo4j in one pass:
// each document is parsed once and written to both, so the stores hold identical graphs and their write
// figures differ only by the store. Then hybrid `ask` latency over the whole corpus, on both stores.
//
// Embedding every report would take most of an hour on two cores, so a stated sample of reports is embedded
// with the real model and its measured tokens/s extrapolates the full-corpus embedding time. The other
// reports' chunks are stored with placeholder vectors: seeded random unit vectors, nearly orthogonal to any
// real embedding (|cos| ≈ 0.04 in 512 dimensions). They fill the vector indexes to corpus size, so writes
// and vector searches pay the full cost, without outranking the sample's real neighbours. Vector relevance
// at corpus scale is therefore not measured; its cost is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Embedder } from '../../embeddings/embedder.ts';
import { DELETE_ALL } from '../../graph/neo4j/queries.ts';
import type { Config } from '../config.ts';
import { firstLine } from '../domain/errors.ts';
import { defined } from '../domain/defined.ts';
import type { DocumentGraph } from '../domain/schemas.ts';
import { buildDocumentGraph, countRelationships, persistIndex, type StageTimings } from '../ingest/pipeline.ts';
import { readDocument } from '../ingest/read.ts';
import { ask, type RetrieverName } from '../app/ask.ts';
import { openServices, type Services } from '../services.ts';
import { evenlySpread, withCorpusFiles } from './corpus-files.ts';
import { diskUsageBytes, megabytes } from './disk-usage.ts';
import { percentile } from '../eval/percentile.ts';

export interface CorpusScaleOptions {
  documents: number;
  /** Reports embedded with the real model (evenly spread); the rest get placeholder vectors. */
  embedSample: number;
  /** Timed passes over the questions per retriever setting. */
  queryRounds: number;
  skipNeo4j: boolean;
}

/** Questions about places, indicators and policies that recur across the corpus, in both languages. */
const CORPUS_QUESTIONS = [
  '杭州市地区生产总值目标是多少？',
  '哪些任务涉及西湖？',
  '怎样治理大气污染？',
  '如何推进乡村振兴？',
  '保障性住房建设有哪些安排？',
  '财政赤字率是多少？',
  '哪些项目涉及高铁？',
  'Which tasks involve the Yangtze River?',
  'How will air pollution be reduced?',
  'What is the GDP growth target?',
] as const;

const RETRIEVER_SETTINGS: Record<string, RetrieverName[]> = {
  hybrid: ['graph', 'vector', 'lexical'],
  graph: ['graph'],
  vector: ['vector'],
  lexical: ['lexical'],
};

/** A view of an embedder whose close() leaves it open: both stores' services share one loaded model. */
function shared(embedder: Embedder): Embedder {
  return {
    mode: embedder.mode,
    dimensions: embedder.dimensions,
    modelId: embedder.modelId,
    embedPassages: (texts) => embedder.embedPassages(texts),
    embedQuery: (text) => embedder.embedQuery(text),
    close: async () => {},
  };
}

function placeholderVectors(count: number, dimensions: number, seed: number): Float32Array[] {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 31 - 1;
  };
  return Array.from({ length: count }, () => {
    const vector = Float32Array.from({ length: dimensions }, next);
    const norm = Math.hypot(...vector);
    return vector.map((x) => x / norm);
  });
}

/** Model input tokens of the texts, when the embedder can tell (the transformers.js model can). */
function tokenCount(embedder: Embedder, texts: string[]): number | null {
  const windowsOf = (embedder as Partial<{ windowsOf(text: string): number[][] }>).windowsOf;
  if (!windowsOf) return null;
  return texts.reduce((sum, text) => sum + windowsOf.call(embedder, text).reduce((s, w) => s + w.length, 0), 0);
}

async function openNeo4jTarget(config: Config, embedder: Embedder): Promise<Services | string> {
  try {
    const services = await openServices({ ...config, graph: 'neo4j' }, { embedder: shared(embedder) });
    const { documents } = await services.store.counts();
    if (documents === 0) return services;
    await services.close();
    return `Neo4j at ${config.neo4j.uri} holds ${documents} documents; the corpus run writes only into an empty database, which it wipes afterwards (start a dedicated one with POLICY_GRAPH_DATA=<dir> NEO4J_URI=bolt://127.0.0.1:<port> npm run neo4j:start)`;
  } catch (error) {
    return firstLine(error);
  }
}

/** Everything in the database is the run's own: it was empty when the run began. */
async function wipeNeo4j(connection: Config['neo4j']): Promise<number> {
  const started = performance.now();
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));
  const session = driver.session({ database: connection.database });
  try {
    await session.run(DELETE_ALL);
  } finally {
    await session.close();
    await driver.close();
  }
  return Math.round(performance.now() - started);
}

type Latency = { p50Ms: number; p95Ms: number };

async function queryLatency(services: Services, rounds: number) {
  // Warm as a serving process would be: model session, entity-name index, the pinyin index English questions
  // use (built once per store generation; at 300 reports it took 17–26 s on the loaded machine), store caches.
  const [warmUpQuestion] = CORPUS_QUESTIONS;
  await ask(warmUpQuestion, services);
  await ask('Which tasks involve rivers?', services);
  const latency: Record<string, Latency> = {};
  // Per stage of hybrid asks (understand, each retriever and the graph's steps, fuse, highlight …), from Answer.timings.
  const stageTimes = new Map<string, number[]>();
  let answered = 0;
  for (const [name, retrievers] of Object.entries(RETRIEVER_SETTINGS)) {
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const question of CORPUS_QUESTIONS) {
        const started = performance.now();
        const answer = await ask(question, services, { retrievers });
        times.push(performance.now() - started);
        if (name !== 'hybrid') continue;
        if (round === 0 && answer.passages.length > 0) answered++;
        for (const [stage, ms] of Object.entries(answer.timings)) stageTimes.set(stage, [...(stageTimes.get(stage) ?? []), ms]);
      }
    }
    latency[name] = { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
  }
  const hybridStages = Object.fromEntries(
    [...stageTimes].map(([stage, times]) => [stage, { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) }]),
  );
  return { ...latency, hybridStages, questionsWithPassages: answered };
}

/**
 * Query latency on the store a data folder holds, with the vectors its ingest embedded (not placeholders): run
 * after `ingest <corpus> --resume` has stored the whole corpus with the model.
 */
export async function benchStoredStore(config: Config, rounds: number) {
  const services = await openServices(config);
  try {
    const counts = await services.store.counts();
    if (!counts.documents)
      throw new Error(
        `${config.dataDir} holds no documents: ingest the corpus into it first (ingest <dir|tar.xz> --resume --data ${config.dataDir})`,
      );
    return {
      dataDir: config.dataDir,
      graph: config.graph,
      documents: counts.documents,
      vectors: services.index ? await services.index.size() : null,
      semanticSearch: services.embedder.mode,
      ...(await queryLatency(services, rounds)),
    };
  } finally {
    await services.close();
  }
}

/** The hybrid stages of both stores in one table: stage → { embedded, neo4j } p50 / p95. */
function stagesSideBySide(embedded: { hybridStages: Record<string, Latency> }, neo: { hybridStages: Record<string, Latency> } | null) {
  const stages = [...new Set([...Object.keys(embedded.hybridStages), ...Object.keys(neo?.hybridStages ?? {})])];
  const figure = (l: Latency | undefined) => (l ? `${l.p50Ms} / ${l.p95Ms}` : null);
  return Object.fromEntries(
    stages.map((s) => [s, { embedded: figure(embedded.hybridStages[s]), neo4j: neo ? figure(neo.hybridStages[s]) : null }]),
  );
}

/** writeMs covers the whole write; indexMs the part of it spent adding to the HNSW file (embedded store). */
interface StoreTally {
  writeMs: number;
  indexMs: number;
  written: number;
  errors: number;
}

async function writeTo(target: Services, tally: StoreTally, graph: DocumentGraph, vectors: Float32Array[]): Promise<void> {
  const started = performance.now();
  try {
    const written = await target.store.writeDocument(graph, vectors);
    if (written && tally.written === 0) await target.store.setEmbeddingModel(target.embedder.modelId);
    if (written) {
      const indexing = performance.now();
      await target.index.add(
        graph.chunks.map((c, k) => ({ id: c.id, documentId: c.documentId, vector: defined(vectors[k], 'vector of a chunk') })),
      );
      tally.indexMs += performance.now() - indexing;
    }
    if (written) tally.written++;
  } catch {
    tally.errors++;
  }
  tally.writeMs += performance.now() - started;
}

const perSecond = (count: number, ms: number) => Number((count / (ms / 1000)).toFixed(2));

export async function benchCorpusScale(config: Config, options: CorpusScaleOptions) {
  return withCorpusFiles(options.documents, async (files, unpackMs) => {
    const embeddedDir = mkdtempSync(join(tmpdir(), 'policy-graph-bench-corpus-store-'));
    const embedded = await openServices({ ...config, dataDir: embeddedDir, graph: 'embedded' });
    const neo4jTarget = options.skipNeo4j ? 'skipped by --skip neo4j' : await openNeo4jTarget(config, embedded.embedder);
    const neo = typeof neo4jTarget === 'string' ? null : neo4jTarget;
    const neo4jStoreDir = join(config.dataDir, 'neo4j', 'data');
    const neo4jBytesBefore = neo ? await diskUsageBytes(neo4jStoreDir) : null;
    try {
      const sample = new Set(evenlySpread(files, options.embedSample));
      const timings: StageTimings = { read: 0, structure: 0, extract: 0, embed: 0, write: 0 };
      const embedding = { documents: 0, chunks: 0, chunkChars: 0, tokens: 0 as number | null };
      const totals = { documents: 0, paragraphs: 0, chunks: 0, chunkChars: 0, mentions: 0, observations: 0, relationships: 0 };
      const stores = {
        embedded: { writeMs: 0, indexMs: 0, written: 0, errors: 0 },
        neo4j: { writeMs: 0, indexMs: 0, written: 0, errors: 0 },
      };
      const readErrors: Array<{ path: string; error: string }> = [];
      let peakRss = process.memoryUsage().rss;
      const started = performance.now();
      for (const [i, file] of files.entries()) {
        let graph: DocumentGraph;
        try {
          const t = performance.now();
          const read = await readDocument(file);
          timings.read += performance.now() - t;
          graph = buildDocumentGraph(read, timings);
        } catch (error) {
          readErrors.push({ path: file.split('/').slice(-2).join('/'), error: firstLine(error) });
          continue;
        }
        const texts = graph.chunks.map((c) => c.text);
        const chars = texts.reduce((sum, text) => sum + text.length, 0);
        let vectors: Float32Array[];
        if (sample.has(file)) {
          const tokens = tokenCount(embedded.embedder, texts);
          const t = performance.now();
          vectors = await embedded.embedder.embedPassages(texts);
          timings.embed += performance.now() - t;
          embedding.documents++;
          embedding.chunks += texts.length;
          embedding.chunkChars += chars;
          embedding.tokens = tokens === null || embedding.tokens === null ? null : embedding.tokens + tokens;
        } else {
          vectors = placeholderVectors(texts.length, embedded.embedder.dimensions, i + 1);
        }
        await writeTo(embedded, stores.embedded, graph, vectors);
        if (neo) await writeTo(neo, stores.neo4j, graph, vectors);
        totals.documents++;
        totals.paragraphs += graph.paragraphs.length;
        totals.chunks += texts.length;
        totals.chunkChars += chars;
        totals.mentions += graph.mentions.length;
        totals.observations += graph.observations.length;
        totals.relationships += countRelationships(graph);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if ((i + 1) % 50 === 0) {
          process.stderr.write(`corpus bench: ${i + 1}/${files.length} reports, ${Math.round((performance.now() - started) / 1000)} s\n`);
        }
      }
      const t = performance.now();
      await persistIndex(embedded);
      stores.embedded.writeMs += performance.now() - t;
      stores.embedded.indexMs += performance.now() - t;

      const parseMs = timings.read + timings.structure + timings.extract;
      // Tokens per character of the sample carry the measured rate over to the whole corpus's chunk text.
      const tokensPerSec = embedding.tokens !== null && timings.embed > 0 ? embedding.tokens / (timings.embed / 1000) : null;
      const charsPerSec = timings.embed > 0 ? embedding.chunkChars / (timings.embed / 1000) : null;
      const fullEmbedMs = charsPerSec ? (totals.chunkChars / charsPerSec) * 1000 : null;
      const storeFigures = (tally: StoreTally) => ({
        written: tally.written,
        writeErrors: tally.errors,
        writeMs: Math.round(tally.writeMs),
        vectorIndexMs: Math.round(tally.indexMs),
        relationshipsPerSec: Math.round(totals.relationships / (tally.writeMs / 1000)),
        documentsPerSecWithoutEmbedding: perSecond(tally.written, parseMs + tally.writeMs),
        documentsPerSecWithEmbeddingExtrapolated:
          fullEmbedMs === null ? null : perSecond(tally.written, parseMs + tally.writeMs + fullEmbedMs),
      });

      const result: Record<string, unknown> = {
        reports: files.length,
        unpackMs,
        readErrors: readErrors.length,
        readErrorSamples: readErrors.slice(0, 5),
        totals,
        stagesMs: { read: Math.round(timings.read), structure: Math.round(timings.structure), extract: Math.round(timings.extract) },
        embedSample: {
          embedder: embedded.embedder.mode,
          ...embedding,
          ms: Math.round(timings.embed),
          tokensPerSec: tokensPerSec === null ? null : Math.round(tokensPerSec),
          placeholderVectorsFor: `${totals.documents - embedding.documents} reports (seeded random unit vectors: index size and write cost are real, vector relevance is not measured)`,
        },
        fullCorpusEmbeddingExtrapolated:
          fullEmbedMs === null
            ? null
            : {
                chunkChars: totals.chunkChars,
                tokens: embedding.tokens === null ? null : Math.round(totals.chunkChars * (embedding.tokens / embedding.chunkChars)),
                minutes: Number((fullEmbedMs / 60_000).toFixed(1)),
              },
        embedded: { ...storeFigures(stores.embedded), storeMb: megabytes(await diskUsageBytes(embeddedDir)) },
        neo4j: neo ? storeFigures(stores.neo4j) : { skipped: neo4jTarget },
        wallMs: Math.round(performance.now() - started),
        peakRssMb: megabytes(peakRss),
      };
      if (neo) {
        const after = await diskUsageBytes(neo4jStoreDir);
        Object.assign(
          result.neo4j as object,
          after === null || neo4jBytesBefore === null
            ? { storeMb: `unknown: no Neo4j data folder at ${neo4jStoreDir} (the one npm run neo4j:start keeps under the data folder)` }
            : // Neo4j preallocates its store files: the folder's growth is what the corpus added.
              { storeMb: megabytes(after), storeGrowthMb: megabytes(after - neo4jBytesBefore) },
        );
      }
      const embeddedQueries = await queryLatency(embedded, options.queryRounds);
      const neo4jQueries = neo ? await queryLatency(neo, options.queryRounds) : null;
      result.queries = {
        questions: CORPUS_QUESTIONS.length,
        rounds: options.queryRounds,
        hybridStagesP50P95Ms: stagesSideBySide(embeddedQueries, neo4jQueries),
        embedded: embeddedQueries,
        neo4j: neo4jQueries,
      };
      return result;
    } finally {
      await embedded.close();
      rmSync(embeddedDir, { recursive: true, force: true });
      if (neo) {
        await neo.close();
        process.stderr.write(`corpus bench: wiped the bench's Neo4j database in ${await wipeNeo4j(config.neo4j)} ms\n`);
      }
    }
  });
}
