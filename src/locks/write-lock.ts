// One writer per data folder, across processes (CLI ingests, deletes, reindexes and `serve` alike). The lock is
// an EXCLUSIVE transaction on <data>/write.lock, an SQLite file that holds no data: SQLite takes it with an fcntl
// lock, which the kernel releases when the holder exits or is killed, so a crashed writer never leaves a stale
// lock, and holding it needs no heartbeat (a long synchronous extraction cannot lose it). Lock files that rely on
// a refreshed timestamp (proper-lockfile) can be declared stale and stolen while the event loop is blocked.
// Within one process, writers queue in arrival order before competing for the file.
import { accessSync, constants, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface WriteLock {
  /** Runs `work` as the data folder's only writer; waits for another writer first, up to the timeout. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Runs `work` only if no other process is writing (undefined otherwise): for work that can be skipped. */
  runIfFree<T>(work: () => Promise<T>): Promise<T | undefined>;
}

export interface WriteLockOptions {
  /** How long to wait for another writer before failing (WriteLockTimeout). */
  timeoutMs: number;
  /** Told once, when the lock is held by another process and this one starts waiting. */
  onWait?: (message: string) => void;
}

export class WriteLockTimeout extends Error {}
export class ReadOnlyDataFolder extends Error {}

const POLL_MS = 100;
const LOCK_FILE = 'write.lock';
const OWNER_FILE = 'write.lock.owner';

export function dataFolderLock(dataDir: string, options: WriteLockOptions): WriteLock {
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>, wait: WriteLockOptions): Promise<T> => {
    const turn = async () => {
      const release = await acquire(dataDir, wait);
      try {
        return await work();
      } finally {
        release();
      }
    };
    const result = tail.then(turn, turn);
    tail = result.catch(() => undefined);
    return result;
  };
  return {
    run: (work) => queued(work, options),
    runIfFree: (work) =>
      queued(work, { timeoutMs: 0 }).catch((error: unknown) => {
        if (error instanceof WriteLockTimeout) return undefined;
        throw error;
      }),
  };
}

async function acquire(dataDir: string, { timeoutMs, onWait }: WriteLockOptions): Promise<() => void> {
  let db: Database.Database;
  try {
    // SQLite would fall back to opening the lock file read-only, and the write would fail half-way instead.
    accessSync(dataDir, constants.W_OK);
    db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  } catch (error) {
    throw new ReadOnlyDataFolder(`cannot write ${dataDir}: ${(error as Error).message} (is the data folder read-only?)`);
  }
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      db.exec('BEGIN EXCLUSIVE');
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') {
        db.close();
        throw error;
      }
    }
    const holder = ownerOf(dataDir);
    if (Date.now() >= deadline) {
      db.close();
      throw new WriteLockTimeout(
        `${dataDir} is being written by ${holder}; gave up after ${Math.round(timeoutMs / 1000)} s (nothing was written)`,
      );
    }
    if (!told) {
      onWait?.(`waiting for ${holder} to finish writing ${dataDir} (up to ${Math.round(timeoutMs / 1000)} s)`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  // Only for the message another writer shows while it waits; the lock itself is the transaction.
  try {
    writeFileSync(
      join(dataDir, OWNER_FILE),
      `process ${process.pid} (${process.argv.slice(2, 3).join(' ') || 'node'}) since ${new Date().toISOString()}`,
    );
  } catch {
    // A message is not worth failing a write over.
  }
  return () => {
    rmSync(join(dataDir, OWNER_FILE), { force: true });
    db.exec('ROLLBACK');
    db.close();
  };
}

function ownerOf(dataDir: string): string {
  try {
    return readFileSync(join(dataDir, OWNER_FILE), 'utf8').trim() || 'another process';
  } catch {
    return 'another process';
  }
}
