// What the server's worker threads run: checking a draft, exporting the graph, preparing an upload (read,
// structure, extract) and writing it to the embedded store. Each is work that would otherwise stop the event loop
// for seconds (one transaction of 50,000 paragraphs is synchronous SQLite work). The store is opened once per
// worker, read-only for reading; an upload is written on the worker's own connection while the main thread holds
// the data folder's write lock for it, so it stays the single writer.
import { writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import { vectorViews } from '../../../embeddings/vector-math.ts';
import { kTransferable, kValue, markMovable } from 'tinypool';
import type { GraphStore } from '../../../graph/store.ts';
import type { DocumentGraph } from '../../domain/schemas.ts';
import { openEmbeddedStore, SqliteGraphStore } from '../../../graph/embedded/sqlite-store.ts';
import type { Config } from '../../config.ts';
import { checkDraft } from '../../app/check.ts';
import { extractClaims } from '../../consistency/claims.ts';
import type { CheckRequest } from '../../consistency/report.ts';
import { prepareDocument, type DocumentOutline, type PreparedDocument } from '../../ingest/pipeline.ts';
import { packChunks, type PackedChunks } from './packed-chunks.ts';
import { openStore } from '../../services.ts';
import { EXPORT_FORMATS, type ExportFormatName } from '../../export/formats.ts';
import { exportGraph } from '../../app/export.ts';

export type HeavyTask =
  | { kind: 'check'; config: Config; request: CheckRequest }
  | { kind: 'export'; config: Config; format: ExportFormatName; documentId: string | undefined; file: string }
  | { kind: 'prepare'; file: string; sourcePath: string }
  /** `graph` as `prepare` serialized it, `vectors` packed one after another (`dimensions` each): one byte array is
   * copied to a worker in milliseconds, 50,000 paragraphs or vectors as objects took a second of the main thread. */
  | { kind: 'write'; dataDir: string; graph: Uint8Array; vectors: Float32Array; dimensions: number }
  /** Loads the modules and the dictionaries extraction builds on first use (seconds on a busy machine). */
  | { kind: 'warm' };

export interface HeavyResults {
  /** The report as UTF-8 JSON, ready to send: a long draft's report is tens of MB (26 MB for 190,000 characters),
   * and serializing it on the main thread held the event loop for a fifth of a second. */
  check: Uint8Array<ArrayBuffer>;
  export: { nodes: number; edges: number };
  /** The outline's chunks travel packed (packed-chunks.ts); the graph as `v8.serialize` bytes, read only by the writing worker. */
  prepare: Omit<PreparedDocument<Uint8Array>, 'outline'> & { outline: Omit<DocumentOutline, 'chunks'>; chunks: PackedChunks };
  write: boolean;
  warm: null;
}

let store: Promise<GraphStore> | undefined;

function readOnlyStore(config: Config): Promise<GraphStore> {
  store ??=
    config.graph === 'embedded' ? Promise.resolve(new SqliteGraphStore(join(config.dataDir, 'graph.sqlite'), true)) : openStore(config);
  return store;
}

/** Renders the export into `file`: the worker may block on rendering and disk, the server's event loop does not. */
async function exportToFile(
  graphStore: GraphStore,
  format: ExportFormatName,
  documentId: string | undefined,
  file: string,
): Promise<{ nodes: number; edges: number }> {
  const graph = await exportGraph(graphStore, documentId);
  if (!graph) throw new Error(`no document with id ${documentId}`);
  writeFileSync(file, EXPORT_FORMATS[format].render(graph), { mode: 0o600 });
  return { nodes: graph.nodes.length, edges: graph.edges.length };
}

/**
 * The result with its buffers moved to the main thread rather than copied: receiving the 14 MB graph of a
 * 40,000-line upload as a copy held the event loop about 70 ms. tinypool unwraps the result before posting it, so
 * the caller receives the result itself; its own typing does not say so, hence the cast.
 */
function moving<T extends object>(result: T, buffers: ArrayBuffer[]): T {
  const movable = { [kTransferable]: buffers, [kValue]: result };
  markMovable(movable);
  return movable as unknown as T;
}

export default async function runTask(task: HeavyTask): Promise<HeavyResults[HeavyTask['kind']]> {
  switch (task.kind) {
    case 'check': {
      const json = new TextEncoder().encode(JSON.stringify(await checkDraft(await readOnlyStore(task.config), task.request)));
      return moving(json, [json.buffer]);
    }
    case 'export':
      return exportToFile(await readOnlyStore(task.config), task.format, task.documentId, task.file);
    case 'prepare': {
      const {
        outline: { chunks, ...outline },
        graph,
        timings,
      } = await prepareDocument(task.file, task.sourcePath);
      const packedChunks = packChunks(outline.id, chunks);
      const bytes = serialize(graph);
      return moving({ outline, chunks: packedChunks, graph: bytes, timings }, [
        bytes.buffer as ArrayBuffer,
        packedChunks.idEnds.buffer,
        packedChunks.textEnds.buffer,
      ]);
    }
    case 'write': {
      // Opened for each write and closed after it: a connection left open in a worker would keep the store in WAL
      // mode when the server closes its own (a read-only folder could then not read it).
      const writable = openEmbeddedStore(task.dataDir);
      try {
        return await writable.writeDocument(deserialize(task.graph) as DocumentGraph, vectorViews(task.vectors, task.dimensions));
      } finally {
        await writable.close();
      }
    }
    case 'warm':
      extractClaims('2019年新建农村公路100公里，建成美丽乡村示范村10个。');
      return null;
  }
}
