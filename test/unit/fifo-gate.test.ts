import { describe, expect, it } from 'vitest';
import { fifoGate } from '../../src/server/fifo-gate.ts';
import type { AppError } from '../../src/domain/errors.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('fifoGate', () => {
  it('runs at most `concurrency` at once and starts the waiting ones in arrival order', async () => {
    const gate = fifoGate(2, 10);
    const started: number[] = [];
    const blockers = [0, 1, 2, 3].map(() => deferred());
    const runs = blockers.map((b, i) =>
      gate.run(async () => {
        started.push(i);
        await b.promise;
        return i;
      }),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual([0, 1]);
    expectDefined(blockers[1]).resolve();
    await runs[1];
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual([0, 1, 2]);
    expectDefined(blockers[0]).resolve();
    expectDefined(blockers[2]).resolve();
    expectDefined(blockers[3]).resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('refuses with 503 when too many are waiting, and frees its place when work fails', async () => {
    const gate = fifoGate(1, 1);
    const block = deferred();
    const first = gate.run(() => block.promise);
    const second = gate.run(async () => {
      throw new Error('fails');
    });
    await expect(gate.run(async () => 'third')).rejects.toMatchObject({ status: 503, code: 'busy' } satisfies Partial<AppError>);
    block.resolve();
    await first;
    await expect(second).rejects.toThrow('fails');
    expect(await gate.run(async () => 'after')).toBe('after');
  });
});
