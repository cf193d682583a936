// Approximate cosine search with hnswlib-node, persisted per data folder as two files:
//   vectors.r<revision>.hnsw  the graph (hnswlib's own format), a new name on every persist
//   vectors.meta.json         labels ↔ chunk ids and documentIds, the caller's generation and model, the graph file's
//                             name, size and SHA-256, and a SHA-256 of the meta itself
// persist() writes the graph under a fresh name first and renames the meta file into place last, so
// a crash at any point leaves the previous meta pointing at the previous, still present graph. The
// index is a cache of vectors the graph store also keeps, so anything inconsistent opens empty (with
// the reason in `restoreStatus`) and the caller rebuilds it; `generation` tells it when to. The graph
// file is checksummed before hnswlib reads it: hnswlib trusts its input, and a few flipped bytes of
// the same size crash the process (segmentation fault) instead of failing.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { defined } from '../src/domain/defined.ts';
import type { VectorHit, VectorIndex, VectorItem } from './index.ts';
import { commitTempFile, type RestoreStatus, tempPathFor, writeFileAtomically } from './persisted-files.ts';
import { assertDimensions, assertItems, assertK, normalized } from './vector-math.ts';

type HierarchicalNSW = InstanceType<typeof hnswlib.HierarchicalNSW>;

export const HNSW_META_FILE = 'vectors.meta.json';
const GRAPH_FILE = /^vectors\.r(\d+)\.hnsw$/;
const LEFTOVER_TEMP_FILE = /^vectors\.(r\d+\.hnsw|meta\.json)\.\d+\.tmp$/;
const graphFileName = (revision: number) => `vectors.r${revision}.hnsw`;

/** Synchronous work between turns of the event loop while inserting or saving (the server answers meanwhile). */
const YIELD_AFTER_MS = 10;
/** Items checked per turn of the event loop before a batch is inserted (4,000 held it 25–40 ms on a busy machine). */
const CHECK_SLICE = 1000;
/** Bytes of the meta file hashed per turn of the event loop. */
const HASH_SLICE = 256 * 1024;

/**
 * Defaults measured with bench-recall.ts on 100k embedding-like 512-dimensional vectors (a distribution
 * calibrated to be slightly harder than bge-small-zh embeddings of report paragraphs): recall@10 0.999
 * at efSearch 128 (0.9955 already at 32), about 0.5 ms per query; efConstruction 100 builds in about
 * half the time of 200 at the same recall.
 */
export const HNSW_DEFAULTS = { M: 16, efConstruction: 100, efSearch: 128, initialCapacity: 1024 } as const;
const MAX_LABEL = 0xffff_ffff; // hnswlib-node passes labels as uint32

export interface HnswIndexOptions {
  dir: string;
  dimensions: number;
  M?: number;
  efConstruction?: number;
  /** Candidate list size at query time: higher gives better recall and slower queries. */
  efSearch?: number;
  initialCapacity?: number;
  /** False: start empty whatever the folder holds (a rebuild); the next persist replaces the files. */
  restore?: boolean;
}

export interface HnswStats {
  live: number;
  /** Slots marked deleted; the next additions reuse them before the index grows. */
  deleted: number;
  capacity: number;
}

const metaSchema = z.object({
  format: z.literal('policy-graph-hnsw'),
  version: z.literal(2),
  space: z.literal('ip'),
  dimensions: z.number().int().positive(),
  M: z.number().int().positive(),
  efConstruction: z.number().int().positive(),
  generation: z.number().int().nullable(),
  /** The embedding model of the vectors (caller-owned); absent in files written before it was recorded. */
  model: z.string().nullable().default(null),
  revision: z.number().int().nonnegative(),
  graphFile: z.string().regex(GRAPH_FILE),
  graphBytes: z.number().int().positive(),
  graphSha256: z.string().regex(/^[0-9a-f]{64}$/),
  nextLabel: z.number().int().nonnegative(),
  deletedSlots: z.number().int().nonnegative(),
  documents: z.array(
    z.object({
      documentId: z.string().min(1),
      items: z.array(z.tuple([z.number().int().nonnegative(), z.string().min(1)])),
    }),
  ),
});
type Meta = z.infer<typeof metaSchema>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The meta file's text: the meta with its own checksum as the last key, as JSON.stringify({ ...meta, metaSha256 })
 * writes it, but serialized once and hashed in slices (an upload's 40,000 entries took 55 ms of the event loop).
 */
async function metaFileText(meta: Meta): Promise<string> {
  const text = JSON.stringify(meta);
  await setImmediate();
  const bytes = Buffer.from(text);
  const hash = createHash('sha256');
  for (let start = 0; start < bytes.length; start += HASH_SLICE) {
    hash.update(bytes.subarray(start, start + HASH_SLICE));
    await setImmediate();
  }
  return `${text.slice(0, -1)},"metaSha256":"${hash.digest('hex')}"}`;
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface Entry {
  id: string;
  documentId: string;
}

export async function openHnswIndex(options: HnswIndexOptions): Promise<HnswIndex> {
  const { dir, dimensions } = options;
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw new Error(`Invalid dimensions: ${dimensions}`);
  const settings = {
    M: options.M ?? HNSW_DEFAULTS.M,
    efConstruction: options.efConstruction ?? HNSW_DEFAULTS.efConstruction,
    efSearch: options.efSearch ?? HNSW_DEFAULTS.efSearch,
    initialCapacity: Math.max(1, options.initialCapacity ?? HNSW_DEFAULTS.initialCapacity),
  };
  const restored = options.restore === false ? { reason: 'rebuilding' } : await restore(dir, dimensions);
  if ('index' in restored) {
    const { index, meta } = restored;
    index.setEf(settings.efSearch);
    return new HnswIndex(dir, dimensions, index, { M: meta.M, efConstruction: meta.efConstruction }, { restored: true }, meta);
  }
  const index = new hnswlib.HierarchicalNSW('ip', dimensions);
  index.initIndex({
    maxElements: settings.initialCapacity,
    m: settings.M,
    efConstruction: settings.efConstruction,
    allowReplaceDeleted: true,
  });
  index.setEf(settings.efSearch);
  return new HnswIndex(dir, dimensions, index, settings, { restored: false, reason: restored.reason });
}

async function restore(dir: string, dimensions: number): Promise<{ index: HierarchicalNSW; meta: Meta } | { reason: string }> {
  let metaText: string;
  try {
    metaText = await readFile(join(dir, HNSW_META_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { reason: 'no persisted index' };
    throw error;
  }
  let meta: Meta;
  try {
    // The checksum covers the meta as written (JSON keeps key order), before any parsing reshapes it.
    const { metaSha256, ...written } = z.object({ metaSha256: z.string() }).loose().parse(JSON.parse(metaText));
    if (sha256(JSON.stringify(written)) !== metaSha256) return { reason: 'meta file is invalid: its checksum does not match its content' };
    meta = metaSchema.parse(written);
  } catch (error) {
    return { reason: `meta file is invalid: ${(error as Error).message}` };
  }
  if (meta.dimensions !== dimensions) {
    return { reason: `persisted index has ${meta.dimensions} dimensions, expected ${dimensions}` };
  }
  const graphPath = join(dir, meta.graphFile);
  const graphBytes = await stat(graphPath).then(
    (stats) => stats.size,
    () => undefined,
  );
  if (graphBytes !== meta.graphBytes) {
    return {
      reason: `graph file ${meta.graphFile} is ${graphBytes === undefined ? 'missing' : `${graphBytes} bytes, expected ${meta.graphBytes}`}`,
    };
  }
  if ((await fileSha256(graphPath)) !== meta.graphSha256) {
    return { reason: `graph file ${meta.graphFile} is corrupt: its checksum does not match the meta file` };
  }
  const index = new hnswlib.HierarchicalNSW('ip', dimensions);
  try {
    await index.readIndex(graphPath, true);
  } catch (error) {
    return { reason: `graph file ${meta.graphFile} is unreadable: ${(error as Error).message}` };
  }
  const labels = new Set(index.getIdsList());
  const live = meta.documents.flatMap((document) => document.items.map(([label]) => label));
  const consistent =
    index.getNumDimensions() === dimensions &&
    labels.size === live.length + meta.deletedSlots &&
    live.every((label) => labels.has(label) && label < meta.nextLabel);
  if (!consistent) return { reason: `graph file ${meta.graphFile} does not match the meta file` };
  return { index, meta };
}

export class HnswIndex implements VectorIndex {
  readonly kind = 'hnsw';
  readonly restoreStatus: RestoreStatus;

  private index: HierarchicalNSW | null;
  private readonly entryByLabel = new Map<number, Entry>();
  private readonly labelById = new Map<string, number>();
  private readonly labelsByDocument = new Map<string, Set<number>>();
  private nextLabel = 0;
  private revision = 0;
  private currentGeneration: number | null = null;
  private currentModel: string | null = null;
  private dirty = true;
  // Serialises mutations with persist(): hnswlib writes the file on a worker thread, which must not
  // see the graph change underneath it.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    readonly dimensions: number,
    index: HierarchicalNSW,
    /** Graph parameters, recorded in the meta file for inspection (hnswlib keeps its own copy in the graph file). */
    private readonly build: { M: number; efConstruction: number },
    restoreStatus: RestoreStatus,
    meta?: Meta,
  ) {
    this.index = index;
    this.restoreStatus = restoreStatus;
    if (meta) {
      for (const { documentId, items } of meta.documents) {
        for (const [label, id] of items) this.remember(label, { id, documentId });
      }
      this.nextLabel = meta.nextLabel;
      this.revision = meta.revision;
      this.currentGeneration = meta.generation;
      this.currentModel = meta.model;
      this.dirty = false;
    }
  }

  /** Caller-owned number persisted with the vectors, compared with the graph store's after a crash. */
  get generation(): number | null {
    return this.currentGeneration;
  }

  set generation(value: number | null) {
    if (value !== this.currentGeneration) this.dirty = true;
    this.currentGeneration = value;
  }

  /** Caller-owned name of the model the vectors come from, persisted with them (null: not recorded). */
  get model(): string | null {
    return this.currentModel;
  }

  set model(value: string | null) {
    if (value !== this.currentModel) this.dirty = true;
    this.currentModel = value;
  }

  add(items: VectorItem[]): Promise<void> {
    return this.exclusive(async () => {
      const index = this.open();
      // Every item is checked before any is inserted, in slices: 40,000 vectors checked at once held the loop ~40 ms.
      for (let start = 0; start < items.length; start += CHECK_SLICE) {
        if (start > 0) await setImmediate();
        assertItems(items.slice(start, start + CHECK_SLICE), this.dimensions);
      }
      if (this.nextLabel + items.length > MAX_LABEL) throw new Error('HNSW label space exhausted: rebuild the index');
      // Room for the whole batch at once, while the index is small: growing by doubling copies every vector held
      // (one synchronous native call that took half a second at 32,000 vectors, mid-upload).
      if (this.deletedSlots() < items.length) this.ensureCapacity(index, index.getCurrentCount() + items.length);
      let since = performance.now();
      // forget() first, so an id repeated within the batch ends with its last vector.
      for (const item of items) {
        // Each insert is a synchronous native call (about a millisecond): 50,000 of them would hold the event
        // loop for a minute, so the loop gets a turn every few milliseconds (searches between turns are safe).
        if (performance.now() - since > YIELD_AFTER_MS) {
          await setImmediate();
          since = performance.now();
        }
        this.forget(item.id);
        if (this.deletedSlots() === 0) this.ensureCapacity(index, index.getCurrentCount() + 1);
        const label = this.nextLabel++;
        index.addPoint(Array.from(normalized(item.vector)), label, true);
        this.remember(label, { id: item.id, documentId: item.documentId });
      }
      if (items.length > 0) this.dirty = true;
    });
  }

  deleteDocument(documentId: string): Promise<number> {
    return this.exclusive(() => {
      this.open();
      const labels = this.labelsByDocument.get(documentId);
      if (!labels) return 0;
      const ids = [...labels].map((label) => this.entryOf(label).id);
      for (const id of ids) this.forget(id);
      this.dirty = true;
      return ids.length;
    });
  }

  /** Removes the given chunk ids (absent ones are ignored); returns how many were held. */
  deleteChunks(ids: Iterable<string>): Promise<number> {
    return this.exclusive(() => {
      this.open();
      let removed = 0;
      for (const id of ids) {
        if (!this.labelById.has(id)) continue;
        this.forget(id);
        removed++;
      }
      if (removed) this.dirty = true;
      return removed;
    });
  }

  has(chunkId: string): boolean {
    return this.labelById.has(chunkId);
  }

  /** The chunk ids the index holds. */
  chunkIds(): IterableIterator<string> {
    return this.labelById.keys();
  }

  async search(query: Float32Array, k: number): Promise<VectorHit[]> {
    const index = this.open();
    assertDimensions(query, this.dimensions, 'query');
    assertK(k);
    const limit = Math.min(k, this.entryByLabel.size);
    if (limit === 0) return [];
    const { neighbors, distances } = index.searchKnn(Array.from(normalized(query)), limit);
    return neighbors.map((label, i) => {
      const entry = this.entryOf(label);
      // The 'ip' space reports 1 - dot product; on unit vectors the dot product is the cosine.
      return { id: entry.id, documentId: entry.documentId, score: 1 - defined(distances[i], 'distance of a neighbour') };
    });
  }

  /** Exact: the documents' vectors are read back from the graph and compared one by one (a report has a few hundred). */
  async searchWithin(query: Float32Array, k: number, documentIds: readonly string[]): Promise<VectorHit[]> {
    const index = this.open();
    assertDimensions(query, this.dimensions, 'query');
    assertK(k);
    const unitQuery = normalized(query);
    const hits: VectorHit[] = [];
    for (const documentId of documentIds) {
      for (const label of this.labelsByDocument.get(documentId) ?? []) {
        const point = index.getPoint(label);
        // The point has the query's dimensions (assertDimensions above), so `?? 0` never pads.
        const dot = point.reduce((sum, value, i) => sum + value * (unitQuery[i] ?? 0), 0);
        const entry = this.entryOf(label);
        hits.push({ id: entry.id, documentId: entry.documentId, score: dot });
      }
    }
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, k);
  }

  async size(): Promise<number> {
    this.open();
    return this.entryByLabel.size;
  }

  /** Query-time candidate list size; can be tuned on a live index (the bench sweeps it). */
  set efSearch(ef: number) {
    if (!Number.isInteger(ef) || ef <= 0) throw new Error(`Invalid efSearch: ${ef}`);
    this.open().setEf(ef);
  }

  get efSearch(): number {
    return this.open().getEf();
  }

  stats(): HnswStats {
    const index = this.open();
    return { live: this.entryByLabel.size, deleted: this.deletedSlots(), capacity: index.getMaxElements() };
  }

  /** Writes the graph and the meta file atomically; `generation`, when given, is stored with them. */
  persist(generation?: number): Promise<void> {
    return this.exclusive(async () => {
      const index = this.open();
      if (generation !== undefined) this.generation = generation;
      if (!this.dirty) return;
      await mkdir(this.dir, { recursive: true });
      // Past every graph file present: a rebuilt index must not overwrite the file the current meta names.
      const present = (await readdir(this.dir)).map((name) => Number(GRAPH_FILE.exec(name)?.[1] ?? 0));
      const revision = Math.max(this.revision, ...present) + 1;
      const graphFile = graphFileName(revision);
      const graphPath = join(this.dir, graphFile);
      const tempPath = tempPathFor(graphPath);
      await index.writeIndex(tempPath);
      await commitTempFile(tempPath, graphPath);
      const meta: Meta = {
        format: 'policy-graph-hnsw',
        version: 2,
        space: 'ip',
        dimensions: this.dimensions,
        M: this.build.M,
        efConstruction: this.build.efConstruction,
        generation: this.currentGeneration,
        model: this.currentModel,
        revision,
        graphFile,
        graphBytes: (await stat(graphPath)).size,
        graphSha256: await fileSha256(graphPath),
        nextLabel: this.nextLabel,
        deletedSlots: this.deletedSlots(),
        documents: await this.documentItems(),
      };
      await writeFileAtomically(join(this.dir, HNSW_META_FILE), await metaFileText(meta));
      this.revision = revision;
      this.dirty = false;
      await this.removeStaleFiles(graphFile);
    });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.index = null;
    this.entryByLabel.clear();
    this.labelById.clear();
    this.labelsByDocument.clear();
  }

  /** Every document's labels and chunk ids, listed with turns of the event loop (40,000 took 20 ms at once). */
  private async documentItems(): Promise<Meta['documents']> {
    const documents: Meta['documents'] = [];
    let since = performance.now();
    for (const [documentId, labels] of this.labelsByDocument) {
      const items: Meta['documents'][number]['items'] = [];
      for (const label of labels) {
        items.push([label, this.entryOf(label).id]);
        if (items.length % 1000 === 0 && performance.now() - since > YIELD_AFTER_MS) {
          await setImmediate();
          since = performance.now();
        }
      }
      documents.push({ documentId, items });
    }
    return documents;
  }

  private entryOf(label: number): Entry {
    return defined(this.entryByLabel.get(label), 'entry of an index label');
  }

  private remember(label: number, entry: Entry): void {
    this.entryByLabel.set(label, entry);
    this.labelById.set(entry.id, label);
    let labels = this.labelsByDocument.get(entry.documentId);
    if (!labels) {
      labels = new Set();
      this.labelsByDocument.set(entry.documentId, labels);
    }
    labels.add(label);
  }

  /** Marks an id's slot deleted; hnswlib hands the slot to the next addPoint(…, replaceDeleted). */
  private forget(id: string): void {
    const label = this.labelById.get(id);
    if (label === undefined) return;
    const entry = this.entryOf(label);
    this.open().markDelete(label);
    this.entryByLabel.delete(label);
    this.labelById.delete(id);
    const labels = defined(this.labelsByDocument.get(entry.documentId), 'labels of an indexed document');
    labels.delete(label);
    if (labels.size === 0) this.labelsByDocument.delete(entry.documentId);
  }

  private deletedSlots(): number {
    return this.open().getCurrentCount() - this.entryByLabel.size;
  }

  private ensureCapacity(index: HierarchicalNSW, needed: number): void {
    const capacity = index.getMaxElements();
    if (needed > capacity) index.resizeIndex(Math.max(needed, capacity * 2));
  }

  private async removeStaleFiles(currentGraphFile: string): Promise<void> {
    for (const name of await readdir(this.dir)) {
      const stale = (GRAPH_FILE.test(name) && name !== currentGraphFile) || LEFTOVER_TEMP_FILE.test(name);
      if (stale) await rm(join(this.dir, name), { force: true });
    }
  }

  private exclusive<T>(operation: () => T | Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private open(): HierarchicalNSW {
    if (!this.index) throw new Error('Vector index is closed');
    return this.index;
  }
}
