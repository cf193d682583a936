import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DocumentSummary, EntitySummary } from '../../graph/store.ts';
import type { Answer } from '../../src/app/ask.ts';
import type { reindex } from '../../src/app/reindex.ts';
import type { ExportSummary } from '../../src/cli/export-command.ts';
import type { CheckReport, TrackReport } from '../../src/consistency/report.ts';
import type { Observation } from '../../src/domain/schemas.ts';
import type { TaskListing } from '../../src/domain/api-schemas.ts';
import type { z } from 'zod';
import type { IngestReport } from '../../src/ingest/pipeline.ts';

const exec = promisify(execFile);
export const ROOT = new URL('../..', import.meta.url).pathname;
export const SEED = join(ROOT, 'seeds/shangyu-2017-government-work-report.txt');

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'policy-graph-test-'));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command the way a user does (node bin/policy-graph.js), never throwing on a non-zero exit. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  // NEO4J_URI would switch the CLI to Neo4j; these tests exercise the default embedded store unless told otherwise.
  const { NEO4J_URI: _unused, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await exec('node', [join(ROOT, 'bin/policy-graph.js'), ...args], {
      cwd: ROOT,
      env: { ...inherited, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** What each command prints with --json; `export` prints this summary with --out, and the graph itself without. */
export interface CliOutput {
  '--version': { version: string };
  ingest: IngestReport;
  ask: Answer;
  entities: { entities: EntitySummary[] };
  observations: { observations: Observation[] };
  documents: { documents: DocumentSummary[] };
  tasks: { tasks: Array<z.infer<typeof TaskListing>> };
  delete: { deleted: string };
  reindex: Awaited<ReturnType<typeof reindex>>;
  check: CheckReport;
  track: TrackReport;
  export: ExportSummary;
}

/** A command's --json output, typed by the command (the first argument) unless the caller says what it expects. */
export async function cliJson<C extends keyof CliOutput, T = CliOutput[C]>(
  args: [C, ...string[]],
  env: NodeJS.ProcessEnv = {},
): Promise<T> {
  const result = await cli([...args, '--json'], env);
  if (result.code !== 0) throw new Error(`policy-graph ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
