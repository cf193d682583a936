// At most `concurrency` questions are answered at once; the rest wait in arrival order. Without it, fifty
// concurrent asks interleave their embedding, graph and full-text steps, and some starve for seconds while
// later ones finish (max latency 12.6 s at p50 0.36 s in `npm run bench`'s load section).
import { setImmediate } from 'node:timers/promises';
import { AppError } from '../domain/errors.ts';

export interface FifoGate {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function fifoGate(concurrency: number, maxWaiting: number): FifoGate {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= concurrency) {
        if (waiting.length >= maxWaiting) throw new AppError('busy');
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running++;
      }
      // A question's store reads are synchronous (SQLite) behind promises that are already resolved, so an answer
      // and the next one in line would run as one block of microtasks: fifty queued asks held /api/health for
      // 2 s. A turn of the event loop before each answer lets other requests in between.
      await setImmediate();
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
