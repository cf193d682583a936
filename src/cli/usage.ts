// Exit codes the CLI documents (README, --help), and the error that means "the command line was wrong".
import type { z } from 'zod';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A wrong command line (unknown command or option, missing or invalid argument): exit code 2. */
export class UsageError extends Error {}

/** A command-line value checked against its schema; a mismatch is a usage error, not a failure of the command. */
export function arg<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(`invalid ${what}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
}
