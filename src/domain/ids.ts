import { createHash } from 'node:crypto';

/** Deterministic short id from its parts: the same input gives the same id in every run and store. */
export function stableId(prefix: string, ...parts: Array<string | number>): string {
  const hash = createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 16);
  return `${prefix}_${hash}`;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}
