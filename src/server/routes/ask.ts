// GET /api/ask: the same answer the CLI's `ask` prints.
import { Router } from 'express';
import { ask } from '../../search/answer.ts';
import type { Services } from '../../services.ts';
import { fifoGate } from '../fifo-gate.ts';
import { AskQuery } from '../schemas.ts';

/** Two cores: a few answers in flight keep them busy; more only interleave. */
const ANSWERS_IN_FLIGHT = 4;
const QUESTIONS_WAITING = 1000;

export function askRouter(services: Services): Router {
  const router = Router();
  const gate = fifoGate(ANSWERS_IN_FLIGHT, QUESTIONS_WAITING);
  router.get('/ask', async (req, res) => {
    const query = AskQuery.parse(req.query);
    res.json(await gate.run(() => ask(query.q, services, { k: query.k })));
  });
  return router;
}
