// The process the crash trials SIGKILL: the CLI's `ingest` (same services, write lock, vector index and use case)
// with the lexical embedder, so that a trial does not pay seconds for loading transformers.js. Prints "ready" once
// the stores are open, so the parent can aim its kill at the ingest itself rather than at start-up.
// Usage: node --import tsx/esm crash-ingest-child.ts <embedded|neo4j> <dataDir> <file>...
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import { ingestFiles } from '../../src/app/ingest.ts';
import { loadConfig } from '../../src/config.ts';
import { buildDocumentGraph } from '../../src/ingest/pipeline.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { openServices } from '../../src/services.ts';

const [graph, data, ...files] = process.argv.slice(2);
const [warmUpFile] = files;
if (!warmUpFile) throw new Error('usage: crash-ingest-child.ts <embedded|neo4j> <dataDir> <file>...');
const services = await openServices(loadConfig({ graph, data }), { embedder: new LexicalFallbackEmbedder() });
// Warm up (dictionaries load on first use), so that kills are spread over the writes, not over loading.
buildDocumentGraph(await readDocument(warmUpFile), { read: 0, structure: 0, extract: 0, embed: 0, write: 0 });
process.stdout.write('ready\n');
const report = await ingestFiles(files, services);
await services.close();
process.stdout.write(`${JSON.stringify({ documents: report.documents.length, errors: report.errors })}\n`);
