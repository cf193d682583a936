// What an ingest reads: files named directly, the supported files under folders, and the Markdown (and other
// supported) members of .tar.xz archives, each with the source path documents cite it by.
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isArchive, unpackedArchive } from './archive.ts';
import { documentFormatOf } from './read.ts';

export interface IngestSource {
  /** Where the bytes are read from. */
  file: string;
  /** What the document cites: the path the user gave, relative to where they ran the command; inside an archive,
   * the archive's path followed by the member's (the unpacked copy lives in a temporary folder). */
  sourcePath: string;
}

export async function ingestSources(inputs: string[]): Promise<IngestSource[]> {
  const sources: IngestSource[] = [];
  for (const input of inputs) {
    if (isArchive(input)) {
      const root = unpackedArchive(input);
      const archivePath = relative(process.cwd(), input) || input;
      for (const file of await expandInputs([root])) sources.push({ file, sourcePath: join(archivePath, relative(root, file)) });
    } else {
      for (const file of await expandInputs([input])) sources.push({ file, sourcePath: relative(process.cwd(), file) || file });
    }
  }
  return sources;
}

/** Files named directly are always tried (and fail clearly if unsupported); directories contribute supported files. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (documentFormatOf(entry.name)) files.push(path);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new Error(`${input}: no such file or directory`);
    if (info.isDirectory()) await walk(input);
    else files.push(input);
  }
  return files;
}
