// Refuses ZIP archives (.docx) that would expand beyond a sane size — zip bombs — before mammoth inflates
// them whole into memory. Declared sizes can lie, so every entry is actually inflated under a hard cap.
import { inflateRawSync } from 'node:zlib';
import { ReadFailure } from './errors.ts';

/** Far above any real report (its XML is a few MB), far below what would exhaust the process. */
export const MAX_EXPANDED_ZIP_BYTES = 100 * 1024 * 1024;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

/** Throws a ReadFailure when the archive would expand beyond `limit` bytes; malformed archives are left to the reader. */
export function assertZipExpandsWithin(bytes: Buffer, limit = MAX_EXPANDED_ZIP_BYTES): void {
  const entries = centralDirectory(bytes);
  if (entries === undefined) return;
  const tooLarge = (): never => {
    throw new ReadFailure(`.docx expands to more than ${limit / (1024 * 1024)} MB (zip bomb?)`);
  };
  if (entries.some((entry) => entry.compressedSize === ZIP64_MARKER || entry.declaredSize === ZIP64_MARKER)) tooLarge();
  if (entries.reduce((sum, entry) => sum + entry.declaredSize, 0) > limit) tooLarge();
  let expanded = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    if (data === undefined) return;
    if (entry.method === STORED) expanded += data.length;
    else if (entry.method === DEFLATED) {
      try {
        expanded += inflateRawSync(data, { maxOutputLength: limit - expanded + 1 }).length;
      } catch (error) {
        if (error instanceof RangeError) tooLarge();
        return; // corrupt data: mammoth reports it
      }
    }
    if (expanded > limit) tooLarge();
  }
}

function centralDirectory(bytes: Buffer): ZipEntry[] | undefined {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= searchFrom; offset--) {
    if (bytes.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return undefined;
    entries.push({
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      declaredSize: bytes.readUInt32LE(offset + 24),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
    });
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

function entryData(bytes: Buffer, entry: ZipEntry): Buffer | undefined {
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_FILE_HEADER) return undefined;
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? bytes.subarray(start, end) : undefined;
}
