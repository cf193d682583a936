// GET /api/export?format=graphml|gexf|json|csv: the whole graph as a download. A worker thread writes it to a
// temporary file (memory stays flat, the event loop free), which is then streamed to the client and removed.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import type { Services } from '../../services.ts';
import { EXPORT_CONTENT_TYPES } from '../graph-export.ts';
import { ExportQuery } from '../schemas.ts';
import type { WorkPool } from '../work/pool.ts';

export function exportRouter(services: Services, work: WorkPool, budgetMs: number): Router {
  const router = Router();
  router.get('/export', async (req, res) => {
    const { format } = ExportQuery.parse(req.query);
    const file = join(tmpdir(), `policy-graph-export-${process.pid}-${randomBytes(8).toString('hex')}.${format}`);
    try {
      await work.run({ kind: 'export', config: services.config, format, file }, budgetMs);
      res.setHeader('Content-Type', `${EXPORT_CONTENT_TYPES[format]}; charset=utf-8`);
      res.setHeader('Content-Disposition', `attachment; filename="policy-graph.${format}"`);
      await pipeline(createReadStream(file), res);
    } finally {
      await rm(file, { force: true });
    }
  });
  return router;
}
