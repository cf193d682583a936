// Every API failure leaves as `{error:{code,message}}` with the status its code has in the registry
// (src/domain/errors.ts); internals (stacks, paths) never do.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { AppError, ERRORS, type ErrorCode } from '../domain/errors.ts';

export function errorBody(code: ErrorCode, message: string = ERRORS[code].message) {
  return { error: { code, message } };
}

/** Sends one error response; guards that answer without throwing use it too. */
export function sendError(res: Response, code: ErrorCode, message?: string): void {
  res.status(ERRORS[code].status).json(errorBody(code, message));
}

/** body-parser reports its failures with a `type` and a status; those are the client's fault, not ours. */
interface ParserError {
  type?: string;
  status?: number;
}

const PARSER_ERRORS: Record<string, ErrorCode> = {
  'entity.too.large': 'payload_too_large',
  'entity.parse.failed': 'invalid_json',
  'encoding.unsupported': 'unsupported_encoding',
};

export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof z.ZodError) {
    sendError(res, 'invalid_request', error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
    return;
  }
  if (error instanceof AppError) {
    sendError(res, error.code, error.message);
    return;
  }
  // Express reports a path parameter that is not valid percent-encoding (e.g. %E0%A4%A) as a URIError.
  if (error instanceof URIError) {
    sendError(res, 'invalid_request', 'the request path is not valid percent-encoding');
    return;
  }
  const parser = PARSER_ERRORS[(error as ParserError)?.type ?? ''];
  if (parser) {
    const send = () => sendError(res, parser);
    if ((error as ParserError).type === 'entity.too.large') drainThen(req, send);
    else send();
    return;
  }
  process.stderr.write(
    `${req.method} ${req.originalUrl} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  sendError(res, 'internal_error');
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
