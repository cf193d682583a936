// The embedded store answers synchronously (better-sqlite3) behind promises that are already resolved, so one
// answer's dozens of reads (linking, neighbourhoods, full-text, paragraphs) ran as a single block of microtasks:
// a 2,000-character question held the event loop 110–360 ms. Through this view every read first gives the loop a
// turn, so /api/health and other requests get in between the reads; the reads and their results are unchanged.
import { setImmediate } from 'node:timers/promises';
import type { GraphStore } from '../../graph/store.ts';

/** Methods that return streams (async iterables), not promises: passed through as they are. */
const STREAMS = new Set<PropertyKey>(['chunkVectors', 'allNodes', 'allEdges']);

export function yieldingStore(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (STREAMS.has(property)) return value.bind(target);
      return async (...args: unknown[]) => {
        await setImmediate();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
