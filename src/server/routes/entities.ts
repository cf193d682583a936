// GET /api/entities (search) and /api/entities/:id (one entity with its mentions and the paragraphs they sit in).
import { Router } from 'express';
import type { GraphReader } from '../../../graph/store.ts';
import { entityDetails, findEntities } from '../../app/explore.ts';
import { EntitiesQuery, IdParams } from '../../domain/api-schemas.ts';

export function entitiesRouter({ store }: { store: GraphReader }): Router {
  const router = Router();
  router.get('/entities', async (req, res) => {
    res.json({ entities: await findEntities(store, EntitiesQuery.parse(req.query)) });
  });
  router.get('/entities/:id', async (req, res) => {
    res.json(await entityDetails(store, IdParams.parse(req.params).id));
  });
  return router;
}
