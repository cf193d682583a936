// Corpus members for question files: "corpus:<member>" names a report inside the corpus archive
// (../shared/corpus/gov-reports.tar.xz), resolved against an unpacked folder — `--corpus DIR`, or the archive
// unpacked once into the temporary folder (the same place the tests unpack it, so either reuses the other's copy).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const CORPUS_PREFIX = 'corpus:';

export function isCorpusMember(reference: string): boolean {
  return reference.startsWith(CORPUS_PREFIX);
}

/** The folder the archive unpacks to: keyed by the archive's size and time, so a new archive unpacks afresh. */
export function unpackedCorpus(archive: string): string {
  const { size, mtimeMs } = statSync(archive);
  const target = join(tmpdir(), `policy-graph-corpus-${size}-${Math.round(mtimeMs)}`);
  if (existsSync(target)) return target;
  const partial = `${target}.${process.pid}.partial`;
  mkdirSync(partial, { recursive: true });
  execFileSync('tar', ['-xJf', archive, '-C', partial]);
  try {
    renameSync(partial, target);
  } catch (error) {
    // Another process finished first: its copy is as good as ours.
    if (!existsSync(target)) throw error;
  }
  return target;
}

/** Where corpus members are read from: the given folder, else the unpacked archive. */
export function corpusRoot(options: { dir?: string; archive: string }): string {
  return options.dir ?? unpackedCorpus(options.archive);
}

export function corpusPath(root: string, reference: string): string {
  const path = join(root, reference.slice(CORPUS_PREFIX.length));
  if (!existsSync(path)) throw new Error(`corpus member not found: ${reference} (looked in ${root})`);
  return path;
}

/** Every Markdown report under the corpus root, as members ("政府工作报告-主要城市/贵阳市/2025.md"), sorted. */
export function corpusMembers(root: string): string[] {
  const members: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) members.push(relative(root, path));
    }
  };
  walk(root);
  return members.sort();
}

/**
 * N reports to ingest beside the questions' own, so retrieval is measured among many similar reports: every
 * k-th member of the sorted corpus (k = ⌊members / N⌋), leaving out the ones the questions are about. A fixed,
 * spread choice: the same N gives the same reports on every run (and a cached data folder stays valid).
 */
export function distractorMembers(members: string[], exclude: Set<string>, count: number): string[] {
  const pool = members.filter((m) => !exclude.has(m));
  if (count <= 0 || !pool.length) return [];
  const step = Math.max(1, Math.floor(pool.length / count));
  const chosen: string[] = [];
  for (let i = 0; i < pool.length && chosen.length < count; i += step) chosen.push(pool[i]!);
  return chosen;
}
