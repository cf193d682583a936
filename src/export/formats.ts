// The export formats, shared by `policy-graph export` and GET /api/export.
import type { Subgraph } from '../../graph/store.ts';
import { toGexf } from './gexf.ts';
import { toGraphml } from './graphml.ts';
import { toNeo4jCsvZip } from './neo4j-csv.ts';

export interface ExportFormat {
  contentType: string;
  /** The download's file name after "policy-graph". */
  extension: string;
  render(graph: Subgraph): string | Uint8Array;
}

export const EXPORT_FORMATS = {
  graphml: { contentType: 'application/graphml+xml', extension: 'graphml', render: toGraphml },
  gexf: { contentType: 'application/gexf+xml', extension: 'gexf', render: toGexf },
  json: { contentType: 'application/json', extension: 'json', render: (graph: Subgraph) => JSON.stringify(graph) },
  // Two files (nodes, relationships) as neo4j-admin imports them, zipped.
  csv: { contentType: 'application/zip', extension: 'csv.zip', render: toNeo4jCsvZip },
} as const satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;
