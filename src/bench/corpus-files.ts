// The corpus archive unpacked into a temporary folder, and an evenly spread pick of its reports, for the
// benchmarks that read real reports. The folder is removed when the work is done.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CORPUS_ARCHIVE = '../shared/corpus/gov-reports.tar.xz';
export const CORPUS_REPORTS = 1659;

/** Every stride-th report of the sorted archive, so a slice spans cities, provinces and years alike. */
export function evenlySpread<T>(items: T[], count: number): T[] {
  const stride = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % stride === 0).slice(0, count);
}

/** Every report (.md) below an unpacked corpus folder, sorted. */
export function reportFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return reportFiles(path);
      return path.endsWith('.md') ? [path] : [];
    });
}

export async function withCorpusFiles<T>(documents: number, work: (files: string[], unpackMs: number) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-graph-bench-corpus-'));
  try {
    const started = performance.now();
    execFileSync('tar', ['-xJf', CORPUS_ARCHIVE, '-C', dir]);
    const files = execFileSync('find', [dir, '-name', '*.md']).toString().trim().split('\n').sort();
    return await work(evenlySpread(files, documents), Math.round(performance.now() - started));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
