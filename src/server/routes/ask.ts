// GET /api/ask: the same answer the CLI's `ask` prints.
import { Router } from 'express';
import { ask } from '../../app/ask.ts';
import type { Services } from '../../services.ts';
import { fifoGate } from '../fifo-gate.ts';
import { AskQuery } from '../../domain/api-schemas.ts';
import { yieldingStore } from '../yielding-store.ts';

/** Two cores: a few answers in flight keep them busy; more only interleave. */
const ANSWERS_IN_FLIGHT = 4;
const QUESTIONS_WAITING = 1000;

export function askRouter(services: Services): Router {
  const router = Router();
  const gate = fifoGate(ANSWERS_IN_FLIGHT, QUESTIONS_WAITING);
  // One view for every answer: the question linker caches the store's entities per store object.
  const answering = { ...services, store: yieldingStore(services.store) };
  router.get('/ask', async (req, res) => {
    const query = AskQuery.parse(req.query);
    res.json(await gate.run(() => ask(query.q, answering, { k: query.k })));
  });
  return router;
}
