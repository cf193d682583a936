// Every API failure leaves as `{error:{code,message}}` with a fitting status; internals (stacks, paths) never do.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', what);

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** body-parser reports its failures with a `type` and a status; those are the client's fault, not ours. */
interface ParserError {
  type?: string;
  status?: number;
}

const PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'request body is larger than this endpoint accepts' },
  'entity.parse.failed': { status: 400, code: 'invalid_json', message: 'request body is not valid JSON' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', message: 'request body encoding is not supported' },
};

export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof z.ZodError) {
    const message = error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    res.status(400).json(errorBody('invalid_request', message));
    return;
  }
  if (error instanceof HttpError) {
    res.status(error.status).json(errorBody(error.code, error.message));
    return;
  }
  // Express reports a path parameter that is not valid percent-encoding (e.g. %E0%A4%A) as a URIError.
  if (error instanceof URIError) {
    res.status(400).json(errorBody('invalid_request', 'the request path is not valid percent-encoding'));
    return;
  }
  const parser = PARSER_ERRORS[(error as ParserError)?.type ?? ''];
  if (parser) {
    const send = () => res.status(parser.status).json(errorBody(parser.code, parser.message));
    if ((error as ParserError).type === 'entity.too.large') drainThen(req, send);
    else send();
    return;
  }
  process.stderr.write(`${req.method} ${req.originalUrl} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  res.status(500).json(errorBody('internal_error', 'the server failed to answer this request; see its log'));
}

/** Past this many unread bytes an oversized body is cut off instead of read to its end. */
const MAX_DRAINED_BYTES = 256 * 1024 * 1024;

/**
 * The parser stops reading at the limit; answering then would leave the client writing into a socket the server
 * resets, and it would see ECONNRESET instead of the 413. Read the rest (bounded) and discard it, then answer.
 */
function drainThen(req: Request, send: () => void): void {
  if (req.readableEnded) {
    send();
    return;
  }
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAINED_BYTES) req.destroy();
  });
  req.once('end', send);
  req.resume();
}
