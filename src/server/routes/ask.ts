// GET /api/ask: the same answer the CLI's `ask` prints.
import { Router } from 'express';
import { ask } from '../../search/answer.ts';
import type { Services } from '../../services.ts';
import { AskQuery } from '../schemas.ts';

export function askRouter(services: Services): Router {
  const router = Router();
  router.get('/ask', async (req, res) => {
    const query = AskQuery.parse(req.query);
    res.json(await ask(query.q, services, { k: query.k }));
  });
  return router;
}
