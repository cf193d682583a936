// openEmbedder on the fetched model, and the throughput benchmark's shape on a few paragraphs.
import { beforeAll, describe, expect, it } from 'vitest';
import { measureEmbeddingThroughput, seedParagraphs } from '../../embeddings/bench-throughput.ts';
import { modelStatus, openEmbedder } from '../../embeddings/open-embedder.ts';
import { openThreadedEmbedder } from '../../embeddings/threaded-embedder.ts';
import { openTransformersEmbedder } from '../../embeddings/transformers-embedder.ts';

const skipModel = process.env.POLICY_GRAPH_SKIP_MODEL === '1';

describe.skipIf(skipModel)('openEmbedder with the model present', () => {
  beforeAll(() => {
    const status = modelStatus();
    if (!status.present) {
      throw new Error(
        `The embedding model is missing from ${status.dir} (missing ${status.missing.join(', ')}). ` +
          'Run `npm run model:fetch`, or set POLICY_GRAPH_SKIP_MODEL=1 to skip the model tests.',
      );
    }
  });

  it('reports the model present, in semantic mode, with its files', () => {
    const status = modelStatus();
    expect(status).toMatchObject({ present: true, mode: 'semantic', missing: [], dimensions: 512 });
    expect(status.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']),
    );
  });

  it('opens the semantic embedder', async () => {
    const embedder = await openEmbedder();
    try {
      expect(embedder.mode).toBe('semantic');
      expect(embedder.dimensions).toBe(512);
      const vector = await embedder.embedQuery('城乡路网建设');
      expect(vector).toHaveLength(512);
    } finally {
      await embedder.close();
    }
  });

  it('runs the model on a thread of its own, with the vectors the calling thread computes', async () => {
    const threaded = await openThreadedEmbedder({ modelDir: modelStatus().dir });
    const inProcess = await openTransformersEmbedder({ modelDir: modelStatus().dir });
    try {
      expect(threaded).toMatchObject({ mode: 'semantic', dimensions: 512, modelId: 'bge-small-zh-v1.5' });
      const texts = ['加快推进城乡路网建设。', '加强学前教育师资队伍建设。'];
      const [passages, expected] = await Promise.all([threaded.embedPassages(texts), inProcess.embedPassages(texts)]);
      expect(passages.map((v) => Array.from(v))).toEqual(expected.map((v) => Array.from(v)));
      expect(Array.from(await threaded.embedQuery('城乡路网'))).toEqual(Array.from(await inProcess.embedQuery('城乡路网')));
      expect(await threaded.embedPassages([])).toEqual([]);
    } finally {
      await threaded.close();
      await inProcess.close();
    }
    await expect(threaded.embedQuery('城乡路网')).rejects.toThrow(/closed/);
  });

  it('measures pipeline and bare ONNX Runtime throughput on the same inputs', async () => {
    const paragraphs = seedParagraphs(6);
    expect(paragraphs).toHaveLength(6);
    const result = await measureEmbeddingThroughput({ paragraphs, rounds: 1 });
    expect(result).toMatchObject({ paragraphs: 6, batchSize: 1, rounds: 1 });
    expect(result.tokens).toBeGreaterThan(6 * 10);
    expect(result.pipelineTokensPerSec).toBeGreaterThan(0);
    expect(result.bareTokensPerSec).toBeGreaterThan(0);
    expect(result.ratio).toBeCloseTo(result.pipelineTokensPerSec / result.bareTokensPerSec, 2);
  });
});
