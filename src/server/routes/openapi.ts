// GET /api/openapi.json: built once, on first request.
import { Router } from 'express';
import { openApiDocument } from '../openapi.ts';

export function openApiRouter(): Router {
  const router = Router();
  let document: Record<string, unknown> | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= openApiDocument();
    res.json(document);
  });
  return router;
}
