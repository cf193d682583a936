// Input checks and arithmetic shared by the VectorIndex implementations, so every backend
// rejects the same bad input with the same message and scores with the same cosine; and the packing of many vectors
// into one buffer that crosses a thread boundary in one move.
import type { VectorItem } from './index.ts';

export function assertDimensions(vector: Float32Array, dimensions: number, what: string): void {
  if (vector.length !== dimensions) {
    throw new Error(`Dimension mismatch: ${what} has ${vector.length} dimensions, the index expects ${dimensions}`);
  }
  for (let i = 0; i < vector.length; i++) {
    if (!Number.isFinite(vector[i])) throw new Error(`Invalid vector: ${what} has a non-finite value at position ${i}`);
  }
}

/** Checks a whole batch before anything is written, so a bad item never leaves a half-applied batch. */
export function assertItems(items: readonly VectorItem[], dimensions: number): void {
  for (const item of items) {
    if (!item.id) throw new Error('Invalid vector item: empty id');
    if (!item.documentId) throw new Error(`Invalid vector item "${item.id}": empty documentId`);
    assertDimensions(item.vector, dimensions, `vector "${item.id}"`);
  }
}

export function assertK(k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new Error(`Invalid k: ${k} (expected a non-negative integer)`);
}

/** Unit-length copy; a zero vector stays zero (it then scores 0 against everything). */
export function normalized(vector: Float32Array): Float32Array {
  let sumOfSquares = 0;
  for (const value of vector) sumOfSquares += value * value;
  if (sumOfSquares === 0) return new Float32Array(vector.length);
  const scale = 1 / Math.sqrt(sumOfSquares);
  return vector.map((value) => value * scale);
}

// The products below are the hot loops of a search, so they index rather than iterate (for-of over a typed array
// is several times slower). Callers have checked that the lengths match (assertDimensions), so each `?? 0` only
// satisfies the index type and never pads a short vector.

/** Dot product of two vectors of the same length. */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** Dot product of `query` with row `row` of a row-major matrix. */
export function dotWithRow(query: Float32Array, matrix: Float32Array, row: number): number {
  const dimensions = query.length;
  const offset = row * dimensions;
  let sum = 0;
  for (let i = 0; i < dimensions; i++) sum += (query[i] ?? 0) * (matrix[offset + i] ?? 0);
  return sum;
}

/** Cosine of a unit-length query with a vector not assumed unit length (a stored vector read back as it is). */
export function cosineWithUnit(unitQuery: Float32Array, vector: Float32Array): number {
  let dot = 0;
  let squares = 0;
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i] ?? 0;
    dot += (unitQuery[i] ?? 0) * value;
    squares += value * value;
  }
  return squares === 0 ? 0 : dot / Math.sqrt(squares);
}

/** The vectors one after another in one buffer (one transfer between threads instead of one per vector). */
export function packVectors(vectors: readonly Float32Array[], dimensions: number): Float32Array<ArrayBuffer> {
  const packed = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, i) => {
    packed.set(vector, i * dimensions);
  });
  return packed;
}

/** Views of packed vectors, one per vector, sharing the buffer. */
export function vectorViews(packed: Float32Array, dimensions: number): Float32Array[] {
  return Array.from({ length: dimensions ? packed.length / dimensions : 0 }, (_, i) =>
    packed.subarray(i * dimensions, (i + 1) * dimensions),
  );
}
