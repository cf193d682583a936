// A data folder in a bad state: a 0-byte graph.sqlite (was silently an empty store), a folder this user may not
// write (could not even be read), and a second writer (waits with a message, or gives up clearly, writing nothing).
import { execFile, spawn } from 'node:child_process';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { dataFolderLock, WriteLockTimeout } from '../../src/locks/write-lock.ts';
import { cli, ROOT, tempDataDir } from './cli-helpers.ts';
import { ingested, LEXICAL_EMBEDDER, writeReports } from './writer-helpers.ts';

const exec = promisify(execFile);

describe('data folder faults', () => {
  it('a 0-byte graph.sqlite is an error, not an empty store', async () => {
    const data = tempDataDir();
    writeFileSync(join(data, 'graph.sqlite'), '');
    const run = await cli(['documents', '--data', data, '--json'], LEXICAL_EMBEDDER);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/graph\.sqlite is empty \(0 bytes\)/);
  });

  it('a 0-byte graph.sqlite that another process is creating is waited for, not refused', async () => {
    const data = tempDataDir();
    const file = join(data, 'graph.sqlite');
    writeFileSync(file, '');
    // The other process writes the database's first page a moment later, as SQLite does when it creates a store.
    const creator = spawn(
      process.execPath,
      [
        '-e',
        `setTimeout(() => { const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)}); db.pragma('journal_mode = WAL'); db.close(); }, 300)`,
      ],
      { cwd: ROOT },
    );
    const store = openEmbeddedStore(data);
    try {
      expect(await store.listDocuments()).toEqual([]);
    } finally {
      await store.close();
      creator.kill();
    }
  });

  it('a folder this user may not write is still read (ask); a write fails clearly', async () => {
    const data = await ingested(join(tempDataDir(), 'data'), 1);
    // As root every folder is writable: the commands then run as nobody, on a folder only root may write.
    const asRoot = process.getuid?.() === 0;
    // (mkdtemp makes the parent 0700: nobody could not even reach the folder.)
    if (asRoot) for (const dir of [dirname(data), data]) chmodSync(dir, 0o755);
    else chmodSync(data, 0o555);
    for (const name of readdirSync(data)) if (asRoot) chmodSync(join(data, name), 0o755);
    const as = asRoot ? { uid: 65534, gid: 65534 } : {};
    const run = async (args: string[]) => {
      const { NEO4J_URI: _unused, ...inherited } = process.env;
      try {
        const { stdout, stderr } = await exec(process.execPath, [join(ROOT, 'bin/policy-graph.js'), ...args, '--data', data, '--json'], {
          cwd: '/tmp',
          env: { ...inherited, ...LEXICAL_EMBEDDER, HOME: '/tmp' },
          ...as,
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    try {
      const ask = await run(['ask', '试点编号']);
      expect(ask.code, ask.stderr).toBe(0);
      expect(JSON.parse(ask.stdout).passages.length).toBeGreaterThan(0);
      const write = await run(['ingest', join(ROOT, 'seeds')]);
      expect(write.code).toBe(1);
      expect(write.stderr).toMatch(/cannot write .*read-only/);
    } finally {
      chmodSync(data, 0o755);
    }
  });

  it('a second writer waits with a message and then writes, or gives up after its timeout without writing', async () => {
    const data = tempDataDir();
    const files = writeReports(join(data, 'in'), 'waiting', 1);
    let release!: () => void;
    const holding = dataFolderLock(data, { timeoutMs: 0 }).run(() => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Another writer (a second connection, as another process would open) gives up after its timeout.
    await expect(dataFolderLock(data, { timeoutMs: 300 }).run(async () => 'written')).rejects.toThrow(WriteLockTimeout);

    const { NEO4J_URI: _unused, ...inherited } = process.env;
    const child = spawn(process.execPath, [join(ROOT, 'bin/policy-graph.js'), 'ingest', ...files, '--data', data, '--json'], {
      cwd: ROOT,
      env: { ...inherited, ...LEXICAL_EMBEDDER },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      // The CLI says whom it waits for; once it has, the holder lets go and the CLI proceeds.
      if (/waiting for process \d+ .* to finish writing/.test(stderr)) release();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    await holding;
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/waiting for process/);
    expect(JSON.parse(stdout).documents[0].status).toBe('ingested');
    await expect(dataFolderLock(data, { timeoutMs: 0 }).run(async () => 'free again')).resolves.toBe('free again');
  });
});
