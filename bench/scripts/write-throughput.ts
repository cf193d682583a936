// Write throughput of one store, without embedding: documents parsed once (`--prepare`) are written through the
// ingest path's write step (store.writeDocument, then the vector index), so a whole-process timer measures the
// store alone. Vectors come from the lexical embedder, made before the clock starts.
//   npx tsx bench/scripts/write-throughput.ts --prepare 100 --graphs /tmp/graphs.bin   (evenly spread over /work/corpus)
//   npx tsx bench/scripts/write-throughput.ts --graphs /tmp/graphs.bin --store embedded|neo4j
// Neo4j comes from NEO4J_URI (an empty database of its own; the run wipes it). Prints one JSON line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import { evenlySpread } from '../../src/bench/corpus-files.ts';
import { loadConfig } from '../../src/config.ts';
import { defined } from '../../src/domain/defined.ts';
import type { DocumentGraph } from '../../src/domain/schemas.ts';
import { buildDocumentGraph, persistIndex } from '../../src/ingest/pipeline.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { openServices } from '../../src/services.ts';

const Args = z.object({
  graphs: z.string(),
  prepare: z.coerce.number().int().positive().optional(),
  store: z.enum(['embedded', 'neo4j']).default('embedded'),
  corpus: z.string().default('/work/corpus'),
});
const args = Args.parse(
  parseArgs({ options: { graphs: { type: 'string' }, prepare: { type: 'string' }, store: { type: 'string' }, corpus: { type: 'string' } } })
    .values,
);

async function prepare(count: number): Promise<void> {
  const files = execFileSync('find', [args.corpus, '-name', '*.md']).toString().trim().split('\n').sort();
  const timings = { read: 0, structure: 0, extract: 0, embed: 0, write: 0 };
  const graphs: DocumentGraph[] = [];
  for (const file of evenlySpread(files, count)) graphs.push(buildDocumentGraph(await readDocument(file), timings));
  writeFileSync(args.graphs, serialize(graphs));
  console.log(JSON.stringify({ prepared: graphs.length, parseMs: Math.round(timings.read + timings.structure + timings.extract) }));
}

async function write(): Promise<void> {
  const graphs = deserialize(readFileSync(args.graphs)) as DocumentGraph[];
  const embedder = new LexicalFallbackEmbedder();
  const embedded = await Promise.all(
    graphs.map(async (graph) => ({ graph, vectors: await embedder.embedPassages(graph.chunks.map((c) => c.text)) })),
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'policy-graph-write-bench-'));
  const config = { ...loadConfig({ data: dataDir }), graph: args.store };
  const services = await openServices(config, { embedder });
  const totals = { written: 0, errors: [] as string[], storeMs: 0, indexMs: 0, persistMs: 0 };
  try {
    if ((await services.store.counts()).documents > 0) throw new Error('the store is not empty');
    const started = performance.now();
    for (const { graph, vectors } of embedded) {
      let t = performance.now();
      // A document the store refuses counts against the figure's time, as in the corpus bench.
      const written = await services.store.writeDocument(graph, vectors).catch((error: Error) => {
        totals.errors.push(`${graph.document.sourcePath}: ${error.message.split('\n')[0]}`);
        return false;
      });
      totals.storeMs += performance.now() - t;
      if (!written) continue;
      totals.written++;
      t = performance.now();
      await services.index.add(
        graph.chunks.map((c, k) => ({ id: c.id, documentId: c.documentId, vector: defined(vectors[k], 'vector of a chunk') })),
      );
      totals.indexMs += performance.now() - t;
    }
    const t = performance.now();
    await persistIndex(services);
    totals.persistMs = performance.now() - t;
    const ms = performance.now() - started;
    console.log(
      JSON.stringify({
        store: args.store,
        documents: totals.written,
        ms: Math.round(ms),
        documentsPerSec: Number((totals.written / (ms / 1000)).toFixed(2)),
        storeMs: Math.round(totals.storeMs),
        indexMs: Math.round(totals.indexMs),
        persistMs: Math.round(totals.persistMs),
        errors: totals.errors,
        load: (await import('node:os'))
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
      }),
    );
  } finally {
    if (args.store === 'neo4j') for (const g of graphs) await services.store.deleteDocument(g.document.id);
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await (args.prepare ? prepare(args.prepare) : write());
