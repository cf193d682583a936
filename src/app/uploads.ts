// Uploaded files kept under <data>/uploads so citations keep a source path. A kept file is named by the hash of
// its bytes (plus the client's name, made safe), written under a temporary name and renamed into place, so a
// reader never sees half a file and identical uploads land on one name; it goes only with its document.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

const TEMP_PREFIX = '.upload-';

/**
 * The client's file name is never used as a path: only its last segment survives, reduced to letters, digits
 * and a few safe marks (the content hash goes in front of it).
 */
export function safeFileName(name: string): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const kept = [...last.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '')].slice(-120);
  // File systems count a name's bytes (255), not its characters: CJK takes three, and the hash prefix comes on top.
  while (Buffer.byteLength(kept.join('')) > 200) kept.shift();
  return kept.join('') || 'upload';
}

export function uploadPath(uploadsDir: string, bytes: Buffer, fileName: string): string {
  return join(uploadsDir, `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}-${fileName}`);
}

/** Writes the bytes under a temporary name, then renames them into place (same bytes, same name: harmless). */
export async function keepUpload(path: string, bytes: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * The kept upload a document's source path names, or null when it names a file elsewhere (seeds/, the user's own
 * folders: never touched). Source paths are relative to the working folder of the process that ingested them, so
 * a path that does not resolve under uploads/ from here still counts when it ends in uploads/<a kept file's name>.
 */
export async function uploadedFileOf(sourcePath: string, uploadsDir: string): Promise<string | null> {
  const inside = relative(uploadsDir, resolve(sourcePath));
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) return join(uploadsDir, inside);
  if (basename(dirname(sourcePath)) !== basename(uploadsDir)) return null;
  const candidate = join(uploadsDir, basename(sourcePath));
  return (await stat(candidate).catch(() => null))?.isFile() ? candidate : null;
}

/** Removes files in uploads/ that no stored document names (left by kills, full disks, failed uploads). */
export async function removeOrphanUploads(uploadsDir: string, sourcePaths: string[]): Promise<string[]> {
  const names = await readdir(uploadsDir).catch(() => [] as string[]);
  const kept = new Set<string>();
  for (const sourcePath of sourcePaths) {
    const file = await uploadedFileOf(sourcePath, uploadsDir);
    if (file) kept.add(basename(file));
  }
  const orphans = names.filter((name) => !kept.has(name));
  for (const name of orphans) await rm(join(uploadsDir, name), { force: true, recursive: true });
  return orphans;
}
