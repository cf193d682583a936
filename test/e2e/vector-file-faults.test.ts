// Four flipped bytes in the HNSW file, its size unchanged: hnswlib trusts its input, and `ask` died with a
// segmentation fault, `serve` on its first question after every restart. The file's checksum now fails, and the
// index is rebuilt from the vectors the store keeps (and saved again), never read.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDataDir } from './cli-helpers.ts';
import { expectVectorFileMatchesStore, ingested, LEXICAL_EMBEDDER, startServe } from './writer-helpers.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

/**
 * Flips the four bytes of a neighbour id in the second element's level-0 link list (hnswlib's layout: a 96-byte
 * header whose fourth field is the size of one element, then the elements, each starting with its link count):
 * the id then points far outside the graph, and a search that follows it reads memory it does not own.
 */
function flipGraphBytes(data: string): void {
  const dir = join(data, 'vectors');
  const file = join(dir, expectDefined(readdirSync(dir).find((name) => name.endsWith('.hnsw'))));
  const bytes = readFileSync(file);
  const at = 96 + Number(bytes.readBigUInt64LE(24)) + 8;
  for (let i = at; i < at + 4; i++) bytes.writeUInt8(bytes.readUInt8(i) ^ 0xff, i);
  writeFileSync(file, bytes);
}

describe('a corrupted vector file', () => {
  it('a vector file with flipped bytes is rebuilt from the store by ask and by serve, never read', async () => {
    const data = await ingested(tempDataDir(), 2);
    const chunks = await expectVectorFileMatchesStore(data);
    flipGraphBytes(data);
    const ask = await cli(['ask', '试点编号', '--data', data, '--json'], LEXICAL_EMBEDDER);
    expect(ask.code, ask.stderr).toBe(0);
    expect(ask.stderr).toMatch(/corrupt: its checksum does not match.*rebuilding/);
    expect(await expectVectorFileMatchesStore(data)).toBe(chunks);

    flipGraphBytes(data);
    const server = await startServe(data);
    try {
      const reply = await fetch(`${server.base}/api/ask?q=${encodeURIComponent('试点编号')}`);
      expect(reply.status).toBe(200);
      expect((await (await fetch(`${server.base}/api/health`)).json()).index.size).toBe(chunks);
    } finally {
      await server.stop();
    }
  });
});
