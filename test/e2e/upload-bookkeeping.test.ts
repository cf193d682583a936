// Uploads and deletes over HTTP at once, in one server: every stored chunk stays findable by the vector index (in
// memory and in the saved file), and uploads/ holds exactly the files of the stored uploaded documents. The same
// bytes uploaded twice kept no file (the second upload deleted the first's), ten at once gave a 500 (ENOENT).
import { readdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import type { StoreSyncedIndex } from '../../embeddings/store-synced-index.ts';
import { cleanUploads } from '../../src/app/ingest.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { openServices, type Services } from '../../src/services.ts';
import { tempDataDir } from './cli-helpers.ts';
import { expectVectorFileMatchesStore, reportText } from './writer-helpers.ts';
import { listening } from './listen.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

let services: Services;
let server: Server;
let base = '';
let data = '';

beforeAll(async () => {
  data = tempDataDir();
  services = await openServices(loadConfig({ data, graph: 'embedded' }), { embedder: new LexicalFallbackEmbedder() });
  ({ server, base } = await listening(createApp(services, { rateLimit: { max: 100_000, windowMs: 60_000 } }).listen(0, '127.0.0.1')));
}, 120_000);

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await services.close();
});

const upload = (name: string, body: string) =>
  fetch(`${base}/api/documents?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/octet-stream' },
  });
const uploadsDir = () => join(data, 'uploads');

/** The index serves exactly the stored chunks, and uploads/ holds exactly the stored uploads' files. */
async function expectConsistent(): Promise<void> {
  const store = services.store as unknown as { db: { prepare(sql: string): { all(): Array<{ id: string }> } } };
  const stored = store.db
    .prepare('SELECT id FROM chunks WHERE vector IS NOT NULL ORDER BY id')
    .all()
    .map((r) => r.id);
  expect((await (services.index as StoreSyncedIndex).chunkIds()).sort()).toEqual(stored);
  const documents = await services.store.listDocuments();
  expect(readdirSync(uploadsDir()).sort()).toEqual(documents.map((d) => basename(d.sourcePath)).sort());
}

describe('upload bookkeeping', () => {
  it('ten identical uploads at once: one 201, nine 200, no 500; the kept file stays, also after an eleventh', async () => {
    const body = reportText('same', 0);
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => upload('same.txt', body)))).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect((await upload('same.txt', body)).status).toBe(200);
    // Same text, other bytes (a BOM) and another name: the document keeps the first file, the second goes.
    expect((await upload('other-name.txt', `\uFEFF${body}`)).status).toBe(200);
    const [document] = await services.store.listDocuments();
    expect(readdirSync(uploadsDir())).toEqual([basename(expectDefined(document).sourcePath)]);
    await expectConsistent();
  });

  it('uploads and deletes at once keep the index and uploads/ exact, in memory and on disk', async () => {
    const first = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(`batch-${i}.txt`, reportText('batch', i))));
    expect(first.map((r) => r.status)).toEqual(Array(6).fill(201));
    const ids = await Promise.all(first.map(async (r) => (await r.json()).document.id as string));
    const replies = await Promise.all([
      ...ids.slice(0, 3).map((id) => fetch(`${base}/api/documents/${id}`, { method: 'DELETE' })),
      ...Array.from({ length: 3 }, (_, i) => upload(`later-${i}.txt`, reportText('later', i))),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 201, 201, 201]);
    expect(await services.store.listDocuments()).toHaveLength(1 + 3 + 3);
    await expectConsistent();
    await expectVectorFileMatchesStore(data);
  });

  it('files no document names (a kill, a full disk) are removed when the server starts', async () => {
    const kept = readdirSync(uploadsDir()).sort();
    writeFileSync(join(uploadsDir(), '0123456789abcdef-orphan.txt'), 'left by a kill');
    writeFileSync(join(uploadsDir(), '.upload-123-abcdef'), 'half a file');
    expect((await cleanUploads(services)).sort()).toEqual(['.upload-123-abcdef', '0123456789abcdef-orphan.txt']);
    expect(readdirSync(uploadsDir()).sort()).toEqual(kept);
  });
});
