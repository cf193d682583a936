// HTTP surface of the consistency checks: POST /check (a draft → its claims with verdicts) and GET /track
// (earlier targets against later results). Mounted under /api by the app; zod errors become 400s there.
// A check reads the whole draft through the extractors: it runs in a worker thread, within a time budget.
import express from 'express';
import { CheckRequest, TrackQuery } from '../../consistency/report.ts';
import { trackTargets } from '../../app/track.ts';
import type { Services } from '../../services.ts';
import type { WorkPool } from '../work/pool.ts';

export function consistencyRouter(services: Services, work: WorkPool, budgetMs: number): express.Router {
  const router = express.Router();
  router.post('/check', express.json({ limit: '2mb' }), async (req, res) => {
    const request = CheckRequest.parse(req.body);
    const report = await work.run({ kind: 'check', config: services.config, request }, budgetMs);
    // Already JSON; end() rather than send(), which would hash tens of MB for an ETag no client of a POST uses.
    res.type('json').end(report);
  });
  router.get('/track', async (req, res) => {
    const query = TrackQuery.parse(req.query);
    res.json(await trackTargets(services.store, query));
  });
  return router;
}
