// Express app: a status page and the JSON API over the same services the CLI uses; inputs validated with zod.
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { EntityType } from '../domain/schemas.ts';
import { ask } from '../search/answer.ts';
import type { Services } from '../services.ts';
import { statusPage } from './status-page.ts';

const AskQuery = z.object({ q: z.string().trim().min(1).max(2000), k: z.coerce.number().int().min(1).max(100).default(10) });
const EntitiesQuery = z.object({ type: EntityType.optional(), match: z.string().max(200).optional() });
const ObservationsQuery = z.object({ indicator: z.string().max(200).optional(), document: z.string().max(200).optional() });

export function createApp(services: Services): express.Express {
  const app = express();
  const { store } = services;
  app.get('/', async (_req, res) => {
    res.type('html').send(statusPage(await store.listDocuments(), await store.counts(), services.embedder.mode));
  });
  app.get('/api/health', async (_req, res) => {
    res.json({ ok: true, graph: store.kind, semanticSearch: services.embedder.mode === 'semantic' ? 'on' : 'off', ...(await store.counts()) });
  });
  app.get('/api/documents', async (_req, res) => {
    res.json({ documents: await store.listDocuments() });
  });
  app.get('/api/ask', async (req, res) => {
    const query = AskQuery.parse(req.query);
    res.json(await ask(query.q, services, { k: query.k }));
  });
  app.get('/api/entities', async (req, res) => {
    const query = EntitiesQuery.parse(req.query);
    res.json({ entities: await store.entities(query) });
  });
  app.get('/api/observations', async (req, res) => {
    const query = ObservationsQuery.parse(req.query);
    res.json({ observations: await store.observations({ indicator: query.indicator, documentId: query.document }) });
  });
  app.get('/api/nodes/:id/neighbourhood', async (req, res) => {
    const depth = z.coerce.number().int().min(1).max(3).default(1).parse(req.query.depth);
    res.json(await store.neighbourhood(req.params.id, { depth }));
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof z.ZodError) {
      res.status(400).json({ error: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    res.status(500).json({ error: error instanceof Error ? error.message : String(error) });
  });
  return app;
}
