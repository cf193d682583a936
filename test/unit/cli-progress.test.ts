import { describe, expect, it } from 'vitest';
import { clock, progressRate } from '../../src/cli/progress.ts';

describe('ingest progress', () => {
  it('prints the time left as m:ss, minutes unbounded, and --:-- before there is a rate', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(75.4)).toBe('1:15');
    expect(clock(4 * 3600 + 5)).toBe('240:05');
    expect(clock(NaN)).toBe('--:--');
  });

  it('rates only the time spent on documents worked on: skipping stored ones does not count', () => {
    let now = 0;
    const rate = progressRate(() => now);
    expect(rate({ done: 0, total: 100, skipped: 0 }).perSecond).toBeNaN();
    // 40 stored documents skipped in 2 s, then 10 ingested in 5 s: 2 docs/s, 50 left → 25 s.
    now = 2000;
    rate({ done: 40, total: 100, skipped: 40 });
    now = 7000;
    const { perSecond, secondsLeft } = rate({ done: 50, total: 100, skipped: 40 });
    expect(perSecond).toBeCloseTo(2);
    expect(secondsLeft).toBeCloseTo(25);
  });
});
