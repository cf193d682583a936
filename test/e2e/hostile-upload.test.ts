// The hostile-input corpus through POST /api/documents: every input is refused with a clear JSON error (413 for
// the 30 MB file, 415 for unsupported types, 422 when it cannot be read) or ingested (201, or 200 for the copy of
// a stored document); the file name never becomes a path; the documents stored before stay as they were; and
// the server keeps serving throughout.
import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { createApp } from '../../src/server/app.ts';
import { openServices, type Services } from '../../src/services.ts';
import { tempDataDir } from './cli-helpers.ts';
import { hostileInputs } from './hostile-inputs.ts';
import { expectDefined } from '../helpers/expect-defined.ts';
import { sharedPath } from '../helpers/shared.ts';
import { listening } from './listen.ts';

const TOKEN = 'hostile-upload-token';
const BASELINE = sharedPath('corpus', 'sample', 'zhejiang-2017.md');
const INPUTS = hostileInputs(readFileSync(BASELINE));

let services: Services;
let server: Server;
let base = '';
let data = '';

beforeAll(async () => {
  data = tempDataDir();
  services = await openServices(loadConfig({ data, graph: 'embedded' }), { embedder: new LexicalFallbackEmbedder() });
  await ingestPaths([BASELINE], services);
  ({ server, base } = await listening(
    createApp(services, { token: TOKEN, rateLimit: { max: 100_000, windowMs: 60_000 } }).listen(0, '127.0.0.1'),
  ));
}, 120_000);

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await services.close();
});

/** What the upload endpoint must answer for an input the reader refuses with `reason`. */
function expectedRefusal(fileName: string, bytes: number, reason: RegExp): { status: number; message: RegExp } {
  if (bytes === 0) return { status: 400, message: /must be the file's bytes/ };
  if (/file too large/.test(reason.source)) return { status: 413, message: /larger than this endpoint accepts/ };
  if (/unsupported/.test(reason.source)) return { status: 415, message: /unsupported file type/ };
  return { status: 422, message: new RegExp(`${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${reason.source.replace(/^: /, '')}`) };
}

describe('hostile inputs: uploaded through POST /api/documents', () => {
  it('refuses or ingests each one, keeps the stored documents and keeps serving', async () => {
    const before = await services.store.listDocuments();
    const added: string[] = [];
    // Built before the first request: making the zip bomb blocks this process for seconds, long enough for the
    // server (same process) to drop the idle keep-alive connection just as the next request goes out on it.
    const payloads = new Map(INPUTS.map((input) => [input, new Uint8Array(input.bytes())]));
    for (const input of INPUTS) {
      const bytes = expectDefined(payloads.get(input));
      const response = await fetch(`${base}/api/documents?name=${encodeURIComponent(input.fileName)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' },
        body: bytes,
      });
      const body = (await response.json()) as { error?: { message: string }; document?: { id: string } };
      if ('error' in input.expect) {
        const refusal = expectedRefusal(input.fileName, bytes.length, input.expect.error);
        expect({ name: input.name, status: response.status }).toEqual({ name: input.name, status: refusal.status });
        expect(body.error?.message, input.name).toMatch(refusal.message);
        expect(body.error?.message, input.name).not.toMatch(/[\r\n]|\/tmp\/|node_modules|\.ts:\d/);
      } else if (input.expect.duplicateOf) {
        expect({ name: input.name, status: response.status }).toEqual({ name: input.name, status: 200 });
        expect(body.document?.id).toBe(expectDefined(before[0]).id);
      } else {
        expect({ name: input.name, status: response.status, body: response.status === 201 ? 'ok' : body }).toEqual({
          name: input.name,
          status: 201,
          body: 'ok',
        });
        added.push(expectDefined(body.document).id);
      }
      expect((await fetch(`${base}/api/health`)).status, `serving after ${input.name}`).toBe(200);
    }

    const documents = await services.store.listDocuments();
    expect(documents).toEqual(expect.arrayContaining(before));
    expect(documents).toHaveLength(before.length + added.length);
    // Client file names (traversal, shell metacharacters) never leave the uploads folder.
    const uploads = join(data, 'uploads');
    for (const document of documents.filter((d) => added.includes(d.id))) {
      expect(dirname(resolve(process.cwd(), document.sourcePath))).toBe(uploads);
    }
    expect(readdirSync(uploads)).toHaveLength(added.length);
    expect(readdirSync(data).sort()).toEqual(expect.arrayContaining(['uploads']));
  }, 300_000);
});
