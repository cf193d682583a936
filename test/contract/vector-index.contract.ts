// One behavioural suite for every VectorIndex implementation (HNSW, brute force, later Neo4j).
// Each test opens the index on a fresh temporary folder; a server-backed index ignores the folder
// and uses `cleanup` to wipe its server-side state after each test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seededUnitVectors } from '../../embeddings/bench-recall.ts';
import type { VectorHit, VectorIndex, VectorItem } from '../../embeddings/index.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

export const CONTRACT_DIMENSIONS = 8;

export type OpenVectorIndex = (dir: string, dimensions: number) => Promise<VectorIndex>;

export interface VectorIndexContractHooks {
  /** Runs after each test, once every index opened by it is closed: drop server-side data here. */
  cleanup?: (dir: string) => Promise<void>;
  /**
   * Share of the exact k nearest an approximate index (Neo4j's, whose graph build order the test does not control)
   * must find per query; 1 (exact) by default. Exact searches (searchWithin) stay exact for every implementation.
   */
  minRecall?: number;
}

const SCORE_TOLERANCE = 1e-5;

function unit(...components: number[]): Float32Array {
  const vector = new Float32Array(CONTRACT_DIMENSIONS);
  vector.set(components);
  return vector;
}

function randomItems(count: number, seed: number, documentSize = 10, prefix = 'chunk'): VectorItem[] {
  return seededUnitVectors(count, CONTRACT_DIMENSIONS, seed).map((vector, i) => ({
    id: `${prefix}-${i}`,
    documentId: `${prefix}-doc-${Math.floor(i / documentSize)}`,
    vector,
  }));
}

function exactTopIds(items: VectorItem[], query: Float32Array, k: number): string[] {
  const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * expectDefined(b[i]), 0);
  return items
    .map((item) => ({ id: item.id, score: dot(item.vector, query) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((hit) => hit.id);
}

function expectDescendingScores(hits: VectorHit[]): void {
  for (let i = 1; i < hits.length; i++)
    expect(expectDefined(hits[i]).score).toBeLessThanOrEqual(expectDefined(hits[i - 1]).score + SCORE_TOLERANCE);
}

export function vectorIndexContract(name: string, open: OpenVectorIndex, hooks: VectorIndexContractHooks = {}): void {
  describe(`VectorIndex contract: ${name}`, () => {
    let dirs: string[] = [];
    let opened: VectorIndex[] = [];

    async function freshDir(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'vector-index-contract-'));
      dirs.push(dir);
      return dir;
    }

    async function openIn(dir: string): Promise<VectorIndex> {
      const index = await open(dir, CONTRACT_DIMENSIONS);
      opened.push(index);
      return index;
    }

    const openFresh = async () => openIn(await freshDir());

    afterEach(async () => {
      for (const index of opened) await index.close();
      for (const dir of dirs) {
        await hooks.cleanup?.(dir);
        await rm(dir, { recursive: true, force: true });
      }
      dirs = [];
      opened = [];
    });

    it('starts empty and reports its dimensions', async () => {
      const index = await openFresh();
      expect(index.dimensions).toBe(CONTRACT_DIMENSIONS);
      expect(typeof index.kind).toBe('string');
      expect(await index.size()).toBe(0);
      expect(await index.search(unit(1), 5)).toEqual([]);
    });

    it('orders hits by cosine similarity, highest first', async () => {
      const index = await openFresh();
      await index.add([
        { id: 'opposite', documentId: 'd1', vector: unit(-1) },
        { id: 'orthogonal', documentId: 'd1', vector: unit(0, 1) },
        { id: 'far', documentId: 'd2', vector: unit(1, 2) },
        { id: 'near', documentId: 'd2', vector: unit(2, 1) },
        { id: 'same-direction', documentId: 'd3', vector: unit(5) }, // not unit length: cosine ignores magnitude
      ]);
      const hits = await index.search(unit(1), 5);
      expect(hits.map((hit) => hit.id)).toEqual(['same-direction', 'near', 'far', 'orthogonal', 'opposite']);
      expect(hits.map((hit) => hit.documentId)).toEqual(['d3', 'd2', 'd2', 'd1', 'd1']);
      const expectedScores = [1, 2 / Math.sqrt(5), 1 / Math.sqrt(5), 0, -1];
      hits.forEach((hit, i) => {
        expect(hit.score).toBeCloseTo(expectDefined(expectedScores[i]), 5);
      });
    });

    it('returns the k nearest of many, in order', async () => {
      const index = await openFresh();
      const items = randomItems(200, 1);
      await index.add(items);
      for (const query of seededUnitVectors(10, CONTRACT_DIMENSIONS, 2)) {
        const hits = await index.search(query, 5);
        expect(hits).toHaveLength(5);
        expectDescendingScores(hits);
        const exact = exactTopIds(items, query, 5);
        if ((hooks.minRecall ?? 1) === 1) expect(hits.map((hit) => hit.id)).toEqual(exact);
        else expect(hits.filter((hit) => exact.includes(hit.id)).length / 5).toBeGreaterThanOrEqual(expectDefined(hooks.minRecall));
      }
    });

    it('searches within named documents exactly, however many nearer items other documents hold', async () => {
      const index = await openFresh();
      const items = randomItems(200, 3);
      await index.add(items);
      const within = new Set(['chunk-doc-4', 'chunk-doc-17']);
      const theirs = items.filter((item) => within.has(item.documentId));
      for (const query of seededUnitVectors(5, CONTRACT_DIMENSIONS, 4)) {
        const hits = await index.searchWithin(query, 6, [...within]);
        expect(hits.map((hit) => hit.id)).toEqual(exactTopIds(theirs, query, 6));
        expect(hits.every((hit) => within.has(hit.documentId))).toBe(true);
        expectDescendingScores(hits);
      }
      expect(await index.searchWithin(unit(1), 5, ['no-such-document'])).toEqual([]);
    });

    it('returns every item when k exceeds the size, and nothing for k = 0', async () => {
      const index = await openFresh();
      const items = randomItems(7, 3);
      await index.add(items);
      const hits = await index.search(unit(1, 1), 50);
      expect(hits.map((hit) => hit.id).sort()).toEqual(items.map((item) => item.id).sort());
      expectDescendingScores(hits);
      expect(await index.search(unit(1, 1), 0)).toEqual([]);
    });

    it('counts items and deletes by document, never returning a deleted document again', async () => {
      const index = await openFresh();
      const items = randomItems(60, 4, 20); // three documents of twenty
      await index.add(items);
      expect(await index.size()).toBe(60);

      expect(await index.deleteDocument('chunk-doc-1')).toBe(20);
      expect(await index.size()).toBe(40);
      expect(await index.deleteDocument('chunk-doc-1')).toBe(0);
      expect(await index.deleteDocument('never-added')).toBe(0);

      for (const item of items.filter((candidate) => candidate.documentId === 'chunk-doc-1')) {
        const hits = await index.search(item.vector, 40);
        expect(hits).toHaveLength(40);
        expect(hits.some((hit) => hit.documentId === 'chunk-doc-1')).toBe(false);
      }
      const survivor = expectDefined(items[0]);
      expect((await index.search(survivor.vector, 1))[0]).toMatchObject({ id: survivor.id, documentId: survivor.documentId });
    });

    it('accepts a document again after it was deleted', async () => {
      const index = await openFresh();
      const items = randomItems(30, 5, 10);
      await index.add(items);
      await index.deleteDocument('chunk-doc-0');
      await index.add(items.slice(0, 10));
      expect(await index.size()).toBe(30);
      const hit = (await index.search(expectDefined(items[3]).vector, 1))[0];
      expect(hit).toMatchObject({ id: 'chunk-3', documentId: 'chunk-doc-0' });
      expect(expectDefined(hit).score).toBeCloseTo(1, 5);
    });

    it('replaces an item re-added under the same id, including its document', async () => {
      const index = await openFresh();
      await index.add([
        { id: 'a', documentId: 'old-doc', vector: unit(1) },
        { id: 'b', documentId: 'other', vector: unit(0, 0, 1) },
      ]);
      await index.add([{ id: 'a', documentId: 'new-doc', vector: unit(0, 1) }]);
      expect(await index.size()).toBe(2);

      const top = (await index.search(unit(0, 1), 1))[0];
      expect(top).toMatchObject({ id: 'a', documentId: 'new-doc' });
      expect(expectDefined(top).score).toBeCloseTo(1, 5);
      const fromOldVector = await index.search(unit(1), 2);
      expect(expectDefined(fromOldVector.find((hit) => hit.id === 'a')).score).toBeCloseTo(0, 5);

      expect(await index.deleteDocument('old-doc')).toBe(0);
      expect(await index.size()).toBe(2);
      expect(await index.deleteDocument('new-doc')).toBe(1);
      expect((await index.search(unit(0, 1), 5)).map((hit) => hit.id)).toEqual(['b']);
    });

    it('keeps the last vector when one batch repeats an id', async () => {
      const index = await openFresh();
      await index.add([
        { id: 'x', documentId: 'd', vector: unit(1) },
        { id: 'x', documentId: 'd', vector: unit(0, 1) },
      ]);
      expect(await index.size()).toBe(1);
      expect(expectDefined((await index.search(unit(0, 1), 1))[0]).score).toBeCloseTo(1, 5);
    });

    it('grows well past its initial capacity and still finds every item', async () => {
      const index = await openFresh();
      const items = randomItems(1500, 6, 50);
      for (let start = 0; start < items.length; start += 100) await index.add(items.slice(start, start + 100));
      expect(await index.size()).toBe(1500);
      for (const item of items.filter((_, i) => i % 50 === 7)) {
        const top = (await index.search(item.vector, 3))[0];
        expect(top).toMatchObject({ id: item.id, documentId: item.documentId });
        expect(expectDefined(top).score).toBeCloseTo(1, 5);
      }
    });

    it('survives persist, close and reopen with identical results', async () => {
      const dir = await freshDir();
      const items = randomItems(300, 7, 30);
      const queries = seededUnitVectors(15, CONTRACT_DIMENSIONS, 8);

      const first = await openIn(dir);
      await first.add(items);
      await first.deleteDocument('chunk-doc-2');
      await first.add([{ id: 'chunk-0', documentId: 'moved-doc', vector: unit(0, 0, 0, 1) }]);
      await first.persist();
      const before: VectorHit[][] = [];
      for (const query of queries) before.push(await first.search(query, 10));
      await first.close();

      const reopened = await openIn(dir);
      expect(await reopened.size()).toBe(270);
      for (const [i, query] of queries.entries()) {
        const after = await reopened.search(query, 10);
        expect(after.map((hit) => [hit.id, hit.documentId])).toEqual(expectDefined(before[i]).map((hit) => [hit.id, hit.documentId]));
        after.forEach((hit, j) => {
          expect(hit.score).toBeCloseTo(expectDefined(before[i]?.[j]).score, 5);
        });
      }

      // The reopened index keeps working: new ids do not collide with restored ones.
      await reopened.add(randomItems(20, 9, 10, 'later'));
      expect(await reopened.size()).toBe(290);
      expect(await reopened.deleteDocument('moved-doc')).toBe(1);
      expect(await reopened.deleteDocument('chunk-doc-0')).toBe(29);
      expect(await reopened.size()).toBe(260);
      const later = expectDefined(randomItems(20, 9, 10, 'later')[4]);
      expect((await reopened.search(later.vector, 1))[0]).toMatchObject({ id: 'later-4', documentId: 'later-doc-0' });
    });

    it('rejects vectors of the wrong dimension with a clear error and adds nothing from that batch', async () => {
      const index = await openFresh();
      const bad = new Float32Array(CONTRACT_DIMENSIONS + 1);
      await expect(
        index.add([
          { id: 'good', documentId: 'd', vector: unit(1) },
          { id: 'bad', documentId: 'd', vector: bad },
        ]),
      ).rejects.toThrow(new RegExp(`dimension.*${CONTRACT_DIMENSIONS + 1}.*${CONTRACT_DIMENSIONS}`, 'i'));
      expect(await index.size()).toBe(0);
      await expect(index.search(new Float32Array(CONTRACT_DIMENSIONS - 1), 3)).rejects.toThrow(/dimension/i);
    });

    it('rejects non-finite components', async () => {
      const index = await openFresh();
      await expect(index.add([{ id: 'nan', documentId: 'd', vector: unit(1, Number.NaN) }])).rejects.toThrow(/non-finite/);
      expect(await index.size()).toBe(0);
    });
  });
}
