// Embedding throughput of our transformers.js usage against a bare ONNX Runtime session on the same model,
// the same inputs, the same tokenization and the same batches: the ratio shows what the pipeline costs.
// Run directly (`npx tsx embeddings/bench-throughput.ts`) it prints the result as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as OnnxRuntime from 'onnxruntime-node';
import { defined } from '../src/domain/defined.ts';
import { modelDir as resolveModelDir } from './open-embedder.ts';
import { openTransformersEmbedder, paddedBatch, type TransformersEmbedder } from './transformers-embedder.ts';
import { normalized } from './vector-math.ts';

export interface ThroughputOptions {
  modelDir?: string;
  /** Texts to embed; by default the first 64 paragraphs of the documents in seeds/. */
  paragraphs?: string[];
  batchSize?: number;
  /** Alternating timed runs of each side; the best of each counts, which discounts other load on the machine. */
  rounds?: number;
}

export interface ThroughputResult {
  paragraphs: number;
  /** Model input tokens, [CLS] and [SEP] included, padding excluded. */
  tokens: number;
  batchSize: number;
  rounds: number;
  pipelineTokensPerSec: number;
  bareTokensPerSec: number;
  /** pipelineTokensPerSec / bareTokensPerSec */
  ratio: number;
}

const SEEDS_DIR = resolve(fileURLToPath(import.meta.url), '../../seeds');
const DEFAULT_PARAGRAPH_COUNT = 64;
const MIN_PARAGRAPH_CHARS = 20;

export function seedParagraphs(count = DEFAULT_PARAGRAPH_COUNT, seedsDir = SEEDS_DIR): string[] {
  const files = readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  return files
    .flatMap((name) => readFileSync(join(seedsDir, name), 'utf8').split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => line.length >= MIN_PARAGRAPH_CHARS)
    .slice(0, count);
}

/** The onnxruntime-node that @huggingface/transformers itself loads, so both sides run the same runtime. */
function loadTransformersOnnxRuntime(): typeof OnnxRuntime {
  const requireFromTransformers = createRequire(createRequire(import.meta.url).resolve('@huggingface/transformers'));
  return requireFromTransformers('onnxruntime-node') as typeof OnnxRuntime;
}

/** The batches the embedder forms: windows sorted by length, longest first, cut into batchSize rows. */
function batchesOf(embedder: TransformersEmbedder, paragraphs: string[]): number[][][] {
  const windows = paragraphs.flatMap((text) => embedder.windowsOf(text)).sort((a, b) => b.length - a.length);
  const batches: number[][][] = [];
  for (let start = 0; start < windows.length; start += embedder.batchSize) {
    batches.push(windows.slice(start, start + embedder.batchSize));
  }
  return batches;
}

async function bareRun(
  session: OnnxRuntime.InferenceSession,
  ort: typeof OnnxRuntime,
  embedder: TransformersEmbedder,
  paragraphs: string[],
  padId: number,
): Promise<void> {
  // Tokenization is timed on this side too, so the two sides differ only in how the model is driven.
  for (const batch of batchesOf(embedder, paragraphs)) {
    const { inputIds, attentionMask, tokenTypeIds, length } = paddedBatch(batch, padId);
    const shape = [batch.length, length];
    const output = await session.run({
      input_ids: new ort.Tensor('int64', inputIds, shape),
      attention_mask: new ort.Tensor('int64', attentionMask, shape),
      token_type_ids: new ort.Tensor('int64', tokenTypeIds, shape),
    });
    const hidden = defined(output.last_hidden_state, 'last_hidden_state output').data as Float32Array;
    const rowStride = length * embedder.dimensions;
    for (let row = 0; row < batch.length; row++) normalized(hidden.subarray(row * rowStride, row * rowStride + embedder.dimensions));
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

export async function measureEmbeddingThroughput(options: ThroughputOptions = {}): Promise<ThroughputResult> {
  const modelDir = resolveModelDir(options.modelDir);
  const paragraphs = options.paragraphs ?? seedParagraphs();
  if (paragraphs.length === 0) throw new Error('no paragraphs to embed');
  const rounds = options.rounds ?? 3;
  const embedder = await openTransformersEmbedder({ modelDir, batchSize: options.batchSize });
  const ort = loadTransformersOnnxRuntime();
  const session = await ort.InferenceSession.create(join(modelDir, 'onnx', 'model_quantized.onnx'), {
    executionProviders: ['cpu'],
  });
  try {
    const padId = embedder.padId;
    const tokens = paragraphs.reduce(
      (sum, text) => sum + embedder.windowsOf(text).reduce((windowSum, ids) => windowSum + ids.length, 0),
      0,
    );
    await bareRun(session, ort, embedder, paragraphs.slice(0, embedder.batchSize), padId);
    let pipelineBest = Infinity;
    let bareBest = Infinity;
    for (let round = 0; round < rounds; round++) {
      pipelineBest = Math.min(pipelineBest, await timed(() => embedder.embedPassages(paragraphs)));
      bareBest = Math.min(bareBest, await timed(() => bareRun(session, ort, embedder, paragraphs, padId)));
    }
    const pipelineTokensPerSec = tokens / pipelineBest;
    const bareTokensPerSec = tokens / bareBest;
    return {
      paragraphs: paragraphs.length,
      tokens,
      batchSize: embedder.batchSize,
      rounds,
      pipelineTokensPerSec: Math.round(pipelineTokensPerSec),
      bareTokensPerSec: Math.round(bareTokensPerSec),
      ratio: Number((pipelineTokensPerSec / bareTokensPerSec).toFixed(3)),
    };
  } finally {
    await session.release();
    await embedder.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const batchSizeFlag = process.argv.indexOf('--batch-size');
  const batchSize = batchSizeFlag > 0 ? Number(process.argv[batchSizeFlag + 1]) : undefined;
  process.stdout.write(`${JSON.stringify(await measureEmbeddingThroughput({ batchSize }))}\n`);
}
