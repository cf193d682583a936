// What the server's worker threads run: checking a draft, exporting the graph and preparing an upload (read,
// structure, extract). Each is CPU-bound work that would otherwise stop the event loop for seconds. The store is
// opened read-only, once per worker; writes stay with the main thread, the data folder's single writer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphStore } from '../../../graph/store.ts';
import { SqliteGraphStore } from '../../../graph/embedded/sqlite-store.ts';
import type { Config } from '../../config.ts';
import { checkDraft } from '../../consistency/check.ts';
import { extractClaims } from '../../consistency/claims.ts';
import type { CheckReport, CheckRequest } from '../../consistency/report.ts';
import { prepareDocument, type PreparedDocument } from '../../ingest/pipeline.ts';
import { openStore } from '../../services.ts';
import { EXPORT_FORMATS, type ExportFormatName } from '../../export/formats.ts';
import { exportGraph } from '../../export/whole-graph.ts';

export type HeavyTask =
  | { kind: 'check'; config: Config; request: CheckRequest }
  | { kind: 'export'; config: Config; format: ExportFormatName; documentId: string | undefined; file: string }
  | { kind: 'prepare'; file: string; sourcePath: string }
  /** Loads the modules and the dictionaries extraction builds on first use (seconds on a busy machine). */
  | { kind: 'warm' };

export interface HeavyResults {
  check: CheckReport;
  export: { nodes: number; edges: number };
  prepare: PreparedDocument;
  warm: null;
}

let store: Promise<GraphStore> | undefined;

function readOnlyStore(config: Config): Promise<GraphStore> {
  store ??= config.graph === 'embedded'
    ? Promise.resolve(new SqliteGraphStore(join(config.dataDir, 'graph.sqlite'), true))
    : openStore(config);
  return store;
}

/** Renders the export into `file`: the worker may block on rendering and disk, the server's event loop does not. */
async function exportToFile(graphStore: GraphStore, format: ExportFormatName, documentId: string | undefined, file: string): Promise<{ nodes: number; edges: number }> {
  const graph = await exportGraph(graphStore, documentId);
  if (!graph) throw new Error(`no document with id ${documentId}`);
  writeFileSync(file, EXPORT_FORMATS[format].render(graph), { mode: 0o600 });
  return { nodes: graph.nodes.length, edges: graph.edges.length };
}

export default async function runTask(task: HeavyTask): Promise<HeavyResults[HeavyTask['kind']]> {
  switch (task.kind) {
    case 'check':
      return checkDraft(await readOnlyStore(task.config), task.request);
    case 'export':
      return exportToFile(await readOnlyStore(task.config), task.format, task.documentId, task.file);
    case 'prepare':
      return prepareDocument(task.file, task.sourcePath);
    case 'warm':
      extractClaims('2019年新建农村公路100公里，建成美丽乡村示范村10个。');
      return null;
  }
}
