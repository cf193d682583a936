// The one way tests find ../shared (the seed, the eval gold and the corpus) and members of the corpus archive.
// POLICY_GRAPH_SHARED overrides the location; otherwise it is the folder beside the checkout, as CI lays it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unpackedArchive } from '../../src/ingest/archive.ts';

const REPO_ROOT = resolve(new URL('../..', import.meta.url).pathname);

export const SHARED_DIR = resolve(process.env.POLICY_GRAPH_SHARED ?? join(REPO_ROOT, '..', 'shared'));

/** A path inside ../shared, e.g. sharedPath('eval', 'questions.json'). */
export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

export const CORPUS_ARCHIVE = sharedPath('corpus', 'gov-reports.tar.xz');

/** The corpus archive unpacked once per archive version (src/ingest/archive.ts), shared with `npm run eval`. */
export function corpusDir(): string {
  return unpackedArchive(CORPUS_ARCHIVE);
}

/** Absolute path of a corpus member such as "政府工作报告-主要城市/贵阳市/2025.md". */
export function corpusFile(member: string): string {
  const path = join(corpusDir(), member);
  if (!existsSync(path)) throw new Error(`corpus member not found: ${member}`);
  return path;
}
