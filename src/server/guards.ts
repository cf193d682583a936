// Request guards written for this app (no extra packages): security headers, a per-client rate limit, and a
// bearer token on write endpoints.
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errorBody } from './http-error.ts';

/**
 * The UI is one origin with no inline scripts; Cytoscape positions its canvases with style attributes, hence
 * 'unsafe-inline' for styles only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    next();
  };
}

export interface RateLimit {
  /** Requests one client may make per window. */
  max: number;
  windowMs: number;
}

/** Fixed windows per client address: cheap, and enough to stop a runaway script from starving the others. */
export function rateLimit({ max, windowMs }: RateLimit): RequestHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return (req, res, next) => {
    const now = Date.now();
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let window = windows.get(client);
    if (!window || now - window.start >= windowMs) {
      if (windows.size > 10_000) windows.clear(); // forget idle clients instead of growing without bound
      window = { start: now, count: 0 };
      windows.set(client, window);
    }
    window.count++;
    const resetSeconds = Math.ceil((window.start + windowMs - now) / 1000);
    res.setHeader('RateLimit-Limit', String(max));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, max - window.count)));
    res.setHeader('RateLimit-Reset', String(resetSeconds));
    if (window.count <= max) return next();
    res.setHeader('Retry-After', String(resetSeconds));
    res.status(429).json(errorBody('rate_limited', `more than ${max} requests in ${windowMs / 1000} s; retry in ${resetSeconds} s`));
  };
}

/** Without a configured token every request may write (a local, loopback-bound install); with one, writes need it. */
export function requireToken(token: string | undefined): RequestHandler {
  const expected = token ? Buffer.from(token) : null;
  return (req: Request, res: Response, next: NextFunction) => {
    if (!expected) return next();
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    const given = Buffer.from(match?.[1] ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(401).json(errorBody('unauthorized', 'this endpoint needs Authorization: Bearer <POLICY_GRAPH_TOKEN>'));
  };
}
