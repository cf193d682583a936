import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { benchRecall, seededUnitVectors } from '../../embeddings/bench-recall.ts';
import { HNSW_DEFAULTS, HNSW_META_FILE, type HnswIndex, openHnswIndex } from '../../embeddings/hnsw-index.ts';
import { vectorIndexContract } from './vector-index.contract.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

// A small initial capacity so the contract's growth test crosses several resizes.
vectorIndexContract('hnsw', (dir, dimensions) => openHnswIndex({ dir, dimensions, initialCapacity: 64 }));

describe('HnswIndex persistence and slot reuse', () => {
  const dimensions = 16;
  const vectors = seededUnitVectors(40, dimensions, 11);
  const items = vectors.map((vector, i) => ({ id: `c${i}`, documentId: `d${Math.floor(i / 10)}`, vector }));
  let dirs: string[] = [];
  let opened: HnswIndex[] = [];

  async function openIn(dir: string): Promise<HnswIndex> {
    const index = await openHnswIndex({ dir, dimensions, initialCapacity: 16 });
    opened.push(index);
    return index;
  }

  async function persistedDir(generation: number): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'hnsw-index-'));
    dirs.push(dir);
    const index = await openIn(dir);
    await index.add(items);
    await index.persist(generation);
    return dir;
  }

  afterEach(async () => {
    for (const index of opened) await index.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    dirs = [];
    opened = [];
  });

  it('stores the caller generation and restores it', async () => {
    const dir = await persistedDir(7);
    const reopened = await openIn(dir);
    expect(reopened.restoreStatus).toEqual({ restored: true });
    expect(reopened.generation).toBe(7);
    reopened.generation = 8;
    await reopened.persist();
    expect((await openIn(dir)).generation).toBe(8);
  });

  it('keeps exactly one graph file and the meta file after repeated persists', async () => {
    const dir = await persistedDir(1);
    const index = await openIn(dir);
    await index.deleteDocument('d0');
    await index.persist(2);
    await index.add(items.slice(0, 5));
    await index.persist(3);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual([HNSW_META_FILE, 'vectors.r3.hnsw']);
  });

  it('opens empty, saying why, when the meta file points at a missing graph file', async () => {
    const dir = await persistedDir(1);
    const graphFile = expectDefined((await readdir(dir)).find((name) => name.endsWith('.hnsw')));
    await rm(join(dir, graphFile));
    const index = await openIn(dir);
    expect(index.restoreStatus.restored).toBe(false);
    expect(index.restoreStatus.reason).toMatch(/missing/);
    expect(index.generation).toBeNull();
    expect(await index.size()).toBe(0);
  });

  it('opens empty when the graph file was truncated', async () => {
    const dir = await persistedDir(1);
    const graphFile = expectDefined((await readdir(dir)).find((name) => name.endsWith('.hnsw')));
    const bytes = await readFile(join(dir, graphFile));
    await writeFile(join(dir, graphFile), bytes.subarray(0, bytes.length / 2));
    const index = await openIn(dir);
    expect(index.restoreStatus).toMatchObject({ restored: false });
    expect(await index.size()).toBe(0);
  });

  it('opens empty when the meta file is corrupt or of another dimension', async () => {
    const dir = await persistedDir(1);
    const metaPath = join(dir, HNSW_META_FILE);
    const { metaSha256, ...meta } = JSON.parse(await readFile(metaPath, 'utf8'));
    const resealed = (changed: object) => {
      const body = { ...meta, ...changed };
      return JSON.stringify({ ...body, metaSha256: createHash('sha256').update(JSON.stringify(body)).digest('hex') });
    };
    await writeFile(metaPath, resealed({ dimensions: dimensions * 2 }));
    expect((await openIn(dir)).restoreStatus.reason).toMatch(/32 dimensions, expected 16/);
    // A change the schema accepts (another chunk id) is caught by the meta file's checksum.
    await writeFile(metaPath, JSON.stringify({ ...meta, nextLabel: meta.nextLabel + 1, metaSha256 }));
    expect((await openIn(dir)).restoreStatus.reason).toMatch(/checksum does not match/);
    await writeFile(metaPath, '{"format":');
    expect((await openIn(dir)).restoreStatus.reason).toMatch(/meta file is invalid/);
  });

  it('opens empty, without reading it, when bytes of the graph file were flipped (same size)', async () => {
    const dir = await persistedDir(1);
    const graphFile = join(dir, expectDefined((await readdir(dir)).find((name) => name.endsWith('.hnsw'))));
    const bytes = await readFile(graphFile);
    // A neighbour id of the second element (after the 96-byte header and one element): hnswlib follows it out of bounds.
    const at = 96 + Number(bytes.readBigUInt64LE(24)) + 8;
    for (let i = at; i < at + 4; i++) bytes.writeUInt8(bytes.readUInt8(i) ^ 0xff, i);
    await writeFile(graphFile, bytes);
    const index = await openIn(dir);
    expect(index.restoreStatus).toEqual({ restored: false, reason: expect.stringMatching(/corrupt: its checksum/) });
    expect(await index.size()).toBe(0);
  });

  it('still opens the previous state when a crash left a newer graph file without its meta file', async () => {
    const dir = await persistedDir(1);
    const graphFile = expectDefined((await readdir(dir)).find((name) => name.endsWith('.hnsw')));
    // What persist() leaves if it dies between writing the next graph file and renaming the meta file.
    await writeFile(join(dir, graphFile.replace(/r\d+/, 'r99')), 'half-written graph');
    await writeFile(join(dir, `${HNSW_META_FILE}.123.tmp`), '{"half":');
    const index = await openIn(dir);
    expect(index.restoreStatus).toEqual({ restored: true });
    expect(await index.size()).toBe(items.length);
    expect(index.generation).toBe(1);
    await index.add(items.slice(0, 1));
    await index.persist(2);
    // The next revision goes past every graph file present, so it never overwrites one a meta file may name.
    expect((await readdir(dir)).sort()).toEqual([HNSW_META_FILE, 'vectors.r100.hnsw']);
  });

  it('reuses deleted slots instead of growing, also after a reopen', async () => {
    const dir = await persistedDir(1);
    const index = await openIn(dir);
    const capacity = index.stats().capacity;
    await index.deleteDocument('d1');
    expect(index.stats()).toMatchObject({ live: 30, deleted: 10 });
    await index.persist(2);

    const reopened = await openIn(dir);
    expect(reopened.stats()).toMatchObject({ live: 30, deleted: 10, capacity });
    const replacements = seededUnitVectors(10, dimensions, 12).map((vector, i) => ({ id: `n${i}`, documentId: 'new', vector }));
    await reopened.add(replacements);
    expect(reopened.stats()).toEqual({ live: 40, deleted: 0, capacity });
    const top = expectDefined((await reopened.search(expectDefined(replacements[3]).vector, 1))[0]);
    expect(top.id).toBe('n3');
    expect((await reopened.search(expectDefined(items[15]).vector, 40)).some((hit) => hit.documentId === 'd1')).toBe(false);
  });

  it('rejects use after close', async () => {
    const dir = await persistedDir(1);
    const index = await openIn(dir);
    await index.close();
    await expect(index.search(expectDefined(vectors[0]), 1)).rejects.toThrow(/closed/);
  });
});

describe('HnswIndex recall with the default parameters', () => {
  it('finds at least 99% of the exact top 10 on embedding-like vectors', async () => {
    const result = await benchRecall({ n: 3000, dims: 64, queries: 100 });
    expect(result.recallAt10).toBeGreaterThanOrEqual(0.99);
    expect(result.efSearch).toBe(HNSW_DEFAULTS.efSearch);
  }, 60_000);
});
