// Why a document could not be read. `ReadFailure` is thrown by the format readers, which do not know the
// path; `readDocument` turns it into a `ReadError` whose message names the file, on one line, for the CLI.
export class ReadFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ReadFailure';
  }
}

export class ReadError extends Error {
  readonly reason: string;

  constructor(
    readonly path: string,
    reason: string,
  ) {
    const oneLineReason = reason.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    super(`${path}: ${oneLineReason}`);
    this.name = 'ReadError';
    this.reason = oneLineReason;
  }
}
