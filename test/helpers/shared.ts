// The one way tests find ../shared (the seed, the eval gold and the corpus) and members of the corpus archive.
// POLICY_GRAPH_SHARED overrides the location; otherwise it is the folder beside the checkout, as CI lays it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(new URL('../..', import.meta.url).pathname);

export const SHARED_DIR = resolve(process.env.POLICY_GRAPH_SHARED ?? join(REPO_ROOT, '..', 'shared'));

/** A path inside ../shared, e.g. sharedPath('eval', 'questions.json'). */
export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

export const CORPUS_ARCHIVE = sharedPath('corpus', 'gov-reports.tar.xz');

/**
 * The corpus archive unpacked once per archive version into the temporary folder (about 90 MB), shared by every
 * test file of a run and by later runs; unpacked into a sibling folder and renamed so no reader sees half of it.
 */
export function corpusDir(): string {
  const { size, mtimeMs } = statSync(CORPUS_ARCHIVE);
  const target = join(tmpdir(), `policy-graph-corpus-${size}-${Math.round(mtimeMs)}`);
  if (existsSync(target)) return target;
  const partial = `${target}.${process.pid}.partial`;
  mkdirSync(partial, { recursive: true });
  execFileSync('tar', ['-xJf', CORPUS_ARCHIVE, '-C', partial]);
  try {
    renameSync(partial, target);
  } catch (error) {
    // Another test process finished first: its copy is as good as ours.
    if (!existsSync(target)) throw error;
  }
  return target;
}

/** Absolute path of a corpus member such as "政府工作报告-主要城市/贵阳市/2025.md". */
export function corpusFile(member: string): string {
  const path = join(corpusDir(), member);
  if (!existsSync(path)) throw new Error(`corpus member not found: ${member}`);
  return path;
}
