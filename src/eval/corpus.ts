// Corpus members for question files: "corpus:<member>" names a report inside the corpus archive
// (../shared/corpus/gov-reports.tar.xz), resolved against an unpacked folder — `--corpus DIR`, or the archive
// unpacked once into the temporary folder (the same place the tests unpack it, so either reuses the other's copy).
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unpackedArchive } from '../ingest/archive.ts';

export const CORPUS_PREFIX = 'corpus:';

export function isCorpusMember(reference: string): boolean {
  return reference.startsWith(CORPUS_PREFIX);
}

/** Where corpus members are read from: the given folder, else the unpacked archive. */
export function corpusRoot(options: { dir?: string; archive: string }): string {
  return options.dir ?? unpackedArchive(options.archive);
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
  return pool.filter((_, i) => i % step === 0).slice(0, count);
}
