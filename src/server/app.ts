// Express app: the web UI (web/, built on first use) and the JSON API over the same services the CLI uses;
// inputs validated with zod.
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { EntityType } from '../domain/schemas.ts';
import { ask } from '../search/answer.ts';
import type { Services } from '../services.ts';
import { ensureWebBuilt, WEB_DIST } from '../../web/build.ts';

const AskQuery = z.object({ q: z.string().trim().min(1).max(2000), k: z.coerce.number().int().min(1).max(100).default(10) });
const EntitiesQuery = z.object({ type: EntityType.optional(), match: z.string().max(200).optional() });
const ObservationsQuery = z.object({ indicator: z.string().max(200).optional(), document: z.string().max(200).optional() });
const NodeId = z.string().trim().min(1).max(200);
const PathsQuery = z.object({ from: NodeId, to: NodeId, maxHops: z.coerce.number().int().min(1).max(8).default(4) });

export function createApp(services: Services): express.Express {
  const app = express();
  const { store } = services;
  /** A node alone: a neighbourhood of depth 0 is just its start, in every store. */
  const findNode = async (id: string) => (await store.neighbourhood(id, { depth: 0 })).nodes[0];
  const notFound = (res: Response, id: string) => res.status(404).json({ error: `no node with id ${id}` });
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
  app.get('/api/nodes/:id', async (req, res) => {
    const id = NodeId.parse(req.params.id);
    const node = await findNode(id);
    if (node) res.json(node);
    else notFound(res, id);
  });
  app.get('/api/paths', async (req, res) => {
    const query = PathsQuery.parse(req.query);
    const path = await store.paths(query.from, query.to, query.maxHops);
    // An empty path means no connection within maxHops, unless an end does not exist at all.
    const missing = path.nodes.length ? undefined : (await findNode(query.from)) ? (await findNode(query.to)) ? undefined : query.to : query.from;
    if (missing) notFound(res, missing);
    else res.json(path);
  });
  app.get('/api/nodes/:id/neighbourhood', async (req, res) => {
    const depth = z.coerce.number().int().min(1).max(3).default(1).parse(req.query.depth);
    res.json(await store.neighbourhood(req.params.id, { depth }));
  });
  app.use('/api', (req, res) => {
    res.status(404).json({ error: `no route ${req.method} ${req.originalUrl}` });
  });
  app.use(async (_req, _res, next) => {
    await ensureWebBuilt();
    next();
  });
  app.use(express.static(WEB_DIST));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof z.ZodError) {
      res.status(400).json({ error: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    res.status(500).json({ error: error instanceof Error ? error.message : String(error) });
  });
  return app;
}
