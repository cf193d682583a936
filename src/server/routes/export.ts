// GET /api/export?format=graphml|gexf|json|csv[&document=ID]: the graph as a download. A worker thread renders it
// into a temporary file (the event loop stays free), which is then streamed to the client and removed.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import { EXPORT_FORMATS } from '../../export/formats.ts';
import type { Services } from '../../services.ts';
import { notFound } from '../../domain/errors.ts';
import { ExportQuery } from '../../domain/api-schemas.ts';
import type { WorkPool } from '../work/pool.ts';

export function exportRouter(services: Services, work: WorkPool, budgetMs: number): Router {
  const router = Router();
  router.get('/export', async (req, res) => {
    const { format, document } = ExportQuery.parse(req.query);
    if (document !== undefined && !(await services.store.hasDocument(document))) throw notFound(`no document with id ${document}`);
    const { contentType, extension } = EXPORT_FORMATS[format];
    const file = join(tmpdir(), `policy-graph-export-${process.pid}-${randomBytes(8).toString('hex')}.${extension}`);
    try {
      await work.run({ kind: 'export', config: services.config, format, documentId: document, file }, budgetMs);
      res.setHeader('Content-Type', format === 'csv' ? contentType : `${contentType}; charset=utf-8`);
      res.setHeader('Content-Disposition', `attachment; filename="policy-graph.${extension}"`);
      await pipeline(createReadStream(file), res);
    } finally {
      await rm(file, { force: true });
    }
  });
  return router;
}
