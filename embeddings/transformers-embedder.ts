// The semantic Embedder: bge-small-zh-v1.5 (int8 ONNX) through @huggingface/transformers, fully offline.
// The feature-extraction pipeline loads the tokenizer and the model; we then drive both directly, because
// the pipeline's own call truncates at 512 tokens while long texts need a sliding window over token ids.
// Pooling is the model's: the [CLS] vector of the last hidden state, L2-normalised.
import { basename, dirname, resolve } from 'node:path';
import { env, pipeline, Tensor, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { defined } from '../src/domain/defined.ts';
import type { Embedder } from './embedder.ts';
import { normalized } from './vector-math.ts';

/** BGE's retrieval instruction for Chinese queries (passages are embedded without it). */
export const QUERY_PREFIX = '为这个句子生成表示以用于检索相关文章：';

export interface TransformersEmbedderOptions {
  /** Folder holding config.json, tokenizer.json, tokenizer_config.json and onnx/model_quantized.onnx. */
  modelDir: string;
  /** Lets transformers.js download a missing file from the hub; off by default (nothing downloads at run time). */
  allowRemoteModels?: boolean;
  /**
   * Token windows per ONNX run. The default, 1, is both the fastest on CPU (measured: batches of 4-16
   * windows run 1.2-5x slower per token with this int8 model) and the only size at which a text's vector
   * depends on that text alone: the model quantizes activations with one scale per batch, so batch mates
   * shift each other's vectors slightly (cosine ≈ 0.995).
   */
  batchSize?: number;
  /** Longest input the model accepts, special tokens included (its max_position_embeddings). */
  maxTokens?: number;
  /** Tokens shared by consecutive windows of a long text. */
  windowOverlap?: number;
}

const DEFAULT_BATCH_SIZE = 1;
const DEFAULT_MAX_TOKENS = 512;
const DEFAULT_WINDOW_OVERLAP = 128;

/** One model input: [CLS] content [SEP], and the text it belongs to. */
interface TokenWindow {
  textIndex: number;
  ids: number[];
}

export class TransformersEmbedder implements Embedder {
  readonly mode = 'semantic' as const;
  readonly modelId: string;
  readonly dimensions: number;
  readonly padId: number;
  private readonly clsId: number;
  private readonly sepId: number;

  constructor(
    private readonly extractor: FeatureExtractionPipeline,
    private readonly options: Required<Omit<TransformersEmbedderOptions, 'allowRemoteModels'>>,
  ) {
    this.modelId = basename(options.modelDir);
    const config = extractor.model.config as unknown as { hidden_size?: number };
    if (!config.hidden_size) throw new Error(`${options.modelDir}/config.json has no hidden_size`);
    this.dimensions = config.hidden_size;
    this.clsId = this.specialTokenId('[CLS]');
    this.sepId = this.specialTokenId('[SEP]');
    this.padId = this.specialTokenId('[PAD]');
  }

  private specialTokenId(token: string): number {
    const [id] = this.extractor.tokenizer.convert_tokens_to_ids([token]);
    if (id === undefined) throw new Error(`the tokenizer has no ${token} token`);
    return id;
  }

  get batchSize(): number {
    return this.options.batchSize;
  }

  /**
   * The model inputs for one text: a single [CLS] … [SEP] window when it fits, else overlapping windows
   * of full length, the last one aligned to the end of the text so no window is short.
   */
  windowsOf(text: string): number[][] {
    // The vocabulary has no upper-case Latin tokens (it was trained on lower-cased text), so without this
    // every word with a capital letter, such as GDP or PPP, would become [UNK].
    const content = this.extractor.tokenizer.encode(text.toLowerCase(), { add_special_tokens: false });
    const span = this.options.maxTokens - 2;
    const wrap = (ids: number[]): number[] => [this.clsId, ...ids, this.sepId];
    if (content.length <= span) return [wrap(content)];
    const stride = span - this.options.windowOverlap;
    const windows: number[][] = [];
    for (let start = 0; ; start += stride) {
      const alignedStart = Math.min(start, content.length - span);
      windows.push(wrap(content.slice(alignedStart, alignedStart + span)));
      if (alignedStart + span >= content.length) return windows;
    }
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    const windows: TokenWindow[] = texts.flatMap((text, textIndex) => this.windowsOf(text).map((ids) => ({ textIndex, ids })));
    // Batching windows of similar length keeps padding, which the model computes for nothing, small.
    // The tie-break on position keeps the batches, and so the vectors, identical from run to run.
    const order = windows
      .map((window, position) => ({ window, position }))
      .sort((a, b) => b.window.ids.length - a.window.ids.length || a.position - b.position)
      .map(({ window }) => window);
    const sums = texts.map(() => new Float32Array(this.dimensions));
    for (let start = 0; start < order.length; start += this.options.batchSize) {
      const batch = order.slice(start, start + this.options.batchSize);
      const clsVectors = await this.clsVectorsOf(batch.map((window) => window.ids));
      batch.forEach((window, row) => {
        const sum = defined(sums[window.textIndex], "sum of a text's windows");
        normalized(defined(clsVectors[row], 'CLS vector of a window')).forEach((value, i) => {
          sum[i] = (sum[i] ?? 0) + value;
        });
      });
    }
    // One window: its normalised vector. Several: the mean direction of their vectors, renormalised.
    return sums.map((sum) => normalized(sum));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [vector] = await this.embedPassages([QUERY_PREFIX + text]);
    return defined(vector, 'query vector');
  }

  /** Runs the model on one padded batch and returns the [CLS] hidden state of each row. */
  async clsVectorsOf(batch: number[][]): Promise<Float32Array[]> {
    const { inputIds, attentionMask, tokenTypeIds, length } = paddedBatch(batch, this.padId);
    const shape = [batch.length, length];
    const output = (await this.extractor.model({
      input_ids: new Tensor('int64', inputIds, shape),
      attention_mask: new Tensor('int64', attentionMask, shape),
      token_type_ids: new Tensor('int64', tokenTypeIds, shape),
    })) as { last_hidden_state: Tensor };
    const hidden = output.last_hidden_state.data as Float32Array;
    const rowStride = length * this.dimensions;
    return batch.map((_, row) => hidden.slice(row * rowStride, row * rowStride + this.dimensions));
  }

  async close(): Promise<void> {
    await this.extractor.dispose();
  }
}

/** Right-padded int64 model inputs for token id rows of unequal length. */
export function paddedBatch(
  rows: number[][],
  padId: number,
): { inputIds: BigInt64Array; attentionMask: BigInt64Array; tokenTypeIds: BigInt64Array; length: number } {
  const length = Math.max(...rows.map((row) => row.length));
  const inputIds = new BigInt64Array(rows.length * length).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(rows.length * length);
  rows.forEach((row, r) => {
    row.forEach((id, position) => {
      inputIds[r * length + position] = BigInt(id);
      attentionMask[r * length + position] = 1n;
    });
  });
  return { inputIds, attentionMask, tokenTypeIds: new BigInt64Array(rows.length * length), length };
}

export async function openTransformersEmbedder(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
  const modelDir = resolve(options.modelDir);
  env.allowLocalModels = true;
  env.allowRemoteModels = options.allowRemoteModels ?? false;
  // transformers.js looks models up as <localModelPath>/<model id>/…; the folder name is the model id.
  env.localModelPath = dirname(modelDir);
  const extractor = await pipeline('feature-extraction', basename(modelDir), {
    dtype: 'q8',
    device: 'cpu',
    local_files_only: !env.allowRemoteModels,
  });
  const embedder = new TransformersEmbedder(extractor, {
    modelDir,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
    windowOverlap: options.windowOverlap ?? DEFAULT_WINDOW_OVERLAP,
  });
  // Warm-up: the first run allocates ONNX Runtime's buffers; paying for it here keeps the first query fast.
  await embedder.embedPassages(['预热']);
  return embedder;
}
