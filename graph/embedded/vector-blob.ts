// How the embedded store keeps a vector: its float32 bytes in a BLOB.

/** A stored vector's floats: a view when the blob is aligned, a copy otherwise (a Float32Array needs 4-byte alignment). */
export function floatsOf(blob: Buffer): Float32Array {
  return blob.byteOffset % 4 === 0
    ? new Float32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4)
    : new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
