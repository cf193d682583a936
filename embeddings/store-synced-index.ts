// The embedded store's vector index: an HNSW file that caches the vectors the store keeps, and that proves it
// is current before it answers. On open it is kept when its checksums hold (hnsw-index.ts), its generation is the
// store's and it holds exactly the store's chunk ids. A file saved earlier by a writer that was then killed (a long
// ingest saves every minute) holds vectors of the same model at an older generation: it is caught up, like a
// search would, so only the vectors written since the save are inserted. Anything else is rebuilt from the store.
// Before every search it compares the store's generation with its own, so writes made by another process (a CLI
// ingest while `serve` runs) are caught up at once: missing chunks are read from the store, removed ones dropped.
// Saving first catches up the same way, so a saved file always holds exactly the store's chunks.
import type { ChunkSnapshot, ChunkVectorSource, VectorHit, VectorIndex, VectorItem } from './index.ts';
import { type HnswIndex, openHnswIndex } from './hnsw-index.ts';
import { assertDimensions, assertK, cosineWithUnit, normalized } from './vector-math.ts';

export interface StoreSyncedIndexOptions {
  dir: string;
  dimensions: number;
  source: ChunkVectorSource;
  /** False for a data folder this process may not write: the index lives in memory only. */
  writable: boolean;
  log?: (message: string) => void;
}

export async function openStoreSyncedIndex(options: StoreSyncedIndexOptions): Promise<StoreSyncedIndex> {
  const { dir, dimensions, source, log = () => {} } = options;
  const index = await openHnswIndex({ dir, dimensions });
  const snapshot = await source.chunkSnapshot(() => false);
  const stale = staleness(index, snapshot);
  const synced = new StoreSyncedIndex(index, options);
  if (stale === null) {
    // Files saved before the model was recorded hold the store's vectors, whose model is the store's.
    index.model ??= snapshot.model;
    return synced;
  }
  if (behindOnly(index, snapshot)) {
    log(`vector index is behind the store (${stale}); adding the vectors written since it was saved\n`);
    await synced.refresh();
  } else {
    if (index.restoreStatus.restored || snapshot.chunks.length)
      log(`vector index is not current (${stale}); rebuilding it from the vectors in the graph store\n`);
    await synced.rebuild();
  }
  synced.updatedOnOpen = snapshot.chunks.length > 0;
  return synced;
}

/** A file saved by this store earlier, with vectors of the model the store keeps: catching up is enough. */
function behindOnly(index: HnswIndex, snapshot: ChunkSnapshot): boolean {
  return (
    index.restoreStatus.restored &&
    index.generation !== null &&
    index.generation < snapshot.generation &&
    index.model !== null &&
    index.model === snapshot.model
  );
}

/** Why a restored index cannot serve the store as it is, or null when it holds exactly the store's chunks. */
function staleness(index: HnswIndex, snapshot: ChunkSnapshot): string | null {
  if (!index.restoreStatus.restored) return index.restoreStatus.reason ?? 'no persisted index';
  if (index.generation !== snapshot.generation) return `generation ${index.generation ?? 'none'}, the store's is ${snapshot.generation}`;
  const stored = new Set(snapshot.chunks.map((c) => c.id));
  let held = 0;
  for (const id of index.chunkIds()) {
    if (!stored.has(id)) return `it holds chunk ${id}, which the store does not`;
    held++;
  }
  return held === stored.size ? null : `it misses ${stored.size - held} of the store's ${stored.size} chunks`;
}

export class StoreSyncedIndex implements VectorIndex {
  readonly kind = 'hnsw';
  readonly dimensions: number;
  /** The file on disk was not current and the index was rebuilt or caught up in memory: worth saving. */
  updatedOnOpen = false;
  private catchingUp: Promise<void> | null = null;
  private turns: Promise<unknown> = Promise.resolve();

  constructor(
    private index: HnswIndex,
    private readonly options: StoreSyncedIndexOptions,
  ) {
    this.dimensions = options.dimensions;
  }

  /** The store generation the index reflects. */
  get generation(): number | null {
    return this.index.generation;
  }

  /** Catches up with writes committed since the index last looked (by this or another process). */
  async refresh(): Promise<void> {
    if (this.catchingUp) return this.catchingUp;
    if ((await this.options.source.generation()) === this.index.generation) return;
    this.catchingUp ??= this.inTurn(() => this.catchUp()).finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
  }

  /**
   * Additions and catch-ups take turns: inserts yield the event loop, and a catch-up that read the store while an
   * addition was half done would insert the same vectors again.
   */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turns.then(work);
    this.turns = result.catch(() => undefined);
    return result;
  }

  private async catchUp(): Promise<void> {
    const snapshot = await this.options.source.chunkSnapshot((id) => !this.index.has(id));
    if (snapshot.generation === this.index.generation) return;
    // The embedding model of the vectors held; another model's vectors (after a reindex) mean a rebuild.
    if (snapshot.model !== this.index.model && this.index.model !== null) {
      this.options.log?.(`the stored vectors now come from ${snapshot.model}; rebuilding the vector index\n`);
      await this.rebuild();
      return;
    }
    const stored = new Set(snapshot.chunks.map((c) => c.id));
    await this.index.deleteChunks([...this.index.chunkIds()].filter((id) => !stored.has(id)));
    await this.index.add(this.ofThisModel(snapshot.vectors));
    this.index.generation = snapshot.generation;
    this.index.model = snapshot.model;
  }

  /** Replaces the index with one built from every vector the store keeps. */
  async rebuild(): Promise<void> {
    const snapshot = await this.options.source.chunkSnapshot(() => true);
    const fresh = await openHnswIndex({ dir: this.options.dir, dimensions: this.dimensions, restore: false });
    const vectors = this.ofThisModel(snapshot.vectors);
    for (let i = 0; i < vectors.length; i += 1000) await fresh.add(vectors.slice(i, i + 1000));
    fresh.generation = snapshot.generation;
    fresh.model = snapshot.model;
    const previous = this.index;
    this.index = fresh;
    await previous.close();
  }

  /** Vectors of another embedder (other dimensions) cannot share this index. */
  private ofThisModel(items: VectorItem[]): VectorItem[] {
    return items.filter((item) => item.vector.length === this.dimensions);
  }

  /** Vectors the store has just committed; those a catch-up already inserted are not inserted twice. */
  add(items: VectorItem[]): Promise<void> {
    return this.inTurn(() => this.index.add(items.filter((item) => !this.index.has(item.id))));
  }

  deleteDocument(documentId: string): Promise<number> {
    return this.inTurn(() => this.index.deleteDocument(documentId));
  }

  async search(query: Float32Array, k: number): Promise<VectorHit[]> {
    await this.refresh();
    return this.index.search(query, k);
  }

  /**
   * Exact, over the vectors the store keeps for those reports: reading a city's 19 reports' 1,900 vectors from the
   * store takes 17 ms, from the HNSW file (one getPoint array per vector) 66 ms.
   */
  async searchWithin(query: Float32Array, k: number, documentIds: readonly string[]): Promise<VectorHit[]> {
    assertDimensions(query, this.options.dimensions, 'query');
    assertK(k);
    const unitQuery = normalized(query);
    const items = await this.options.source.vectorsWithin(documentIds);
    return items
      .map((item) => ({ id: item.id, documentId: item.documentId, score: cosineWithUnit(unitQuery, item.vector) }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, k);
  }

  /**
   * The vectors held now. A catch-up is started but not waited for: /api/health reports the size while an upload's
   * 50,000 vectors are inserted. chunkIds() and search() wait for the index to hold every stored chunk.
   */
  async size(): Promise<number> {
    this.refresh().catch((error: unknown) => this.options.log?.(`vector index catch-up failed: ${(error as Error).message}\n`));
    return this.index.size();
  }

  /** The chunk ids the index holds (after catching up), for checks that every stored chunk is findable. */
  async chunkIds(): Promise<string[]> {
    await this.refresh();
    return [...this.index.chunkIds()];
  }

  /**
   * Catches up with the store, then saves. The generation argument of the port is not needed: the store's own,
   * read in the same snapshot as its chunk ids, is recorded. Callers save while holding the data folder's write lock.
   */
  async persist(): Promise<void> {
    await this.refresh();
    if (this.options.writable) await this.index.persist();
  }

  async close(): Promise<void> {
    await this.catchingUp?.catch(() => undefined);
    await this.index.close();
  }
}
