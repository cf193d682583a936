// GET /api/graph/neighborhood (capped, the cap reported) and /api/graph/path (the preferred shortest path).
import { Router } from 'express';
import type { GraphReader } from '../../../graph/store.ts';
import { neighbourhood, path } from '../../app/explore.ts';
import { isNodeLabel } from '../../domain/graph-labels.ts';
import { NeighborhoodQuery, PathQuery } from '../../domain/api-schemas.ts';

export function graphRouter({ store }: { store: GraphReader }): Router {
  const router = Router();
  router.get('/graph/neighborhood', async (req, res) => {
    const { id, depth, limit, types } = NeighborhoodQuery.parse(req.query);
    res.json(await neighbourhood(store, { id, depth, limit, labels: types?.split(',').filter(isNodeLabel) }));
  });
  router.get('/graph/path', async (req, res) => {
    res.json(await path(store, PathQuery.parse(req.query)));
  });
  return router;
}
