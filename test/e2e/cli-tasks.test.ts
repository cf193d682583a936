// `policy-graph tasks` end to end, as a user runs it: ingest the seed into a temporary data folder (lexical
// embedder: the command reads no vectors) and list its tasks, all of them or one document's of one horizon.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliJson, SEED, tempDataDir } from './cli-helpers.ts';
import { sharedPath } from '../helpers/shared.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const data = tempDataDir();
const env = { POLICY_GRAPH_MODEL_DIR: join(data, 'no-model') };
const GOLD = JSON.parse(readFileSync(sharedPath('eval', 'seed-structure.json'), 'utf8')) as {
  tasks2017: Array<{ number: number; title: string; char_start: number }>;
};
const text = readFileSync(SEED, 'utf8');
let documentId = '';

describe('policy-graph tasks', () => {
  beforeAll(async () => {
    const report = await cliJson(['ingest', SEED, '--data', data], env);
    documentId = expectDefined(report.documents[0]).id;
  }, 120_000);
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it("lists one document's year-plan tasks: the seed's 40 numbered 2017 tasks with titles, categories and offsets", async () => {
    const { tasks } = await cliJson(['tasks', '--document', documentId, '--horizon', 'year', '--data', data], env);
    expect(tasks.map((t) => [t.number, t.title])).toEqual(GOLD.tasks2017.map((t) => [t.number, t.title]));
    expect(tasks.map((t) => t.charStart)).toEqual(GOLD.tasks2017.map((t) => t.char_start));
    for (const task of tasks) {
      expect(task).toMatchObject({ documentId, horizon: 'year', parentId: null, id: expect.any(String) });
      expect(text.slice(task.charStart, task.charEnd).startsWith(`${task.number}.`)).toBe(true);
    }
    expect(new Set(tasks.map((t) => t.category))).toEqual(
      new Set(['经济建设方面', '城乡建设方面', '生态建设方面', '社会建设方面', '政府自身建设方面']),
    );
  });

  it('lists every task in text order; siblings do not overlap and parents are listed tasks', async () => {
    const { tasks } = await cliJson(['tasks', '--data', data], env);
    expect(new Set(tasks.map((t) => t.horizon))).toEqual(new Set(['review', 'multi-year', 'year']));
    const starts = tasks.map((t) => t.charStart);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const ids = new Set(tasks.map((t) => t.id));
    for (const task of tasks) if (task.parentId) expect(ids.has(task.parentId)).toBe(true);
    const siblings = new Map<string, typeof tasks>();
    for (const task of tasks) siblings.set(`${task.parentId}`, [...(siblings.get(`${task.parentId}`) ?? []), task]);
    for (const list of siblings.values())
      list.slice(1).forEach((task, i) => {
        expect(task.charStart).toBeGreaterThanOrEqual(expectDefined(list[i]).charEnd);
      });
    const { tasks: review } = await cliJson(['tasks', '--horizon', 'review', '--data', data], env);
    expect(review).toEqual(tasks.filter((t) => t.horizon === 'review'));
  });

  it('refuses an unknown document or horizon with a message and a non-zero exit', async () => {
    const missing = await cli(['tasks', '--document', 'no-such-document', '--json', '--data', data], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no document with id no-such-document');
    const badHorizon = await cli(['tasks', '--horizon', 'soon', '--json', '--data', data], env);
    expect(badHorizon.code).not.toBe(0);
    expect(badHorizon.stderr).toMatch(/review.*year.*multi-year.*other/);
  });
});
