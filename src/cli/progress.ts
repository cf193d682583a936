// Progress on stderr: a redrawn bar on a terminal, a line every ten seconds otherwise; silent for one item.
// Both show done/total, the skipped items (ingest --resume), the rate and the time left. The rate counts only
// the time spent on items that were worked on: skipping stored documents at the start of a resumed run is quick,
// and would otherwise promise a rate the rest of the run cannot keep.

export interface Progress {
  done: number;
  total: number;
  skipped?: number;
  current?: string;
}

const LINE_EVERY_MS = 10_000;
const BAR_WIDTH = 30;

/** Seconds as m:ss (minutes unbounded), or --:-- before there is a rate to go by. */
export function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Rate and time left from the calls so far: intervals in which items were skipped do not count as work. */
export function progressRate(now: () => number = () => performance.now()) {
  let last: { at: number; done: number; skipped: number } | null = null;
  let workMs = 0;
  let worked = 0;
  return ({ done, total, skipped = 0 }: Progress) => {
    const at = now();
    if (last && skipped === last.skipped && done > last.done) {
      workMs += at - last.at;
      worked += done - last.done;
    }
    last = { at, done, skipped };
    const perSecond = workMs > 0 ? (worked * 1000) / workMs : NaN;
    return { perSecond, secondsLeft: perSecond > 0 ? (total - done) / perSecond : NaN };
  };
}

export function progressBar(label: string, unit = 'docs'): (progress: Progress) => void {
  const tty = process.stderr.isTTY;
  const rate = progressRate();
  let lastLine = 0;
  return (progress) => {
    const { done, total, skipped = 0, current = '' } = progress;
    const { perSecond, secondsLeft } = rate(progress);
    if (total <= 1) return;
    const figures = [
      `${done}/${total}`,
      ...(skipped ? [`skipped ${skipped}`] : []),
      `${Number.isFinite(perSecond) ? perSecond.toFixed(perSecond < 10 ? 2 : 0) : '-'} ${unit}/s`,
      done === total ? 'done' : `ETA ${clock(secondsLeft)}`,
    ];
    if (tty) {
      const filled = Math.round((done / total) * BAR_WIDTH);
      process.stderr.write(
        `\r\x1b[K${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${figures.join(' · ')} ${current.slice(-30).padEnd(30)}`,
      );
      if (done === total) process.stderr.write('\n');
    } else if (done === total || Date.now() - lastLine >= LINE_EVERY_MS) {
      lastLine = Date.now();
      process.stderr.write(`${label}: ${figures.join(', ')}\n`);
    }
  };
}
