// Persistence helpers for file-backed vector indexes. Crash-safe replacement: write a temporary
// sibling, fsync it, rename it over the target, fsync the folder, so a reader sees the old or the new file, never a torn one.
import { open, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const TEMP_SUFFIX = '.tmp';

export function tempPathFor(path: string): string {
  return `${path}.${process.pid}${TEMP_SUFFIX}`;
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Moves an already written temporary file into place durably. */
export async function commitTempFile(tempPath: string, finalPath: string): Promise<void> {
  await fsyncPath(tempPath);
  await rename(tempPath, finalPath);
  await fsyncDirectory(dirname(finalPath));
}

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const tempPath = tempPathFor(path);
  await writeFile(tempPath, data);
  await commitTempFile(tempPath, path);
}

async function fsyncDirectory(dir: string): Promise<void> {
  // Directory fsync makes the rename itself durable; some platforms (Windows) refuse to open a folder.
  try {
    await fsyncPath(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/** What opening a data folder found: `restored` false means the index started empty, and why. */
export interface RestoreStatus {
  restored: boolean;
  reason?: string;
}
