// Builds the browser UI (web/src → web/dist) with esbuild's JS API, only when the output is missing or older
// than its sources, so `npm start` needs no separate build step and an unchanged UI costs one stat per file.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = dirname(fileURLToPath(import.meta.url));
const SOURCES = join(WEB, 'src');
export const WEB_DIST = join(WEB, 'dist');
/** What the page needs; a missing or stale one triggers a build. */
const OUTPUTS = ['index.html', 'main.js', 'main.css'];

function newestSourceMtime(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? newestSourceMtime(path) : statSync(path).mtimeMs;
  }));
}

function isFresh(): boolean {
  const outputs = OUTPUTS.map((name) => join(WEB_DIST, name));
  if (!outputs.every((path) => existsSync(path))) return false;
  const oldestOutput = Math.min(...outputs.map((path) => statSync(path).mtimeMs));
  const newestInput = Math.max(newestSourceMtime(SOURCES), statSync(fileURLToPath(import.meta.url)).mtimeMs);
  return oldestOutput >= newestInput;
}

/** Write-then-rename, so a server in another process never serves a half-written bundle. */
function writeAtomically(path: string, contents: Uint8Array | string): void {
  const temporary = join(dirname(path), `.tmp-${process.pid}-${basename(path)}`);
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

export async function buildWeb(options: { force?: boolean } = {}): Promise<{ built: boolean; ms: number }> {
  const started = performance.now();
  if (!options.force && isFresh()) return { built: false, ms: 0 };
  const result = await build({
    entryPoints: [join(SOURCES, 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    outdir: WEB_DIST,
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(WEB_DIST, { recursive: true });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  writeAtomically(join(WEB_DIST, 'index.html'), readFileSync(join(SOURCES, 'index.html')));
  return { built: true, ms: Math.round(performance.now() - started) };
}

let pending: Promise<{ built: boolean; ms: number }> | undefined;

/** One build check per process, shared by the server's start and its first page request. */
export function ensureWebBuilt(): Promise<{ built: boolean; ms: number }> {
  pending ??= buildWeb().catch((error: unknown) => {
    pending = undefined; // a fixed source can be built on the next request
    throw error;
  });
  return pending;
}
