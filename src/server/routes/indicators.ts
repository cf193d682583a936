// GET /api/indicators/:id/timeline: an indicator's observations over periods, across documents, in time order.
import { Router } from 'express';
import type { GraphReader } from '../../../graph/store.ts';
import { indicatorTimeline } from '../../app/explore.ts';
import { IdParams } from '../../domain/api-schemas.ts';

export function indicatorsRouter({ store }: { store: GraphReader }): Router {
  const router = Router();
  router.get('/indicators/:id/timeline', async (req, res) => {
    res.json(await indicatorTimeline(store, IdParams.parse(req.params).id));
  });
  return router;
}
