// Every failure that crosses a face (HTTP, CLI) by code, with its HTTP status and the message a client sees when
// the thrower has nothing more specific to say. The server maps codes to statuses (src/server/http-error.ts); the
// CLI prints the message. In the domain so that any layer may throw one without importing upwards.

export const ERRORS = {
  invalid_request: { status: 400, message: 'the request is not valid' },
  invalid_json: { status: 400, message: 'request body is not valid JSON' },
  empty_upload: { status: 400, message: "the request body must be the file's bytes" },
  unauthorized: { status: 401, message: 'this endpoint needs Authorization: Bearer <POLICY_GRAPH_TOKEN>' },
  not_found: { status: 404, message: 'not found' },
  payload_too_large: { status: 413, message: 'request body is larger than this endpoint accepts' },
  unsupported_format: { status: 415, message: 'unsupported file type' },
  unsupported_encoding: { status: 415, message: 'request body encoding is not supported' },
  vector_mismatch: { status: 409, message: 'the stored vectors come from another embedding model: run reindex first' },
  ingest_failed: { status: 422, message: 'the document could not be read' },
  forbidden_host: { status: 403, message: 'this server does not answer to that host name' },
  cross_site: { status: 403, message: "requests from another site's page are refused" },
  unsupported_media_type: { status: 415, message: 'send the file as Content-Type: application/octet-stream' },
  too_costly: { status: 413, message: 'the request needs more memory than one request may use' },
  rate_limited: { status: 429, message: 'too many requests; retry later' },
  internal_error: { status: 500, message: 'the server failed to answer this request; see its log' },
  busy: { status: 503, message: 'too many questions are waiting; try again shortly' },
  write_busy: { status: 503, message: 'another process is writing the data folder; try again later' },
  read_only: { status: 503, message: "this server's data folder is read-only" },
  timeout: { status: 504, message: 'the request took longer than its time budget and was stopped' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A failure a client or user should see, by code; the message may name what failed but never internals. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
  ) {
    super(message);
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export const notFound = (what: string) => new AppError('not_found', what);

/** The first line of a failure's message: what a one-line report of it (an error list, a log line) shows. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const end = message.indexOf('\n');
  return end < 0 ? message : message.slice(0, end);
}
