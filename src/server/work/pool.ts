// The server's CPU-heavy requests (draft checks, exports, reading uploads) run in worker threads from tinypool:
// a small, maintained pool (it runs vitest's own workers) with a bounded queue and AbortSignal support that
// terminates the worker of a task given up on, which is what a time budget needs (a promise race would leave
// the CPU busy). The event loop stays free for /api/health and the light routes meanwhile.
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { AppError } from '../../domain/errors.ts';
import type { HeavyResults, HeavyTask } from './tasks.ts';

export interface WorkPoolOptions {
  /** Worker threads at most; defaults to the cores less one for the event loop, at least one. */
  threads?: number;
  /** Tasks that may wait for a thread before requests are refused with 503. */
  queue?: number;
  /** Heap limit of one worker (MB): a pathological input fails alone instead of exhausting the machine. */
  heapMb?: number;
}

export interface WorkPool {
  /**
   * Runs the task in a worker; past `budgetMs` the worker is stopped and the request fails with 504. A write has
   * no budget: stopping a worker inside its transaction would gain nothing (the lock is held until it ends).
   * `transfer`: buffers of the task moved to the worker rather than copied (unusable here afterwards).
   */
  run<K extends HeavyTask['kind']>(
    task: Extract<HeavyTask, { kind: K }>,
    budgetMs?: number,
    transfer?: ArrayBuffer[],
  ): Promise<HeavyResults[K]>;
  /** Starts a worker and loads its modules now, so the first heavy request does not wait for that. */
  warm(): void;
  close(): Promise<void>;
}

const IDLE_MS = 60_000;

export function workPool(options: WorkPoolOptions = {}): WorkPool {
  const pool = new Tinypool({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: options.threads ?? Math.max(1, availableParallelism() - 1),
    maxQueue: options.queue ?? 32,
    idleTimeout: IDLE_MS,
    resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? 1024 },
  });
  return {
    async run(task, budgetMs, transfer = []) {
      const budget = budgetMs === undefined ? undefined : AbortSignal.timeout(budgetMs);
      try {
        return await pool.run(task, { signal: budget, transferList: transfer });
      } catch (error) {
        if (budget?.aborted)
          throw new AppError('timeout', `${task.kind} took longer than its ${Math.round((budgetMs ?? 0) / 1000)} s budget and was stopped`);
        const message = error instanceof Error ? error.message : String(error);
        if (/queue is at limit|no task queue/i.test(message))
          throw new AppError('busy', 'the server is busy with other long requests; try again shortly');
        if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
          throw new AppError('too_costly', `${task.kind} needs more memory than one request may use`);
        throw error;
      }
    },
    warm() {
      pool.run({ kind: 'warm' }).catch(() => undefined); // a failure shows on the first real task instead
    },
    close: () => pool.destroy(),
  };
}
