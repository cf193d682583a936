// The semantic embedder on the real bge-small-zh-v1.5 model, loaded offline.
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelStatus } from '../../embeddings/open-embedder.ts';
import { QUERY_PREFIX, openTransformersEmbedder, type TransformersEmbedder } from '../../embeddings/transformers-embedder.ts';
import { dot } from '../../embeddings/vector-math.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const skipModel = process.env.POLICY_GRAPH_SKIP_MODEL === '1';

/** Cosine of two unit vectors the test expects to have: their dot product. */
const cosine = (a: Float32Array | undefined, b: Float32Array | undefined): number => dot(expectDefined(a), expectDefined(b));
const norm = (vector: Float32Array): number => Math.sqrt(cosine(vector, vector));

const transport = '加快推进城乡路网建设，完善农村公路网络，提高交通通达水平。';
const transportParaphrase = '加速建设城市与乡村之间的道路交通网络，让农村道路更加通畅便捷。';
const education = '加强学前教育师资队伍建设，提高幼儿园保教质量。';
const educationParaphrase = '壮大幼儿教师队伍，提升学前儿童的保育和教育水平。';
const environment = '深入开展大气污染防治，削减燃煤总量，改善空气质量。';
const environmentParaphrase = '加大空气污染治理力度，减少煤炭消耗，让蓝天更多。';

describe.skipIf(skipModel)('TransformersEmbedder (bge-small-zh-v1.5, int8, offline)', () => {
  let embedder: TransformersEmbedder;
  const networkCalls: string[] = [];

  beforeAll(async () => {
    const status = modelStatus();
    if (!status.present) {
      throw new Error(
        `The embedding model is missing from ${status.dir} (missing ${status.missing.join(', ')}). ` +
          'Run `npm run model:fetch`, or set POLICY_GRAPH_SKIP_MODEL=1 to skip the model tests.',
      );
    }
    // Any attempt to reach the network during loading or inference is recorded and refused.
    env.fetch = async (url: string | URL | Request) => {
      networkCalls.push(String(url));
      throw new Error(`network access attempted: ${String(url)}`);
    };
    embedder = await openTransformersEmbedder({ modelDir: status.dir });
  });

  afterAll(async () => {
    await embedder?.close();
  });

  it('loads from the local folder with remote models disabled and no network access', () => {
    expect(env.allowRemoteModels).toBe(false);
    expect(networkCalls).toEqual([]);
    expect(embedder.mode).toBe('semantic');
    expect(embedder.modelId).toBe('bge-small-zh-v1.5');
  });

  it('returns 512-dimensional unit vectors', async () => {
    const vectors = await embedder.embedPassages([transport, education, 'GDP增长7%']);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(512);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(embedder.dimensions).toBe(512);
  });

  it('is deterministic: same text, same bits, whatever else is in the call', async () => {
    const [alone] = await embedder.embedPassages([transport]);
    const [again] = await embedder.embedPassages([transport]);
    const inCompany = await embedder.embedPassages([education, environment, transport]);
    expect(Array.from(expectDefined(again))).toEqual(Array.from(expectDefined(alone)));
    expect(Array.from(expectDefined(inCompany[2]))).toEqual(Array.from(expectDefined(alone)));
  });

  it('agrees with the feature-extraction pipeline’s own CLS pooling', async () => {
    const extractor = (embedder as unknown as { extractor: (text: string, options: object) => Promise<{ data: Float32Array }> }).extractor;
    const reference = await extractor(transport, { pooling: 'cls', normalize: true });
    const [ours] = await embedder.embedPassages([transport]);
    expect(cosine(ours, reference.data)).toBeGreaterThan(0.9999);
  });

  it('scores a paraphrase closer than an unrelated policy sentence', async () => {
    const [t, tp, e, ep, v, vp] = await embedder.embedPassages([
      transport,
      transportParaphrase,
      education,
      educationParaphrase,
      environment,
      environmentParaphrase,
    ]);
    expect(cosine(t, tp)).toBeGreaterThan(cosine(t, e) + 0.1);
    expect(cosine(t, tp)).toBeGreaterThan(cosine(t, v) + 0.1);
    expect(cosine(e, ep)).toBeGreaterThan(cosine(e, t) + 0.1);
    expect(cosine(e, ep)).toBeGreaterThan(cosine(e, v) + 0.1);
    expect(cosine(v, vp)).toBeGreaterThan(cosine(v, t) + 0.1);
    expect(cosine(v, vp)).toBeGreaterThan(cosine(v, e) + 0.1);
  });

  it('ranks the matching passage first for a query, which gets the retrieval prefix', async () => {
    const passages = await embedder.embedPassages([education, transport, environment]);
    const query = await embedder.embedQuery('怎样改善农村的道路交通？');
    const scores = passages.map((passage) => cosine(query, passage));
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
    const [prefixed] = await embedder.embedPassages([`${QUERY_PREFIX}怎样改善农村的道路交通？`]);
    expect(Array.from(query)).toEqual(Array.from(expectDefined(prefixed)));
  });

  it('keeps Latin words such as GDP instead of turning them into [UNK]', () => {
    const unknownId = 100;
    const [window] = embedder.windowsOf('GDP增长7%，PPP项目落地');
    expect(window).not.toContain(unknownId);
  });

  it('embeds a text longer than 512 tokens through overlapping windows that cover all of it', async () => {
    const educationBlock = Array.from({ length: 14 }, () => education + educationParaphrase).join('');
    const transportBlock = Array.from({ length: 14 }, () => transport + transportParaphrase).join('');
    const longText = educationBlock + transportBlock;
    const windows = embedder.windowsOf(longText);
    const contentTokens = embedder
      .windowsOf(educationBlock)
      .concat(embedder.windowsOf(transportBlock))
      .reduce((sum, window) => sum + window.length - 2, 0);
    expect(contentTokens).toBeGreaterThan(1024);
    expect(windows.length).toBeGreaterThanOrEqual(3);
    for (const window of windows) expect(window).toHaveLength(512);
    // The first window starts where the text starts and the last one ends where it ends.
    const firstOfEducation = expectDefined(embedder.windowsOf(educationBlock)[0]);
    const lastOfTransport = expectDefined(embedder.windowsOf(transportBlock).at(-1));
    expect(expectDefined(windows[0]).slice(0, 100)).toEqual(firstOfEducation.slice(0, 100));
    expect(expectDefined(windows.at(-1)).slice(-100)).toEqual(lastOfTransport.slice(-100));

    const [longVector, educationOnly, transportSentence] = await embedder.embedPassages([longText, educationBlock, transport]);
    expect(longVector).toHaveLength(512);
    expect(norm(expectDefined(longVector))).toBeCloseTo(1, 5);
    // Truncating at 512 tokens would keep only the education half; the windows bring in the transport half.
    expect(cosine(longVector, transportSentence)).toBeGreaterThan(cosine(educationOnly, transportSentence) + 0.05);
  });
});
