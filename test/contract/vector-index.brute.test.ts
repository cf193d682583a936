import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seededUnitVectors } from '../../embeddings/bench-recall.ts';
import { BRUTE_FORCE_FILE, openBruteForceIndex } from '../../embeddings/brute-force-index.ts';
import { vectorIndexContract } from './vector-index.contract.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

vectorIndexContract('brute force', (dir, dimensions) => openBruteForceIndex({ dir, dimensions, initialCapacity: 4 }));

describe('BruteForceIndex specifics', () => {
  const dimensions = 12;
  const items = seededUnitVectors(25, dimensions, 21).map((vector, i) => ({ id: `c${i}`, documentId: `d${i % 3}`, vector }));
  let dirs: string[] = [];

  async function freshDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'brute-index-'));
    dirs.push(dir);
    return dir;
  }

  afterEach(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    dirs = [];
  });

  it('works in memory without a folder', async () => {
    const index = await openBruteForceIndex({ dimensions });
    await index.add(items);
    await index.persist(3);
    expect(index.generation).toBe(3);
    expect((await index.search(expectDefined(items[9]).vector, 1))[0]).toMatchObject({ id: 'c9', documentId: 'd0' });
    await index.close();
  });

  it('restores the caller generation with the vectors', async () => {
    const dir = await freshDir();
    const first = await openBruteForceIndex({ dir, dimensions });
    await first.add(items);
    await first.persist(5);
    await first.close();
    const reopened = await openBruteForceIndex({ dir, dimensions });
    expect(reopened.restoreStatus).toEqual({ restored: true });
    expect(reopened.generation).toBe(5);
    expect(await reopened.size()).toBe(items.length);
    await reopened.close();
  });

  it('opens empty, saying why, from a corrupt file or one of another dimension', async () => {
    const dir = await freshDir();
    const first = await openBruteForceIndex({ dir, dimensions });
    await first.add(items);
    await first.persist(1);
    await first.close();

    const otherDimension = await openBruteForceIndex({ dir, dimensions: dimensions + 1 });
    expect(otherDimension.restoreStatus.reason).toMatch(/12 dimensions, expected 13/);
    expect(await otherDimension.size()).toBe(0);

    await writeFile(join(dir, BRUTE_FORCE_FILE), 'not a vector file');
    const corrupt = await openBruteForceIndex({ dir, dimensions });
    expect(corrupt.restoreStatus).toMatchObject({ restored: false });
    expect(await corrupt.size()).toBe(0);
  });

  it('breaks score ties by id so results are deterministic', async () => {
    const index = await openBruteForceIndex({ dimensions: 2 });
    const same = new Float32Array([1, 0]);
    await index.add(['b', 'c', 'a'].map((id) => ({ id, documentId: 'd', vector: same })));
    expect((await index.search(same, 3)).map((hit) => hit.id)).toEqual(['a', 'b', 'c']);
  });
});
