// A .tar.xz of reports (the corpus archive) as a folder: unpacked once per archive version into the temporary
// folder, so ingest, eval and the tests reuse one another's copy instead of unpacking 1,659 reports again.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function isArchive(path: string): boolean {
  return /\.tar\.xz$/i.test(path);
}

/** The folder the archive unpacks to: keyed by the archive's size and time, so a new archive unpacks afresh. */
export function unpackedArchive(archive: string): string {
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
