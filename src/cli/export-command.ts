// `policy-graph export`: the graph (or one document's) as GraphML, GEXF, JSON or neo4j-admin CSV, to a file,
// a folder (CSV: nodes.csv and relationships.csv) or standard output.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphStore } from '../../graph/store.ts';
import { EXPORT_FORMATS, type ExportFormatName } from '../export/formats.ts';
import { toNeo4jCsv } from '../export/neo4j-csv.ts';
import { exportGraph } from '../app/export.ts';
import { UsageError } from './usage.ts';

export interface ExportRequest {
  format: ExportFormatName;
  documentId?: string;
  out?: string;
  /** --json: standard output must hold exactly one JSON document. */
  json: boolean;
}

export interface ExportSummary {
  format: ExportFormatName;
  files: string[];
  nodes: number;
  edges: number;
}

const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** Writes the export; returns a summary when it went to files, undefined when it went to standard output. */
export async function runExport(store: GraphStore, request: ExportRequest): Promise<ExportSummary | undefined> {
  const { format, documentId, out } = request;
  if (!out && request.json && format !== 'json')
    throw new UsageError(`export --json --format ${format} needs --out: standard output would not be JSON`);
  const graph = await exportGraph(store, documentId);
  if (!graph) throw new Error(`no document with id ${documentId}`);
  const counts = { format, nodes: graph.nodes.length, edges: graph.edges.length };
  if (format === 'csv' && out && isFolder(out)) {
    const files = Object.entries(toNeo4jCsv(graph)).map(([name, text]) => {
      writeFileSync(join(out, name), text);
      return join(out, name);
    });
    return { ...counts, files };
  }
  const body = EXPORT_FORMATS[format].render(graph);
  if (!out) {
    process.stdout.write(body);
    return undefined;
  }
  writeFileSync(out, body);
  return { ...counts, files: [out] };
}
