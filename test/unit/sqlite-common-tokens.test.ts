// The embedded store's full-text search leaves out tokens most paragraphs contain, once a store is large enough.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteGraphStore } from '../../graph/embedded/sqlite-store.ts';
import { DOCUMENT_A, DOCUMENT_B } from '../contract/fixtures.ts';

const dirs: string[] = [];
async function storeWith(options: ConstructorParameters<typeof SqliteGraphStore>[2]): Promise<SqliteGraphStore> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-graph-common-tokens-'));
  dirs.push(dir);
  const store = new SqliteGraphStore(join(dir, 'graph.sqlite'), false, options);
  await store.writeDocument(DOCUMENT_A, []);
  await store.writeDocument(DOCUMENT_B, []);
  return store;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const texts = async (store: SqliteGraphStore, query: string) => (await store.searchText(query, 10)).map((h) => h.paragraph.text);

describe('full-text search over common tokens', () => {
  it('searches only the rare tokens when a store has more paragraphs than the bounds', async () => {
    // 青山镇 is in four of the five paragraphs, 数字经济 in one.
    const pruning = await storeWith({ commonTokenShare: 0.5, commonTokenFloor: 1 });
    expect(await texts(pruning, '青山镇数字经济')).toEqual([expect.stringContaining('数字经济')]);
    const small = await storeWith({});
    expect((await texts(small, '青山镇数字经济')).length).toBeGreaterThan(1);
    await pruning.close();
    await small.close();
  });

  it('ranks a scoped search of many matches by scoring the named reports directly, as the index would', async () => {
    const direct = await storeWith({ directScoringMatches: 0 });
    const indexed = await storeWith({});
    const scope = { documentIds: [DOCUMENT_A.document.id] };
    for (const query of ['青山镇数字经济', '青山镇', '明湖治理', '滨江公园']) {
      const ids = async (store: SqliteGraphStore) => (await store.searchText(query, 10, scope)).map((h) => h.paragraph.id);
      expect(await ids(direct)).toEqual(await ids(indexed));
    }
    expect(await direct.searchText('青山镇', 10, { documentIds: ['no-such-document'] })).toEqual([]);
    await direct.close();
    await indexed.close();
  });

  it('keeps every token when all of them are common', async () => {
    const pruning = await storeWith({ commonTokenShare: 0.5, commonTokenFloor: 1 });
    expect((await texts(pruning, '青山镇')).length).toBe(4);
    await pruning.close();
  });
});
