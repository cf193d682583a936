// The thread of the threaded embedder (threaded-embedder.ts): loads the model once and answers one request at a
// time. The TypeScript sources load through tsx here, since a worker does not inherit the main thread's hooks.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { openTransformersEmbedder } = await import('./transformers-embedder.ts');
const { packVectors } = await import('./vector-math.ts');

let embedder;
try {
  embedder = await openTransformersEmbedder(workerData);
  parentPort.postMessage({ ready: { dimensions: embedder.dimensions, modelId: embedder.modelId } });
} catch (error) {
  parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) });
}

parentPort.on('message', async ({ id, op, texts }) => {
  try {
    const vectors = op === 'query' ? [await embedder.embedQuery(texts[0])] : await embedder.embedPassages(texts);
    const packed = packVectors(vectors, embedder.dimensions);
    parentPort.postMessage({ id, packed, dimensions: embedder.dimensions }, [packed.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
