// `ingest --vectors-from DIR`: the passages DIR's store already keeps vectors for are not embedded again, and the
// new store holds the very same vectors; a passage DIR does not hold is embedded as usual.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { cli, tempDataDir } from './cli-helpers.ts';
import { SMALL_REPORT } from './http-fixtures.ts';
import { LEXICAL_EMBEDDER } from './writer-helpers.ts';

async function storedVectors(data: string): Promise<Map<string, number[]>> {
  const store = openEmbeddedStore(data);
  try {
    const rows = store.db.prepare('SELECT text, vector FROM chunks WHERE vector IS NOT NULL').all() as Array<{
      text: string;
      vector: Buffer;
    }>;
    return new Map(
      rows.map((r) => [
        r.text,
        [...new Float32Array(r.vector.buffer.slice(r.vector.byteOffset, r.vector.byteOffset + r.vector.byteLength))],
      ]),
    );
  } finally {
    await store.close();
  }
}

describe('ingest --vectors-from', () => {
  it('takes the kept vectors of the same passages and embeds only new ones', async () => {
    const source = tempDataDir();
    const target = tempDataDir();
    const first = join(source, '..', `${source.split('/').pop()}-first.txt`);
    const second = join(source, '..', `${source.split('/').pop()}-second.txt`);
    writeFileSync(first, SMALL_REPORT);
    writeFileSync(second, `${SMALL_REPORT}\n3.新增一项试点任务，推进改革。\n`);
    expect((await cli(['ingest', first, '--data', source], LEXICAL_EMBEDDER)).code).toBe(0);

    const copied = await cli(['ingest', first, '--data', target, '--vectors-from', source], LEXICAL_EMBEDDER);
    expect(copied.code, copied.stderr).toBe(0);
    const kept = await storedVectors(source);
    expect(copied.stderr).toContain(`vectors: ${kept.size} taken from ${source}, 0 embedded`);
    expect(await storedVectors(target)).toEqual(kept);

    const extended = await cli(['ingest', second, '--data', target, '--vectors-from', source], LEXICAL_EMBEDDER);
    expect(extended.code, extended.stderr).toBe(0);
    expect(extended.stderr).toMatch(/vectors: \d+ taken from .*, [1-9]\d* embedded/);
  });

  it('fails clearly when the folder keeps no store', async () => {
    const empty = tempDataDir();
    const run = await cli(
      ['ingest', '--data', tempDataDir(), '--vectors-from', join(empty, 'nothing-here'), join(empty, 'x.txt')],
      LEXICAL_EMBEDDER,
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/holds no embedded store/);
  });
});
