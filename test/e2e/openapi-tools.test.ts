// The OpenAPI document as the tools people use read it: Redocly's linter with its recommended rules, and
// openapi-typescript generating types that a typed call is checked against with tsc.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/server/openapi.ts';
import { ROOT } from './cli-helpers.ts';

const exec = promisify(execFile);
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const folder = mkdtempSync(join(tmpdir(), 'policy-graph-openapi-'));
const documentPath = join(folder, 'openapi.json');

/** Runs a tool, returning its output whatever the exit code (a linter exits 1 on errors). */
async function tool(name: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(bin(name), args, { cwd: folder, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('the OpenAPI document in third-party tools', () => {
  beforeAll(() => {
    writeFileSync(documentPath, JSON.stringify(openApiDocument(), null, 2));
  });

  it('passes `redocly lint` with the recommended rules: no error, no warning', async () => {
    const config = join(folder, 'redocly.yaml');
    writeFileSync(config, 'extends:\n  - recommended\n');
    const result = await tool('redocly', ['lint', '--config', config, '--format', 'json', documentPath]);
    const report = JSON.parse(result.stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string }>;
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(result.code).toBe(0);
  });

  it('generates a typed client with openapi-typescript that type-checks a call (and rejects a wrong one)', async () => {
    const generated = await tool('openapi-typescript', [documentPath, '--output', join(folder, 'api.d.ts')]);
    expect(generated.code, generated.stderr).toBe(0);
    writeFileSync(
      join(folder, 'client.ts'),
      `
import type { operations, paths } from './api.js';

type AskQuery = NonNullable<operations['ask']['parameters']['query']>;
type Answer = paths['/api/ask']['get']['responses'][200]['content']['application/json'];
type Uploaded = operations['uploadDocument']['responses'][201]['content']['application/json'];

export async function ask(base: string, query: AskQuery): Promise<Answer> {
  const search = new URLSearchParams({ q: query.q, ...(query.k === undefined ? {} : { k: String(query.k) }) });
  return (await (await fetch(\`\${base}/api/ask?\${search}\`)).json()) as Answer;
}

export async function firstCitation(base: string): Promise<string | undefined> {
  const answer = await ask(base, { q: '哪些任务涉及曹娥江？', k: 5 });
  const language: 'zh' | 'en' = answer.language;
  return \`\${language}: \${answer.passages[0]?.text}\`;
}

export const status = (uploaded: Uploaded): 'ingested' | 'unchanged' => uploaded.document.status;
export const placesFound = (uploaded: Uploaded): number => uploaded.entities.place;

// @ts-expect-error k is a number, so the generated types must refuse a string
void ask('', { q: 'x', k: 'ten' });
`,
    );
    const checked = await tool('tsc', [
      '--noEmit',
      '--strict',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--lib',
      'es2022,dom,dom.iterable',
      join(folder, 'client.ts'),
    ]);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.code).toBe(0);
  });
});
