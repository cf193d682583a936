// The CLI end to end, as a user runs it: ingest the seed, look up entities and observations, ask, delete.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliJson, ROOT, tempDataDir } from './cli-helpers.ts';
import { sharedPath } from '../helpers/shared.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const data = tempDataDir();
let documentId = '';

describe('policy-graph CLI', () => {
  beforeAll(async () => {
    const report = await cliJson(['ingest', join(ROOT, 'seeds'), '--data', data]);
    expect(report.documents).toHaveLength(1);
    documentId = expectDefined(report.documents[0]).id;
  });

  it('ingests the seed with its 40 numbered 2017 tasks and every entity type', async () => {
    const report = await cliJson(['ingest', join(ROOT, 'seeds'), '--data', data]);
    // Re-ingesting the same content is a no-op.
    expect(report.documents[0]).toMatchObject({ id: documentId, status: 'unchanged' });
    const { documents } = await cliJson(['documents', '--data', data]);
    expect(documents[0]).toMatchObject({
      place: '上虞区',
      placeCode: '330604',
      level: 'county',
      year: 2017,
      label: '上虞区 2017年政府工作报告',
    });
    expect(expectDefined(documents[0]).tasks).toBeGreaterThanOrEqual(40);
  });

  it('lists places with aliases and mention counts', async () => {
    const { entities } = await cliJson(['entities', '--type', 'place', '--data', data]);
    const byName = new Map(entities.map((e) => [e.name, e]));
    const gold = JSON.parse(readFileSync(sharedPath('eval', 'seed-entities.json'), 'utf8')) as {
      places: Array<{ canonical: string; mention_count: number }>;
    };
    const goldCount = (name: string) => gold.places.find((p) => p.canonical === name)?.mention_count;
    expect(byName.get('曹娥江')?.mentions).toBe(goldCount('曹娥江'));
    expect(byName.get('崧厦镇')?.aliases).toContain('崧厦');
    expect(byName.get('崧厦镇')?.mentions).toBe(goldCount('崧厦镇'));
    expect(byName.get('章镇镇')?.aliases).toContain('章镇');
    expect(byName.get('章镇镇')?.mentions).toBe(goldCount('章镇镇'));
  });

  it('matches entities by pinyin', async () => {
    const { entities } = await cliJson(['entities', '--match', 'caoejiang', '--data', data]);
    expect(entities.map((e) => e.name)).toContain('曹娥江');
  });

  it('lists observations with value, unit, kind and period', async () => {
    const { observations } = await cliJson(['observations', '--indicator', '地区生产总值', '--data', data]);
    expect(observations).toContainEqual(expect.objectContaining({ value: 773.22, unit: '亿元', kind: 'actual', period: '2016' }));
  });

  it('lists no year-plan task when the entity is only in the five-year plan, rather than guessing from passages', async () => {
    const answer = await cliJson(['ask', '报告对沥海镇有什么安排？', '--data', data]);
    expect(answer.entities.map((e) => e.name)).toEqual(['沥海镇']);
    // The one sentence naming it sits in the five-year path 2 (创新城乡关系…): that task, labelled multi-year, and no 2017 task.
    expect(answer.tasks.map((t) => [t.number, t.horizon])).toEqual([[2, 'multi-year']]);
    expect(answer.passages.slice(0, 5).some((p) => p.text.includes('支持沥海镇发展'))).toBe(true);
  });

  it('puts the observations of the year a question names first', async () => {
    const answer = await cliJson(['ask', '空气质量优良率2017年目标是多少？', '--data', data]);
    expect(answer.observations[0]).toMatchObject({
      indicator: '空气质量优良率',
      period: '2017',
      kind: 'target',
      value: 79,
      comparator: '以上',
    });
  });

  it('answers which tasks touch a river, citing passages', async () => {
    const answer = await cliJson(['ask', '哪些任务涉及曹娥江？', '--data', data]);
    expect(answer.entities.map((e) => e.name)).toContain('曹娥江');
    expect(answer.tasks.map((t) => t.number)).toEqual(expect.arrayContaining([8, 27]));
    expect(answer.passages.length).toBeGreaterThan(0);
    expect(answer.passages[0]).toHaveProperty('retrievers');
  });

  it('finds by meaning a passage that shares no keywords with the question (vector retriever)', async () => {
    const answer = await cliJson(['ask', '怎样让工业区周边居民不再闻到刺鼻的臭味？', '--data', data]);
    expect(answer.semanticSearch).toBe('on');
    const hit = answer.passages.slice(0, 5).find((p) => /科学治废气|异味监测/.test(p.text));
    expect(hit?.retrievers).toContain('vector');
  });

  it('answers English questions through pinyin names and translated terms', async () => {
    const byName = await cliJson(['ask', 'Which tasks mention Zhangzhen?', '--data', data]);
    expect(byName.entities.map((e) => e.name)).toEqual(['章镇镇']);
    expect(byName.tasks.map((t) => t.number)).toEqual(expect.arrayContaining([21, 25, 31]));
    // 厦 reads sha or xia: every reading links.
    const polyphonic = await cliJson(['ask', 'Which tasks involve Songxia?', '--data', data]);
    expect(polyphonic.entities.map((e) => e.name)).toContain('崧厦镇');
    const byTopic = await cliJson(['ask', 'How will the government reduce air pollution from chemical plants?', '--data', data]);
    expect(byTopic.translatedTerms).toEqual(expect.arrayContaining(['化工', '废气']));
    expect(byTopic.passages.slice(0, 5).some((p) => p.text.includes('科学治废气'))).toBe(true);
  });

  it('fails (exit 1) with a one-line error per bad input and still ingests the good documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-graph-bad-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 4]));
    const result = await cli(['ingest', dir, join(ROOT, 'seeds'), '--json', '--data', tempDataDir()]);
    // Any document that did not make it fails the command; the report still says what did.
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.documents).toHaveLength(1);
    expect(report.errors).toHaveLength(2);
    for (const line of result.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('error:')))
      expect(line).toMatch(/(empty|binary)/);
  });

  it('rejects an unknown entity type and a missing question with a one-line error', async () => {
    const badType = await cli(['entities', '--type', 'river', '--data', data]);
    expect(badType.code).not.toBe(0);
    expect(badType.stderr.trim().split('\n')).toHaveLength(1);
    const noQuestion = await cli(['ask', '--data', data]);
    expect(noQuestion.code).not.toBe(0);
  });

  it('deletes a document and everything only it supported', async () => {
    const scratch = tempDataDir();
    const { documents } = await cliJson(['ingest', join(ROOT, 'seeds'), '--data', scratch]);
    const { id } = expectDefined(documents[0]);
    await cliJson(['delete', id, '--data', scratch]);
    const { entities } = await cliJson(['entities', '--data', scratch]);
    expect(entities).toHaveLength(0);
    const missing = await cli(['delete', id, '--data', scratch]);
    expect(missing.code).not.toBe(0);
  });
});
