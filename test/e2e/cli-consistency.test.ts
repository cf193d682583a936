// `check` and `track` end to end, as a user runs them: ingest the seed and two years of one city's reports into
// a temporary data folder, check a draft file against the seed, track the city's 2018 targets.
// The lexical embedder (no model folder) keeps ingest fast: neither command reads vectors.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliJson, ROOT, SEED, tempDataDir } from './cli-helpers.ts';
import { sharedPath } from '../helpers/shared.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const data = tempDataDir();
const env = { POLICY_GRAPH_MODEL_DIR: join(data, 'no-model') };
const SAMPLE = sharedPath('corpus', 'sample');
const drafts = mkdtempSync(join(tmpdir(), 'policy-graph-draft-'));

describe('policy-graph check and track', () => {
  beforeAll(async () => {
    const report = await cliJson(['ingest', SEED, join(SAMPLE, 'hangzhou-2018.md'), join(SAMPLE, 'hangzhou-2019.md'), '--data', data], env);
    expect(report.documents).toHaveLength(3);
  }, 120_000);
  afterAll(() => {
    rmSync(data, { recursive: true, force: true });
    rmSync(drafts, { recursive: true, force: true });
  });

  it("checks each claim of a draft file against the place's prior commitments", async () => {
    const draft = join(drafts, 'draft.txt');
    writeFileSync(draft, '2018年空气质量优良率目标为75%。\n2018年新建美丽乡村公路120公里。\n暂缓建设杭绍台高铁。\n');
    const report = await cliJson(['check', draft, '--place', '上虞区', '--data', data], env);
    const verdicts = report.claims.map((c) => [c.subject, c.verdict]);
    expect(verdicts).toEqual([
      ['空气质量优良率目标', 'conflict'],
      ['新建美丽乡村公路', 'consistent'],
      ['杭绍台高铁', 'conflict'],
    ]);
    expect(report.summary).toEqual({ consistent: 1, conflict: 2, weaker_than_commitment: 0, novel: 0 });
    const air = expectDefined(report.claims[0]);
    expect(air).toMatchObject({ kind: 'indicator', value: 75, unit: '%', period: '2018', charStart: 0 });
    expect(air.evidence[0]).toMatchObject({ period: '2017', kind: 'target', value: 79, quote: '力争年度空气质量优良率79%以上' });
    expect(air.reason).toContain('低于2017年目标(79%以上)');
    expect(report.claims[2]).toMatchObject({ kind: 'project', status: '暂缓' });
    expect(expectDefined(report.claims[2]).evidence.some((e) => e.text.includes('建设杭绍台高铁'))).toBe(true);
  });

  it('reads the draft from standard input with -', async () => {
    // As cli() does: without NEO4J_URI the command uses the embedded store.
    const { NEO4J_URI: _unused, ...inherited } = process.env;
    const child = spawn(
      'node',
      [join(ROOT, 'bin/policy-graph.js'), 'check', '-', '--place', '上虞区', '--language', 'en', '--json', '--data', data],
      {
        cwd: ROOT,
        env: { ...inherited, ...env },
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stdin.end('今后五年新增上市公司5家。');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.claims).toHaveLength(1);
    expect(report.claims[0]).toMatchObject({ subject: '新增上市公司', period: '2018-2022', verdict: 'weaker_than_commitment' });
    expect(report.claims[0].reasonEn).toBe('5家 is below the 2017–2021 target (10家): less ambitious than the prior commitment.');
  });

  it("lists the city's 2018 targets with the 2018 results its 2019 report states", async () => {
    const report = await cliJson(['track', '--place', '杭州市', '--period', '2018', '--data', data], env);
    const reported = report.pairs.filter((p) => p.result !== null);
    expect(reported.length).toBeGreaterThanOrEqual(25);
    for (const pair of report.pairs) expect(pair).toMatchObject({ period: '2018', place: '杭州市' });
    const byIndicator = new Map(report.pairs.map((p) => [p.indicator, p]));
    expect(byIndicator.get('精品示范公路')).toMatchObject({
      target: { value: 145, unit: '公里' },
      result: { value: 185, unit: '公里' },
      verdict: 'exceeded',
    });
    expect(byIndicator.get('地区生产总值')).toMatchObject({
      target: { value: 7.5, comparator: '左右' },
      result: { value: 7 },
      verdict: 'missed',
    });
    expect(byIndicator.get('“僵尸企业”处置')).toMatchObject({ result: { value: 30 }, verdict: 'met' });
    expect(report.summary.met + report.summary.exceeded + report.summary.missed).toBe(reported.length);
  });

  it('fails with a one-line error on a missing draft or a malformed period', async () => {
    const missing = await cli(['check', join(data, 'no-such-draft.txt'), '--data', data, '--json'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const period = await cli(['track', '--period', 'last-year', '--data', data, '--json'], env);
    expect(period.code).not.toBe(0);
    expect(period.stderr).toContain('invalid input');
  });
});
