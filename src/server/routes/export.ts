// GET /api/export?format=graphml|gexf|json|csv: the whole graph as a download.
import { Router } from 'express';
import type { Services } from '../../services.ts';
import { toCsv, toGexf, toGraphml, wholeGraph } from '../graph-export.ts';
import { ExportQuery } from '../schemas.ts';

const FORMATS = {
  graphml: { type: 'application/graphml+xml; charset=utf-8', write: toGraphml },
  gexf: { type: 'application/gexf+xml; charset=utf-8', write: toGexf },
  json: { type: 'application/json; charset=utf-8', write: (graph: Parameters<typeof toCsv>[0]) => JSON.stringify(graph) },
  csv: { type: 'text/csv; charset=utf-8', write: toCsv },
} as const;

export const EXPORT_CONTENT_TYPES = Object.fromEntries(Object.entries(FORMATS).map(([k, v]) => [k, v.type.split(';')[0]!]));

export function exportRouter({ store }: Services): Router {
  const router = Router();
  router.get('/export', async (req, res) => {
    const { format } = ExportQuery.parse(req.query);
    const graph = await wholeGraph(store);
    res.setHeader('Content-Type', FORMATS[format].type);
    res.setHeader('Content-Disposition', `attachment; filename="policy-graph.${format}"`);
    res.send(FORMATS[format].write(graph));
  });
  return router;
}
