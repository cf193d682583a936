// The semantic Embedder on a thread of its own. ONNX Runtime's Node binding runs a session synchronously on the
// calling thread (its run() only defers to setImmediate), so on the main thread a question's 10–20 ms of inference
// block the event loop and queue behind the store's synchronous reads; on its own thread the query vector is
// computed while the graph and full-text retrievers read the store. A call's vectors come back packed in one
// transferred buffer and are handed out as views of it: an upload's 40,000 vectors as 40,000 buffers of their own
// gave the main thread's garbage collector pauses of a tenth of a second.
import { Worker } from 'node:worker_threads';
import type { Embedder } from './embedder.ts';
import { vectorViews } from './vector-math.ts';

export interface EmbedderThreadRequest {
  id: number;
  op: 'passages' | 'query';
  texts: string[];
}

export type EmbedderThreadMessage =
  | { ready: { dimensions: number; modelId: string } }
  | { failed: string }
  /** The vectors one after another, `dimensions` values each. */
  | { id: number; packed: Float32Array; dimensions: number }
  | { id: number; error: string };

interface Pending {
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

export async function openThreadedEmbedder(options: { modelDir: string; allowRemoteModels?: boolean }): Promise<Embedder> {
  const worker = new Worker(new URL('./embedder-thread.mjs', import.meta.url), { workerData: options });
  const pending = new Map<number, Pending>();
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const ready = await new Promise<{ dimensions: number; modelId: string }>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: EmbedderThreadMessage) => {
      worker.off('error', reject);
      if ('ready' in message) resolve(message.ready);
      else reject(new Error('failed' in message ? message.failed : 'the embedder thread answered before it was ready'));
    });
  }).catch(async (error: Error) => {
    await worker.terminate();
    throw error;
  });

  worker.on('message', (message: EmbedderThreadMessage) => {
    if (!('id' in message)) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    // An idle thread must not keep a finished command alive.
    if (!pending.size) worker.unref();
    if ('error' in message) waiting?.reject(new Error(message.error));
    else waiting?.resolve(vectorViews(message.packed, message.dimensions));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the embedder thread exited (code ${code})`)));
  worker.unref();

  let next = 0;
  const call = (op: EmbedderThreadRequest['op'], texts: string[]) =>
    new Promise<Float32Array[]>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, op, texts } satisfies EmbedderThreadRequest);
    });

  return {
    mode: 'semantic',
    dimensions: ready.dimensions,
    modelId: ready.modelId,
    embedPassages: async (texts) => (texts.length ? call('passages', texts) : []),
    embedQuery: async (text) => {
      const [vector] = await call('query', [text]);
      if (!vector) throw new Error('the embedder thread returned no vector');
      return vector;
    },
    close: async () => {
      failure ??= new Error('the embedder is closed');
      await worker.terminate();
    },
  };
}
