import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

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
      cwd: ROOT, env: { ...inherited, ...env }, maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

export async function cliJson<T = any>(args: string[], env: NodeJS.ProcessEnv = {}): Promise<T> {
  const result = await cli([...args, '--json'], env);
  if (result.code !== 0) throw new Error(`policy-graph ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
