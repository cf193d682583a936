// Graph backends side by side: batched write throughput (relationships/s) over a slice of the corpus, and
// graph-retriever latency on the same questions, for the embedded store and Neo4j in one run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import type { GraphStore } from '../../graph/store.ts';
import type { Config } from '../config.ts';
import { defined } from '../domain/defined.ts';
import type { DocumentGraph } from '../domain/schemas.ts';
import { buildDocumentGraph, countRelationships } from '../ingest/pipeline.ts';
import { readDocument } from '../ingest/read.ts';
import { understand } from '../search/understand.ts';
import { CORPUS_REPORTS, withCorpusFiles } from './corpus-files.ts';
import { percentile } from '../eval/percentile.ts';

const GRAPH_QUESTIONS = [
  '哪些任务涉及西湖？',
  '哪些任务涉及钱塘江？',
  '哪些任务涉及长江？',
  '哪些任务涉及黄河？',
  '哪些项目涉及高铁？',
  'Which tasks involve Qiantangjiang?',
];

/** An evenly spread slice of the corpus, parsed once so both backends write identical graphs. */
async function corpusSlice(documents: number): Promise<DocumentGraph[]> {
  return withCorpusFiles(documents, async (files) => {
    const timings = { read: 0, structure: 0, extract: 0, embed: 0, write: 0 };
    const graphs: DocumentGraph[] = [];
    for (const file of files) graphs.push(buildDocumentGraph(await readDocument(file), timings));
    return graphs;
  });
}

async function measureBackend(store: GraphStore, graphs: DocumentGraph[], vectors: Float32Array[][]) {
  let relationships = 0;
  let writeMs = 0;
  for (const [i, graph] of graphs.entries()) {
    const t = performance.now();
    if (await store.writeDocument(graph, defined(vectors[i], 'vectors of a document'))) relationships += countRelationships(graph);
    writeMs += performance.now() - t;
  }
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of GRAPH_QUESTIONS) {
      const t = performance.now();
      const { entities } = await understand(q, store);
      await store.tasksTouching(entities.map((e) => e.id));
      times.push(performance.now() - t);
    }
  }
  return {
    documents: graphs.length,
    relationships,
    writeMs: Math.round(writeMs),
    relationshipsPerSec: Math.round(relationships / (writeMs / 1000)),
    graphRetrieverP50Ms: percentile(times, 50),
    graphRetrieverP95Ms: percentile(times, 95),
  };
}

export async function benchGraphBackends(config: Config, documents: number) {
  const graphs = await corpusSlice(documents);
  // Vectors are part of every write; a fast deterministic embedder keeps the figure about the store.
  const embedder = new LexicalFallbackEmbedder();
  const vectors = await Promise.all(graphs.map((g) => embedder.embedPassages(g.chunks.map((c) => c.text))));
  const embeddedDir = mkdtempSync(join(tmpdir(), 'policy-graph-bench-embedded-'));
  const embedded = openEmbeddedStore(embeddedDir);
  const result: Record<string, unknown> = {
    slice: `${graphs.length} reports, every ${Math.floor(CORPUS_REPORTS / documents)}th of the corpus archive`,
  };
  try {
    result.embedded = await measureBackend(embedded, graphs, vectors);
  } finally {
    await embedded.close();
    rmSync(embeddedDir, { recursive: true, force: true });
  }
  const { openNeo4jStore } = await import('../../graph/neo4j/neo4j-store.ts');
  const neo4j = await openNeo4jStore(config.neo4j).catch((error: Error) => error);
  if (neo4j instanceof Error) {
    result.neo4j = { skipped: neo4j.message };
    return result;
  }
  try {
    for (const g of graphs) await neo4j.deleteDocument(g.document.id);
    result.neo4j = await measureBackend(neo4j, graphs, vectors);
    for (const g of graphs) await neo4j.deleteDocument(g.document.id);
  } finally {
    await neo4j.close();
  }
  return result;
}
