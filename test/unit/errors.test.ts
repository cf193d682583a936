import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { AppError, ERRORS, firstLine, notFound } from '../../src/domain/errors.ts';
import { errorHandler } from '../../src/server/http-error.ts';

function respond(error: unknown): { status: number; body: unknown } {
  const sent = { status: 0, body: undefined as unknown };
  const res = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  } as unknown as Response;
  errorHandler(error, { method: 'GET', originalUrl: '/api/x' } as Request, res, () => {});
  return sent;
}

describe('error registry', () => {
  it('gives every code a client or server error status and a message', () => {
    for (const [code, { status, message }] of Object.entries(ERRORS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      expect(message.length, code).toBeGreaterThan(0);
    }
  });

  it('answers an AppError with its code, status and message, the default when none is given', () => {
    expect(respond(notFound('no entity with id x'))).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'no entity with id x' } },
    });
    expect(respond(new AppError('write_busy'))).toEqual({
      status: 503,
      body: { error: { code: 'write_busy', message: ERRORS.write_busy.message } },
    });
  });

  it('hides what an unexpected error says', () => {
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      expect(respond(new Error('/secret/path failed'))).toEqual({
        status: 500,
        body: { error: { code: 'internal_error', message: ERRORS.internal_error.message } },
      });
    } finally {
      process.stderr.write = stderr;
    }
  });
});

describe('firstLine', () => {
  it("keeps a failure's first line, whatever was thrown", () => {
    expect(firstLine(new Error('disk full\n    at write (fs.js:1)'))).toBe('disk full');
    expect(firstLine(new Error('one line'))).toBe('one line');
    expect(firstLine('a string\nthrown')).toBe('a string');
  });
});
