// `ingest <archive.tar.xz> --resume` survives a SIGKILL: the CLI ingests ten reports from an archive, is killed
// after a few are stored, and a second run with --resume skips exactly those, ingests the rest, and leaves every
// document stored once with every chunk in the vector index; the saved index was caught up, never rebuilt.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { sharedPath } from '../helpers/shared.ts';
import { ROOT, tempDataDir } from './cli-helpers.ts';
import { expectVectorFileMatchesStore, LEXICAL_EMBEDDER } from './writer-helpers.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const REPORTS = 10;
const SAMPLE = sharedPath('corpus', 'sample');

/** Ten reports (the first 3,000 characters of the sample reports, up to a paragraph end), each made distinct by a
 * letters-only marker paragraph, packed as a .tar.xz. */
function archiveOfReports(dir: string): string {
  const members = join(dir, 'reports');
  const samples = readdirSync(SAMPLE).sort();
  for (let i = 0; i < REPORTS; i++) {
    const folder = join(members, `市${i % 3}`);
    mkdirSync(folder, { recursive: true });
    const marker = [...String(i)].map((d) => 'abcdefghij'[Number(d)]).join('');
    const text = readFileSync(join(SAMPLE, expectDefined(samples[i % samples.length])), 'utf8');
    writeFileSync(join(folder, `report-${i}.md`), `${text.slice(0, text.indexOf('\n\n', 3000))}\n\n附：续传编号 resume${marker}。\n`);
  }
  const archive = join(dir, 'reports.tar.xz');
  execFileSync('tar', ['-cJf', archive, '-C', members, '.']);
  return archive;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `policy-graph ingest <archive> --resume`, SIGKILLed once `killAfterStored` documents are committed (if given). */
async function ingest(archive: string, data: string, killAfterStored?: number): Promise<Run> {
  const { NEO4J_URI: _unused, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(ROOT, 'bin/policy-graph.js'), 'ingest', archive, '--resume', '--data', data, '--json'], {
    cwd: ROOT,
    env: { ...inherited, ...LEXICAL_EMBEDDER, POLICY_GRAPH_INDEX_SAVE_SECONDS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (killAfterStored !== undefined) {
    let running = true;
    void exited.then(() => (running = false));
    while (running && storedDocuments(data) < killAfterStored) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
  }
  return { code: await exited, stdout, stderr };
}

/** Documents committed so far, read without writing (the store may still be being created by the child). */
function storedDocuments(data: string): number {
  try {
    const db = new Database(join(data, 'graph.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe('ingest --resume after a kill', () => {
  it('skips what the killed run stored, ingests the rest once, and every chunk is in the vector index', async () => {
    const dir = tempDataDir();
    const data = join(dir, 'data');
    const archive = archiveOfReports(dir);

    const killed = await ingest(archive, data, 3);
    expect(killed.code, killed.stderr).toBeNull();
    const storedBeforeResume = storedDocuments(data);
    expect(storedBeforeResume).toBeGreaterThanOrEqual(3);
    expect(storedBeforeResume, 'the kill landed before the last report').toBeLessThan(REPORTS);

    const resumed = await ingest(archive, data);
    expect(resumed.code, resumed.stderr).toBe(0);
    // The index saved during the killed run is caught up from the store (when the kill left it behind), never
    // rebuilt from every vector; the progress line counts the skipped reports.
    expect(resumed.stderr).not.toMatch(/rebuilding/);
    expect(resumed.stderr).toMatch(new RegExp(`ingest: ${REPORTS}/${REPORTS}, skipped ${storedBeforeResume}, [\\d.]+ docs/s, done`));
    const report = JSON.parse(resumed.stdout) as {
      documents: Array<{ status: string; sourcePath: string }>;
      skipped: number;
      errors: unknown[];
      elapsedSeconds: number;
    };
    expect(report.errors).toEqual([]);
    expect(report.skipped).toBe(storedBeforeResume);
    expect(report.documents.filter((d) => d.status === 'ingested')).toHaveLength(REPORTS - storedBeforeResume);
    expect(report.elapsedSeconds).toBeGreaterThan(0);

    const store = openEmbeddedStore(data);
    try {
      const documents = await store.listDocuments();
      expect(documents).toHaveLength(REPORTS);
      expect(new Set(documents.map((d) => d.sourcePath)).size).toBe(REPORTS);
      // Cited as archive path + member, not the temporary folder the archive was unpacked to.
      for (const d of documents) expect(d.sourcePath).toMatch(/reports\.tar\.xz\/市\d\/report-\d\.md$/);
      expect((store.db.prepare('SELECT count(*) AS n FROM chunks WHERE vector IS NULL').get() as { n: number }).n).toBe(0);
    } finally {
      await store.close();
    }
    expect(await expectVectorFileMatchesStore(data)).toBeGreaterThan(REPORTS);

    // Nothing left to do: every report is skipped, nothing is written.
    const again = await ingest(archive, data);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ skipped: REPORTS, errors: [] });
    expect(storedDocuments(data)).toBe(REPORTS);
  }, 180_000);
});
