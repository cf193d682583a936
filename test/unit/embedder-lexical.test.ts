// The lexical fallback embedder and the choice between it and the model.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LexicalFallbackEmbedder, lexicalFeatures } from '../../embeddings/lexical-embedder.ts';
import { DEFAULT_MODEL_DIR } from '../../embeddings/model/model-files.ts';
import { modelDir, modelStatus, openEmbedder } from '../../embeddings/open-embedder.ts';
import { dot } from '../../embeddings/vector-math.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

/** Cosine of two unit vectors the test expects to have: their dot product. */
const cosine = (a: Float32Array | undefined, b: Float32Array | undefined): number => dot(expectDefined(a), expectDefined(b));

describe('LexicalFallbackEmbedder', () => {
  const embedder = new LexicalFallbackEmbedder();

  it('says what it is', () => {
    expect(embedder.mode).toBe('lexical-fallback');
    expect(embedder.modelId).toMatch(/^lexical-fallback/);
    expect(embedder.dimensions).toBe(512);
  });

  it('extracts Han unigrams and bigrams and lower-cased other words', () => {
    expect(Object.fromEntries(lexicalFeatures('路网建设，GDP增长'))).toEqual({
      路: 1,
      网: 1,
      建: 1,
      设: 1,
      路网: 1,
      网建: 1,
      建设: 1,
      增: 1,
      长: 1,
      增长: 1,
      gdp: 1,
    });
  });

  it('returns deterministic 512-dimensional unit vectors', async () => {
    const [first] = await embedder.embedPassages(['推进城乡路网建设']);
    const [second] = await new LexicalFallbackEmbedder().embedPassages(['推进城乡路网建设']);
    expect(first).toHaveLength(512);
    expect(Math.sqrt(cosine(first, first))).toBeCloseTo(1, 6);
    expect(Array.from(expectDefined(second))).toEqual(Array.from(expectDefined(first)));
  });

  it('scores texts that share characters above texts that do not', async () => {
    const query = await embedder.embedQuery('城乡路网建设');
    const [related, unrelated] = await embedder.embedPassages([
      '加快推进城乡路网建设，完善农村公路网络。',
      '提高幼儿园保教质量，加强师资队伍。',
    ]);
    expect(cosine(query, related)).toBeGreaterThan(0.3);
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.2);
  });

  it('gives a text without words the zero vector, which scores 0 against everything', async () => {
    const [empty] = await embedder.embedPassages(['，。！']);
    expect(Array.from(expectDefined(empty)).every((value) => value === 0)).toBe(true);
  });
});

describe('openEmbedder and modelStatus', () => {
  const temporaryDirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('resolves the model folder: the argument, else POLICY_GRAPH_MODEL_DIR, else the default', () => {
    vi.stubEnv('POLICY_GRAPH_MODEL_DIR', '');
    expect(modelDir()).toBe(DEFAULT_MODEL_DIR);
    vi.stubEnv('POLICY_GRAPH_MODEL_DIR', '/somewhere/else');
    expect(modelDir()).toBe('/somewhere/else');
    expect(modelDir('/given')).toBe('/given');
  });

  it('falls back to the lexical embedder with a one-line warning when the model folder is incomplete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-model-'));
    temporaryDirs.push(dir);
    const status = modelStatus({ modelDir: dir });
    expect(status).toMatchObject({ dir, present: false, mode: 'lexical-fallback', files: [] });
    expect(status.missing).toContain('onnx/model_quantized.onnx');

    const warnings: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      warnings.push(String(chunk));
      return true;
    });
    const embedder = await openEmbedder({ modelDir: dir });
    expect(embedder.mode).toBe('lexical-fallback');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: no embedding model in .*lexical fallback.*model:fetch.*\n$/);
    expect(expectDefined(warnings[0]).trimEnd()).not.toContain('\n');
  });
});
