// Exact cosine search over every stored vector. It is the ground truth the HNSW recall is measured
// against, and a dependable index for small collections. Optionally persisted as one binary file.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { defined } from '../src/domain/defined.ts';
import type { VectorHit, VectorIndex, VectorItem } from './index.ts';
import { type RestoreStatus, writeFileAtomically } from './persisted-files.ts';
import { assertDimensions, assertItems, assertK, dotWithRow, normalized } from './vector-math.ts';

export const BRUTE_FORCE_FILE = 'vectors.brute.bin';
const MAGIC = 'PGVBF001';
// Insertion into a sorted top-k list is cheap for small k; beyond this a full sort is faster.
const FULL_SORT_ABOVE_K = 256;

interface RankedRow {
  row: number;
  score: number;
}

export interface BruteForceIndexOptions {
  dimensions: number;
  /** Folder holding the persisted file; without it the index lives in memory only and persist() does nothing. */
  dir?: string;
  initialCapacity?: number;
}

const headerSchema = z.object({
  dimensions: z.number().int().positive(),
  generation: z.number().int().nullable(),
  ids: z.array(z.string().min(1)),
  documentIds: z.array(z.string().min(1)),
});
type Header = z.infer<typeof headerSchema>;

export async function openBruteForceIndex(options: BruteForceIndexOptions): Promise<BruteForceIndex> {
  const index = new BruteForceIndex(options.dimensions, options.dir, options.initialCapacity ?? 1024);
  if (options.dir) {
    await mkdir(options.dir, { recursive: true });
    index.restoreStatus = await index.load(join(options.dir, BRUTE_FORCE_FILE));
  }
  return index;
}

export class BruteForceIndex implements VectorIndex {
  readonly kind = 'brute-force';
  /** Caller-owned number persisted with the vectors, compared with the graph store's after a crash. */
  generation: number | null = null;
  restoreStatus: RestoreStatus = { restored: false, reason: 'in-memory index' };

  // Rows are kept dense: deleting swaps the last row into the hole.
  private matrix: Float32Array;
  private rowIds: string[] = [];
  private rowDocumentIds: string[] = [];
  private readonly rowById = new Map<string, number>();
  private readonly idsByDocument = new Map<string, Set<string>>();
  private closed = false;

  constructor(
    readonly dimensions: number,
    private readonly dir: string | undefined,
    initialCapacity: number,
  ) {
    if (!Number.isInteger(dimensions) || dimensions <= 0) throw new Error(`Invalid dimensions: ${dimensions}`);
    this.matrix = new Float32Array(Math.max(1, initialCapacity) * dimensions);
  }

  async add(items: VectorItem[]): Promise<void> {
    this.assertOpen();
    assertItems(items, this.dimensions);
    // Sequential puts make a repeated id within one batch end with its last vector.
    for (const item of items) this.put(item.id, item.documentId, normalized(item.vector));
  }

  async deleteDocument(documentId: string): Promise<number> {
    this.assertOpen();
    const ids = this.idsByDocument.get(documentId);
    if (!ids) return 0;
    const removed = [...ids];
    for (const id of removed) this.remove(id);
    return removed.length;
  }

  async search(query: Float32Array, k: number): Promise<VectorHit[]> {
    this.assertOpen();
    assertDimensions(query, this.dimensions, 'query');
    assertK(k);
    const unitQuery = normalized(query);
    const count = this.rowIds.length;
    const limit = Math.min(k, count);
    if (limit === 0) return [];
    const ranked = limit > FULL_SORT_ABOVE_K ? this.rankAll(unitQuery).slice(0, limit) : this.rankTop(unitQuery, limit);
    return ranked.map(({ row, score }) => ({ id: this.idAt(row), documentId: this.documentIdAt(row), score }));
  }

  async searchWithin(query: Float32Array, k: number, documentIds: readonly string[]): Promise<VectorHit[]> {
    this.assertOpen();
    assertDimensions(query, this.dimensions, 'query');
    assertK(k);
    const unitQuery = normalized(query);
    const rows = documentIds.flatMap((documentId) => [...(this.idsByDocument.get(documentId) ?? [])].map((id) => this.rowOf(id)));
    return rows
      .map((row) => ({ id: this.idAt(row), documentId: this.documentIdAt(row), score: dotWithRow(unitQuery, this.matrix, row) }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, k);
  }

  private rankTop(unitQuery: Float32Array, k: number): RankedRow[] {
    const best = new TopK(k, (row) => this.idAt(row));
    for (let row = 0; row < this.rowIds.length; row++) best.offer(row, dotWithRow(unitQuery, this.matrix, row));
    return best.sorted();
  }

  private rankAll(unitQuery: Float32Array): RankedRow[] {
    const rows: RankedRow[] = this.rowIds.map((_, row) => ({ row, score: dotWithRow(unitQuery, this.matrix, row) }));
    return rows.sort((a, b) => b.score - a.score || compareStrings(this.idAt(a.row), this.idAt(b.row)));
  }

  private idAt(row: number): string {
    return defined(this.rowIds[row], 'vector id of a row');
  }

  private documentIdAt(row: number): string {
    return defined(this.rowDocumentIds[row], 'document id of a row');
  }

  private rowOf(id: string): number {
    return defined(this.rowById.get(id), 'row of a stored vector id');
  }

  async size(): Promise<number> {
    this.assertOpen();
    return this.rowIds.length;
  }

  async persist(generation?: number): Promise<void> {
    this.assertOpen();
    if (generation !== undefined) this.generation = generation;
    if (!this.dir) return;
    await writeFileAtomically(join(this.dir, BRUTE_FORCE_FILE), this.serialize());
  }

  async close(): Promise<void> {
    this.closed = true;
    this.matrix = new Float32Array(0);
    this.rowIds = [];
    this.rowDocumentIds = [];
    this.rowById.clear();
    this.idsByDocument.clear();
  }

  /** Reads a persisted file; anything unreadable or of another dimension leaves the index empty and says why. */
  async load(path: string): Promise<RestoreStatus> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { restored: false, reason: 'no persisted index' };
      throw error;
    }
    const parsed = parseFile(bytes);
    if ('reason' in parsed) return { restored: false, reason: parsed.reason };
    const { header, vectors } = parsed;
    if (header.dimensions !== this.dimensions) {
      return { restored: false, reason: `persisted index has ${header.dimensions} dimensions, expected ${this.dimensions}` };
    }
    // parseFile checked that ids and documentIds have the same length.
    for (const [row, id] of header.ids.entries()) {
      const vector = vectors.subarray(row * this.dimensions, (row + 1) * this.dimensions);
      this.put(id, defined(header.documentIds[row], `document id of persisted row ${row}`), vector);
    }
    this.generation = header.generation;
    return { restored: true };
  }

  private put(id: string, documentId: string, unitVector: Float32Array): void {
    this.remove(id);
    const row = this.rowIds.length;
    this.ensureCapacity(row + 1);
    this.matrix.set(unitVector, row * this.dimensions);
    this.rowIds.push(id);
    this.rowDocumentIds.push(documentId);
    this.rowById.set(id, row);
    let ids = this.idsByDocument.get(documentId);
    if (!ids) {
      ids = new Set();
      this.idsByDocument.set(documentId, ids);
    }
    ids.add(id);
  }

  private remove(id: string): void {
    const row = this.rowById.get(id);
    if (row === undefined) return;
    const documentId = this.documentIdAt(row);
    const ids = defined(this.idsByDocument.get(documentId), `vector ids of document ${documentId}`);
    ids.delete(id);
    if (ids.size === 0) this.idsByDocument.delete(documentId);
    this.rowById.delete(id);

    const lastRow = this.rowIds.length - 1;
    if (row !== lastRow) {
      const lastId = this.idAt(lastRow);
      this.matrix.copyWithin(row * this.dimensions, lastRow * this.dimensions, (lastRow + 1) * this.dimensions);
      this.rowIds[row] = lastId;
      this.rowDocumentIds[row] = this.documentIdAt(lastRow);
      this.rowById.set(lastId, row);
    }
    this.rowIds.pop();
    this.rowDocumentIds.pop();
  }

  private ensureCapacity(rows: number): void {
    const capacity = this.matrix.length / this.dimensions;
    if (rows <= capacity) return;
    const grown = new Float32Array(Math.max(rows, capacity * 2) * this.dimensions);
    grown.set(this.matrix);
    this.matrix = grown;
  }

  private serialize(): Buffer {
    const header: Header = {
      dimensions: this.dimensions,
      generation: this.generation,
      ids: this.rowIds,
      documentIds: this.rowDocumentIds,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    // Pad so the float data starts 4-byte aligned and can be viewed in place when read back.
    const prefixLength = MAGIC.length + 4 + headerBytes.length;
    const padding = (4 - (prefixLength % 4)) % 4;
    const vectorBytes = this.rowIds.length * this.dimensions * 4;
    const out = Buffer.alloc(prefixLength + padding + vectorBytes);
    out.write(MAGIC, 0, 'latin1');
    out.writeUInt32LE(headerBytes.length, MAGIC.length);
    headerBytes.copy(out, MAGIC.length + 4);
    const vectors = this.matrix.subarray(0, this.rowIds.length * this.dimensions);
    Buffer.from(vectors.buffer, vectors.byteOffset, vectorBytes).copy(out, prefixLength + padding);
    return out;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('Vector index is closed');
  }
}

function parseFile(bytes: Buffer): { header: Header; vectors: Float32Array } | { reason: string } {
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    return { reason: 'persisted index file is not a brute-force vector file' };
  }
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerStart + headerLength > bytes.length) return { reason: 'persisted index file is truncated' };
  let header: Header;
  try {
    header = headerSchema.parse(JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)));
  } catch (error) {
    return { reason: `persisted index header is invalid: ${(error as Error).message}` };
  }
  if (header.ids.length !== header.documentIds.length) return { reason: 'persisted index header is inconsistent' };
  const prefixLength = headerStart + headerLength;
  const dataStart = prefixLength + ((4 - (prefixLength % 4)) % 4);
  const expectedBytes = header.ids.length * header.dimensions * 4;
  if (bytes.length - dataStart !== expectedBytes) return { reason: 'persisted index file has the wrong length' };
  // Copy into a fresh buffer: the Buffer from readFile may sit at an unaligned offset of a shared pool.
  const vectors = new Float32Array(header.ids.length * header.dimensions);
  Buffer.from(vectors.buffer).set(bytes.subarray(dataStart));
  return { header, vectors };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keeps the k best (score, row) pairs; ties are broken by id so results are deterministic. */
class TopK {
  private readonly entries: RankedRow[] = [];

  constructor(
    private readonly k: number,
    private readonly idOf: (row: number) => string,
  ) {}

  offer(row: number, score: number): void {
    const entries = this.entries;
    // The list never holds more than k, so its k-th entry exists only once it is full.
    const worst = entries[this.k - 1];
    if (worst && !this.ranksBefore(row, score, worst)) return;
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.ranksBefore(row, score, defined(entries[middle], 'top-k entry'))) high = middle;
      else low = middle + 1;
    }
    entries.splice(low, 0, { row, score });
    if (entries.length > this.k) entries.pop();
  }

  sorted(): RankedRow[] {
    return this.entries;
  }

  private ranksBefore(row: number, score: number, other: RankedRow): boolean {
    if (score !== other.score) return score > other.score;
    return this.idOf(row) < this.idOf(other.row);
  }
}
