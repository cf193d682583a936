// Chooses the Embedder: the bge-small-zh model when its folder is complete, else the lexical fallback.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Embedder } from './embedder.ts';
import { LexicalFallbackEmbedder } from './lexical-embedder.ts';
import { DEFAULT_MODEL_DIR, inspectModelFolder } from './model/model-files.ts';
import { openThreadedEmbedder } from './threaded-embedder.ts';
import { openTransformersEmbedder } from './transformers-embedder.ts';

export interface OpenEmbedderOptions {
  /** A model folder; defaults to POLICY_GRAPH_MODEL_DIR, then embeddings/model/bge-small-zh-v1.5. */
  modelDir?: string;
}

/** The model folder in use: the given one, else POLICY_GRAPH_MODEL_DIR, else the folder fetch.sh fills. */
export function modelDir(override?: string): string {
  return resolve(override || process.env.POLICY_GRAPH_MODEL_DIR || DEFAULT_MODEL_DIR);
}

export interface ModelStatus {
  dir: string;
  /** The folder holds every file the semantic embedder needs. */
  present: boolean;
  mode: Embedder['mode'];
  /** Files found in the folder, relative to it, with their sizes. */
  files: { path: string; bytes: number }[];
  missing: string[];
  dimensions?: number;
}

function listFiles(dir: string, root = dir): { path: string; bytes: number }[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    const stats = statSync(path);
    return stats.isDirectory() ? listFiles(path, root) : [{ path: relative(root, path), bytes: stats.size }];
  });
}

export function modelStatus(options: OpenEmbedderOptions = {}): ModelStatus {
  const state = inspectModelFolder(modelDir(options.modelDir));
  return {
    dir: state.dir,
    present: state.complete,
    mode: state.complete ? 'semantic' : 'lexical-fallback',
    files: listFiles(state.dir),
    missing: state.missing,
    dimensions: state.dimensions,
  };
}

export async function openEmbedder(options: OpenEmbedderOptions = {}): Promise<Embedder> {
  const status = modelStatus(options);
  if (status.present) {
    const model = { modelDir: status.dir, allowRemoteModels: process.env.POLICY_GRAPH_ALLOW_REMOTE_MODELS === '1' };
    // On a thread of its own unless told otherwise (POLICY_GRAPH_EMBED_THREAD=0: in the calling thread, as before).
    return process.env.POLICY_GRAPH_EMBED_THREAD === '0' ? openTransformersEmbedder(model) : openThreadedEmbedder(model);
  }
  process.stderr.write(
    `warning: no embedding model in ${status.dir} (missing ${status.missing.join(', ')}); ` +
      'using the lexical fallback embedder, so semantic search is off (run `npm run model:fetch`).\n',
  );
  return new LexicalFallbackEmbedder();
}
