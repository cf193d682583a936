// Data ingested before the model was fetched holds lexical-fallback vectors: answers must say semantic search
// is off for it, further ingest must refuse to mix models, and `reindex` must bring vector search back.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, ROOT, tempDataDir } from './cli-helpers.ts';
import { sharedPath } from '../helpers/shared.ts';

const WITHOUT_MODEL = { POLICY_GRAPH_MODEL_DIR: join(tempDataDir(), 'no-model-here') };

describe('switching from the lexical fallback to the model', () => {
  it('flags stale vectors, refuses to mix models, and reindexes', async () => {
    const data = tempDataDir();
    const fallback = await cliJson(['ingest', join(ROOT, 'seeds'), '--data', data], WITHOUT_MODEL);
    expect(fallback.documents).toHaveLength(1);
    const offline = await cliJson(['ask', '五水共治', '--data', data], WITHOUT_MODEL);
    expect(offline.semanticSearch).toBe('off');
    expect(offline.notes.join(' ')).toMatch(/semantic search is off/);

    const stale = await cliJson(['ask', '怎样让工业区周边居民不再闻到刺鼻的臭味？', '--data', data]);
    expect(stale.notes.join(' ')).toMatch(/reindex/);
    expect(stale.passages.every((p: { retrievers: string[] }) => !p.retrievers.includes('vector'))).toBe(true);

    const mixed = await cli(['ingest', sharedPath('corpus', 'sample', 'hangzhou-2017.md'), '--data', data, '--json']);
    expect(mixed.code).not.toBe(0);
    expect(mixed.stderr).toMatch(/reindex/);

    const report = await cliJson(['reindex', '--data', data]);
    expect(report.chunks).toBeGreaterThan(50);
    expect(report.from).toMatch(/lexical/);
    const semantic = await cliJson(['ask', '怎样让工业区周边居民不再闻到刺鼻的臭味？', '--data', data]);
    expect(semantic.notes).toEqual([]);
    expect(
      semantic.passages
        .slice(0, 5)
        .some((p: { text: string; retrievers: string[] }) => /科学治废气|异味监测/.test(p.text) && p.retrievers.includes('vector')),
    ).toBe(true);
  });
});
