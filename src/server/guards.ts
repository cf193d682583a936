// Request guards written for this app (no extra packages): security headers, a per-client rate limit, and a
// bearer token on write endpoints.
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendError } from './http-error.ts';
import { errorBody } from './http-error.ts';

/**
 * The UI is one origin with no inline scripts; Cytoscape positions its canvases with style attributes, hence
 * 'unsafe-inline' for styles only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
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
    sendError(res, 'rate_limited', `more than ${max} requests in ${windowMs / 1000} s; retry in ${resetSeconds} s`);
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
    sendError(res, 'unauthorized');
  };
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::']);

/** The host name of a Host header or an origin's authority, lower-cased, without port or IPv6 brackets. */
function hostName(authority: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(authority)?.[1];
  return (bracketed ?? authority.replace(/:\d*$/, '')).toLowerCase().replace(/\.$/, '');
}

const isIpLiteral = (name: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':');

/**
 * Refuses requests whose Host names another host than this server's (loopback, the bound address, the configured
 * names): a DNS-rebinding page reaches a loopback server under its own domain name, which this rejects. A server
 * bound to every interface (0.0.0.0) also answers to IP literals, which no DNS answer can rebind.
 */
export function allowedHosts(boundHost: string, configured: string[]): RequestHandler {
  const names = new Set([...LOOPBACK_NAMES, ...configured.map(hostName)]);
  const wildcard = WILDCARD_ADDRESSES.has(boundHost);
  if (!wildcard) names.add(hostName(boundHost.includes(':') ? `[${boundHost}]` : boundHost));
  return (req, res, next) => {
    const name = hostName(req.get('host') ?? '');
    if (names.has(name) || (wildcard && isIpLiteral(name))) return next();
    res
      .status(403)
      .json(
        errorBody(
          'forbidden_host',
          `this server does not answer to the host "${name.slice(0, 100)}"; add it to POLICY_GRAPH_ALLOWED_HOSTS`,
        ),
      );
  };
}

/**
 * Refuses what another site's page makes a browser send: a request marked cross-site or same-site by
 * Sec-Fetch-Site, or one whose Origin is not this server's own (the Host it was sent to). Clients that are no
 * browser (curl, scripts) send neither header and pass; the bearer token guards exposed servers from them.
 */
export function sameOriginOnly(): RequestHandler {
  return (req, res, next) => {
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    let foreign = site !== undefined && site !== 'same-origin' && site !== 'none';
    if (!foreign && origin !== undefined) {
      try {
        foreign = new URL(origin).host.toLowerCase() !== (req.get('host') ?? '').toLowerCase();
      } catch {
        foreign = true; // "null" (a sandboxed frame, a file: page) or garbage
      }
    }
    if (!foreign) return next();
    res
      .status(403)
      .json(errorBody('cross_site', "requests from another site's page are refused; use the PolicyGraph UI or a non-browser client"));
  };
}

/** The media types an upload may carry: the document types the reader accepts, or plain bytes. */
export const UPLOAD_CONTENT_TYPES = [
  'application/octet-stream',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/markdown',
  'text/x-markdown',
  'text/html',
];

/**
 * Uploads must say they are a file: text/plain, application/x-www-form-urlencoded and multipart/form-data (and
 * no type at all) are what a page on another site can send without the browser asking this server first.
 */
export function uploadContentType(): RequestHandler {
  return (req, res, next) => {
    const [mediaType = ''] = (req.get('content-type') ?? '').split(';');
    const type = mediaType.trim().toLowerCase();
    if (UPLOAD_CONTENT_TYPES.includes(type)) return next();
    res
      .status(415)
      .json(
        errorBody(
          'unsupported_media_type',
          `send the file as Content-Type: application/octet-stream (or ${UPLOAD_CONTENT_TYPES.slice(1).join(', ')}), not "${type.slice(0, 100) || 'none'}"`,
        ),
      );
  };
}
