// Bytes a folder takes on disk (allocated blocks, as du counts them), or null when it does not exist.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function diskUsageBytes(path: string): Promise<number | null> {
  const info = await lstat(path).catch(() => null);
  if (!info) return null;
  if (!info.isDirectory()) return info.blocks * 512;
  let total = info.blocks * 512;
  for (const entry of await readdir(path)) total += (await diskUsageBytes(join(path, entry))) ?? 0;
  return total;
}

export const megabytes = (bytes: number | null): number | null => (bytes === null ? null : Math.round(bytes / 2 ** 20));
