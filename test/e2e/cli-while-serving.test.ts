// CLI ingests and deletes while `serve` runs and takes uploads. Before, the server kept answering from its own
// in-memory index (missing the CLI's chunks, keeping deleted ones) and saved it over the CLI's. Now it catches up
// with the store before it answers, and every file it saves holds exactly the store's chunk ids.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDataDir } from './cli-helpers.ts';
import { expectVectorFileMatchesStore, LEXICAL_EMBEDDER, reportText, startServe, writeReports } from './writer-helpers.ts';

describe('another process writes while serve runs', () => {
  it('CLI ingest and delete while serve runs: the server answers from every stored chunk, and its writes keep them', async () => {
    const data = tempDataDir();
    const server = await startServe(data);
    try {
      const upload = async (prefix: string, i: number) =>
        fetch(`${server.base}/api/documents?name=${prefix}-${i}.txt`, {
          method: 'POST',
          body: reportText(prefix, i),
          headers: { 'content-type': 'application/octet-stream' },
        });
      const healthIndexSize = async () => (await (await fetch(`${server.base}/api/health`)).json()).index.size as number;
      // Health reports what the index holds now and starts its catch-up without waiting for it (it must answer
      // while an upload's 50,000 vectors are inserted); the catch-up of a few documents takes well under 10 s.
      const indexSize = async (expected?: number) => {
        const deadline = Date.now() + 10_000;
        let size = await healthIndexSize();
        while (expected !== undefined && size !== expected && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          size = await healthIndexSize();
        }
        return size;
      };
      const storedChunks = async () => (await (await fetch(`${server.base}/api/health`)).json()).store;
      expect((await upload('gamma', 0)).status).toBe(201);
      const perDocument = await indexSize();
      expect(perDocument).toBeGreaterThan(0);

      // Another process writes: the server's next answer must include its chunks.
      const files = writeReports(join(data, '..', `${data.split('/').pop()}-c`), 'delta', 3);
      const ingested = await cli(['ingest', ...files, '--data', data, '--json'], LEXICAL_EMBEDDER);
      expect(ingested.code, ingested.stderr).toBe(0);
      expect(await indexSize(4 * perDocument)).toBe(4 * perDocument);

      // The server writes next: the file it saves holds the CLI's chunks too (it did not before).
      expect((await upload('gamma', 1)).status).toBe(201);
      expect(await expectVectorFileMatchesStore(data)).toBe(5 * perDocument);

      // Another process deletes: the server stops finding that document, and the file stays exact.
      const deleted = JSON.parse(ingested.stdout).documents[0].id as string;
      expect((await cli(['delete', deleted, '--data', data, '--json'], LEXICAL_EMBEDDER)).code).toBe(0);
      expect(await indexSize(4 * perDocument)).toBe(4 * perDocument);
      expect((await storedChunks()).documents).toBe(4);
      expect(await expectVectorFileMatchesStore(data)).toBe(4 * perDocument);
    } finally {
      await server.stop();
    }
  });

  // The 1,700-character Chinese question got 431: percent-encoded it is 15 KB of request line, and with the
  // other headers past Node's default 16 KB header limit; `serve` allows 64 KB.
  it('serve answers Chinese questions up to the 2,000-character limit, and refuses longer ones with 400, not 431', async () => {
    const server = await startServe(tempDataDir());
    try {
      const question = (length: number) => '上虞区今年推进曹娥江两岸综合开发和城市有机更新的目标是多少'.repeat(100).slice(0, length);
      const ask = (length: number) => fetch(`${server.base}/api/ask?q=${encodeURIComponent(question(length))}`);
      for (const length of [1_700, 2_000]) {
        const reply = await ask(length);
        expect(reply.status, `${length} characters`).toBe(200);
        expect(((await reply.json()) as { question: string }).question.length).toBe(length);
      }
      expect((await ask(2_001)).status).toBe(400);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
