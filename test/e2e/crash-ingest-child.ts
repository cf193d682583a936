// The process the crash trials SIGKILL: the CLI's `ingest` (same store, vector index and pipeline) with the
// lexical embedder, so that a trial does not pay seconds for loading transformers.js. Prints "ready" once the
// stores are open, so the parent can aim its kill at the ingest itself rather than at start-up.
// Usage: node --import tsx/esm crash-ingest-child.ts <embedded|neo4j> <dataDir> <file>...
import { join } from 'node:path';
import { openHnswIndex } from '../../embeddings/hnsw-index.ts';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import { loadConfig } from '../../src/config.ts';
import { buildDocumentGraph, ingestPaths } from '../../src/ingest/pipeline.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { openStore } from '../../src/services.ts';

const [graph, data, ...files] = process.argv.slice(2);
const config = loadConfig({ graph, data });
const store = await openStore(config);
const embedder = new LexicalFallbackEmbedder();
const storeKeepsVectors = config.graph === 'neo4j';
const index = storeKeepsVectors
  ? await (await import('../../graph/neo4j/vector-index.ts')).openNeo4jVectorIndex(config.neo4j, embedder.dimensions)
  : await openHnswIndex({ dir: join(config.dataDir, 'vectors'), dimensions: embedder.dimensions });
// Warm up (dictionaries load on first use), so that kills are spread over the writes, not over loading.
buildDocumentGraph(await readDocument(files[0]!), { read: 0, structure: 0, extract: 0, embed: 0, write: 0 });
process.stdout.write('ready\n');
const report = await ingestPaths(files, { store, embedder, index, storeKeepsVectors });
await index.close();
await store.close();
process.stdout.write(`${JSON.stringify({ documents: report.documents.length, errors: report.errors })}\n`);
