// GET /api/export?format=graphml|gexf|json|csv[&document=ID]: the graph as a download.
import { Router } from 'express';
import type { Services } from '../../services.ts';
import { EXPORT_FORMATS } from '../../export/formats.ts';
import { exportGraph } from '../../export/whole-graph.ts';
import { notFound } from '../http-error.ts';
import { ExportQuery } from '../schemas.ts';

export function exportRouter({ store }: Services): Router {
  const router = Router();
  router.get('/export', async (req, res) => {
    const { format, document } = ExportQuery.parse(req.query);
    const graph = await exportGraph(store, document);
    if (!graph) throw notFound(`no document with id ${document}`);
    const { contentType, extension, render } = EXPORT_FORMATS[format];
    const body = render(graph);
    res.setHeader('Content-Type', typeof body === 'string' ? `${contentType}; charset=utf-8` : contentType);
    res.setHeader('Content-Disposition', `attachment; filename="policy-graph.${extension}"`);
    res.send(typeof body === 'string' ? body : Buffer.from(body));
  });
  return router;
}
