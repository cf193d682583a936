// GET /api/health: is the store reachable, which model embeds questions, and how big the vector index is.
import { Router } from 'express';
import type { Services } from '../../services.ts';

export function healthRouter(services: Pick<Services, 'store' | 'embedder' | 'index' | 'vectorMismatch'>): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const { store, embedder, index } = services;
    const [counts, generation, size] = await Promise.all([store.counts(), store.generation(), index.size()]);
    res.json({
      ok: true,
      store: { kind: store.kind, ...counts, generation },
      model: {
        id: embedder.modelId,
        mode: embedder.mode,
        semanticSearch: embedder.mode === 'semantic' && !services.vectorMismatch ? 'on' : 'off',
        vectorMismatch: services.vectorMismatch,
      },
      index: { kind: index.kind, size, dimensions: index.dimensions },
    });
  });
  return router;
}
