// Express app: the JSON API under /api (one router per concern in routes/) and the web UI (web/, built on first
// use). Guards apply in order: security headers, rate limit, body limits; write routes add the bearer token.
import express, { type Express } from 'express';
import type { Services } from '../services.ts';
import { ensureWebBuilt, WEB_DIST } from '../../web/build.ts';
import { rateLimit, securityHeaders, type RateLimit } from './guards.ts';
import { errorHandler, HttpError } from './http-error.ts';
import { askRouter } from './routes/ask.ts';
import { consistencyRouter } from './routes/consistency.ts';
import { documentReaderRouter } from './routes/document-reader.ts';
import { documentsRouter } from './routes/documents.ts';
import { entitiesRouter } from './routes/entities.ts';
import { exportRouter } from './routes/export.ts';
import { graphRouter } from './routes/graph.ts';
import { healthRouter } from './routes/health.ts';
import { indicatorsRouter } from './routes/indicators.ts';
import { openApiRouter } from './routes/openapi.ts';

export interface AppOptions {
  /** Bearer token for write endpoints; defaults to the configured POLICY_GRAPH_TOKEN. */
  token?: string;
  rateLimit?: RateLimit;
  /** Largest JSON body (a pasted draft) in bytes. */
  jsonBytes?: number;
  /** Largest uploaded document in bytes. */
  uploadBytes?: number;
}

const DEFAULT_JSON_BYTES = 1024 * 1024;
const DEFAULT_UPLOAD_BYTES = 20 * 1024 * 1024;

export function createApp(services: Services, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use('/api', rateLimit(options.rateLimit ?? { max: services.config.rateLimitPerMinute, windowMs: 60_000 }));
  app.use('/api', express.json({ limit: options.jsonBytes ?? DEFAULT_JSON_BYTES }));
  app.use('/api',
    healthRouter(services),
    openApiRouter(),
    askRouter(services),
    entitiesRouter(services),
    graphRouter(services),
    indicatorsRouter(services),
    documentsRouter(services, { token: options.token ?? services.config.apiToken, uploadBytes: options.uploadBytes ?? DEFAULT_UPLOAD_BYTES }),
    documentReaderRouter(services),
    exportRouter(services),
    consistencyRouter(services),
  );
  app.use('/api', (req) => {
    throw new HttpError(404, 'not_found', `no route ${req.method} ${req.originalUrl.split('?')[0]}`);
  });
  app.use(async (_req, _res, next) => {
    await ensureWebBuilt();
    next();
  });
  app.use(express.static(WEB_DIST));
  app.use(errorHandler);
  return app;
}
