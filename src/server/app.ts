// Express app: the JSON API under /api (one router per concern in routes/) and the web UI (web/, built on first
// use). Guards apply in order: security headers, the Host check (DNS rebinding), same-origin writes and exports,
// upload media types, rate limit, body limits; write routes add the bearer token.
import express, { type Express } from 'express';
import type { Services } from '../services.ts';
import { ensureWebBuilt, WEB_DIST } from '../../web/build.ts';
import { allowedHosts, rateLimit, sameOriginOnly, securityHeaders, uploadContentType, type RateLimit } from './guards.ts';
import { AppError } from '../domain/errors.ts';
import { errorHandler } from './http-error.ts';
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
import { workerDocumentWork } from './work/document-work.ts';
import { workPool, type WorkPool } from './work/pool.ts';

export interface AppOptions {
  /** Bearer token for write endpoints; defaults to the configured POLICY_GRAPH_TOKEN. */
  token?: string;
  rateLimit?: RateLimit;
  /** Largest JSON body (a pasted draft) in bytes. */
  jsonBytes?: number;
  /** Largest uploaded document in bytes. */
  uploadBytes?: number;
  /** Time budgets (ms) of the requests that run in worker threads; past one the request fails with 504. */
  budgetsMs?: Partial<typeof DEFAULT_BUDGETS_MS>;
  /** The worker threads to run them in (one per app by default). */
  work?: WorkPool;
}

const DEFAULT_BUDGETS_MS = { check: 60_000, export: 300_000, prepare: 120_000 };

const DEFAULT_JSON_BYTES = 1024 * 1024;
const DEFAULT_UPLOAD_BYTES = 20 * 1024 * 1024;

export function createApp(services: Services, options: AppOptions = {}): Express {
  const work = options.work ?? workPool();
  work.warm();
  const budgets = { ...DEFAULT_BUDGETS_MS, ...options.budgetsMs };
  const documentWork = workerDocumentWork(services, work, budgets.prepare);
  const uploading = { ...services, documentWork };
  const app = express();
  const crossSite = sameOriginOnly();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(allowedHosts(services.config.host, services.config.allowedHosts));
  // Writes, and the download of the whole graph, only from this server's own pages (or from no browser at all).
  app.use('/api', (req, res, next) =>
    (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') && req.path !== '/export'
      ? next()
      : crossSite(req, res, next),
  );
  app.post('/api/documents', uploadContentType());
  app.use('/api', rateLimit(options.rateLimit ?? { max: services.config.rateLimitPerMinute, windowMs: 60_000 }));
  app.use('/api', express.json({ limit: options.jsonBytes ?? DEFAULT_JSON_BYTES }));
  app.use(
    '/api',
    healthRouter(services),
    openApiRouter(),
    askRouter(services),
    entitiesRouter(services),
    graphRouter(services),
    indicatorsRouter(services),
    documentsRouter(uploading, {
      token: options.token ?? services.config.apiToken,
      uploadBytes: options.uploadBytes ?? DEFAULT_UPLOAD_BYTES,
    }),
    documentReaderRouter(services),
    exportRouter(services, work, budgets.export),
    consistencyRouter(services, work, budgets.check),
  );
  app.use('/api', (req) => {
    throw new AppError('not_found', `no route ${req.method} ${req.originalUrl.split('?')[0]}`);
  });
  app.use(async (_req, _res, next) => {
    await ensureWebBuilt();
    next();
  });
  app.use(express.static(WEB_DIST));
  app.use(errorHandler);
  return app;
}
