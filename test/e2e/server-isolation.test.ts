// Issue 19, server side: heavy requests (a long draft check, an upload of 50,000 one-character lines, the
// whole-graph export) run in worker threads, so /api/health keeps answering while each runs; a time budget
// stops a request that runs too long; requests another site's page makes a browser send, or that arrive under
// a foreign Host name (DNS rebinding), are refused with the JSON error shape.
import { createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { ask, type Answer } from '../../src/app/ask.ts';
import { createApp } from '../../src/server/app.ts';
import { MAX_HEADER_BYTES } from '../../src/server/serve.ts';
import { workPool, type WorkPool } from '../../src/server/work/pool.ts';
import { openServices, type Services } from '../../src/services.ts';
import { SEED, tempDataDir } from './cli-helpers.ts';
import { SMALL_REPORT } from './http-fixtures.ts';
import { expectVectorFileMatchesStore } from './writer-helpers.ts';
import { listening } from './listen.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

let services: Services;
let data = '';
let work: WorkPool;
const servers: Server[] = [];
let base = '';
let port = 0;

async function listen(options: Parameters<typeof createApp>[1]): Promise<Server> {
  // serve's header limit, so a 2,000-character question fits in the URL.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, createApp(services, { work, ...options })).listen(0, '127.0.0.1');
  servers.push(server);
  return (await listening(server)).server;
}

beforeAll(async () => {
  data = tempDataDir();
  services = await openServices(loadConfig({ data, graph: 'embedded' }, { POLICY_GRAPH_ALLOWED_HOSTS: 'graph.example.org' }), {
    embedder: new LexicalFallbackEmbedder(),
  });
  await ingestPaths([SEED], services);
  work = workPool({ threads: 1 });
  port = ((await listen({ rateLimit: { max: 100_000, windowMs: 60_000 } })).address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const server of servers) await new Promise((done) => server.close(done));
  await work.close();
  await services.close();
});

interface Reply {
  status: number;
  body: string;
}

/** node:http rather than fetch: a test must set Host, Origin and Sec-Fetch-Site exactly as a browser would. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer, at = port): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: at, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectRefused(reply: Reply, status: number, code: string) {
  expect(reply.status, reply.body.slice(0, 200)).toBe(status);
  const error = (JSON.parse(reply.body) as { error: { code: string; message: string } }).error;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
}

/** Polls /api/health every 25 ms until `work` settles; returns the latencies (ms) and what `work` gave. */
async function healthWhile<T>(work: Promise<T>): Promise<{ latencies: number[]; result: T }> {
  const latencies: number[] = [];
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  while (!done) {
    const started = performance.now();
    const reply = await send('GET', '/api/health');
    expect(reply.status).toBe(200);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { latencies, result: await settled };
}

const percentile = (values: number[], p: number) =>
  expectDefined([...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]);

function report(name: string, latencies: number[]) {
  process.stderr.write(
    `health during ${name}: ${latencies.length} probes, p50 ${Math.round(percentile(latencies, 0.5))} ms, p95 ${Math.round(percentile(latencies, 0.95))} ms, max ${Math.round(Math.max(...latencies))} ms\n`,
  );
}

const seed = readFileSync(SEED, 'utf8');
const octet = { 'content-type': 'application/octet-stream' };

describe('heavy requests leave the event loop free', () => {
  it('answers /api/health while a 120,000-character draft is checked', async () => {
    const draft = seed.repeat(Math.ceil(120_000 / seed.length)).slice(0, 120_000);
    const { latencies, result } = await healthWhile(
      send('POST', '/api/check', { 'content-type': 'application/json' }, JSON.stringify({ text: draft })),
    );
    report('check', latencies);
    expect(result.status, result.body.slice(0, 200)).toBe(200);
    expect(latencies.length).toBeGreaterThan(3);
    // 100 ms on a quiet machine (README, Reliability & security); generous here, where other suites share 2 cores.
    expect(percentile(latencies, 0.95)).toBeLessThan(1000);
  });

  it('answers /api/health while 2,000-character questions are answered, and the answers are those of ask in-process', async () => {
    const question = seed.replace(/\s+/g, '').slice(3000, 5000);
    const { latencies, result } = await healthWhile(
      (async () => {
        const replies: Reply[] = [];
        for (let i = 0; i < 3; i++) replies.push(await send('GET', `/api/ask?q=${encodeURIComponent(question)}`));
        return replies;
      })(),
    );
    report('long ask', latencies);
    const expected = await ask(question, services);
    const comparable = ({ timings: _t, ms: _m, ...answer }: Answer) => answer;
    for (const reply of result) {
      expect(reply.status, reply.body.slice(0, 200)).toBe(200);
      expect(comparable(JSON.parse(reply.body) as Answer)).toEqual(comparable(expected));
    }
    expect(latencies.length).toBeGreaterThan(3);
    expect(percentile(latencies, 0.95)).toBeLessThan(1000);
  });

  // The case is 50,000 lines (POLICY_GRAPH_UPLOAD_LINES=50000: about 60 s on the shared 2-core machine,
  // most of it inserting the vectors into the HNSW graph); 30,000 by default to keep the file near a minute.
  const uploadLines = Number(process.env.POLICY_GRAPH_UPLOAD_LINES ?? 30_000);
  it(`answers /api/health while an upload of ${uploadLines.toLocaleString('en')} one-character lines is read, embedded, written and indexed`, async () => {
    const lines = Array.from({ length: uploadLines }, (_, i) => '县市区镇乡村路桥水田'[i % 10]).join('\n');
    const { latencies, result } = await healthWhile(send('POST', '/api/documents?name=lines.txt', octet, lines));
    report('upload', latencies);
    expect(result.status, result.body.slice(0, 200)).toBe(201);
    expect((JSON.parse(result.body) as { document: { paragraphs: number } }).document.paragraphs).toBe(uploadLines);
    // Every stored chunk is in the vector index, in memory and in the saved file.
    expect(await expectVectorFileMatchesStore(data)).toBeGreaterThan(uploadLines);
    expect(percentile(latencies, 0.95)).toBeLessThan(1000);
  }, 300_000);

  it('answers /api/health while the whole graph is exported, and the export is complete', async () => {
    const { latencies, result } = await healthWhile(send('GET', '/api/export?format=json'));
    report('export', latencies);
    expect(result.status).toBe(200);
    const graph = JSON.parse(result.body) as {
      nodes: Array<{ id: string; label: string }>;
      edges: Array<{ source: string; target: string }>;
    };
    const counts = await services.store.counts();
    expect(graph.nodes.length).toBe(counts.nodes);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(percentile(latencies, 0.95)).toBeLessThan(1000);
  });

  it('stops a request past its time budget with 504 and keeps serving', async () => {
    const server = await listen({ budgetsMs: { check: 1 } });
    const draft = seed.slice(0, 20_000);
    expectRefused(
      await send(
        'POST',
        '/api/check',
        { 'content-type': 'application/json' },
        JSON.stringify({ text: draft }),
        (server.address() as AddressInfo).port,
      ),
      504,
      'timeout',
    );
    expect((await send('GET', '/api/health')).status).toBe(200);
  });
});

describe('cross-site protection', () => {
  const foreign = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

  it("refuses uploads, deletes and exports from another site's page with 403", async () => {
    const before = (await services.store.listDocuments()).length;
    expectRefused(await send('POST', '/api/documents?name=a.txt', { ...octet, ...foreign }, SMALL_REPORT), 403, 'cross_site');
    expectRefused(
      await send('POST', '/api/documents?name=a.txt', { ...octet, origin: 'https://evil.example' }, SMALL_REPORT),
      403,
      'cross_site',
    );
    expectRefused(
      await send('POST', '/api/documents?name=a.txt', { ...octet, 'sec-fetch-site': 'same-site' }, SMALL_REPORT),
      403,
      'cross_site',
    );
    expectRefused(await send('POST', '/api/documents?name=a.txt', { ...octet, origin: 'null' }, SMALL_REPORT), 403, 'cross_site');
    const id = expectDefined((await services.store.listDocuments())[0]).id;
    expectRefused(await send('DELETE', `/api/documents/${id}`, foreign), 403, 'cross_site');
    expectRefused(await send('GET', '/api/export?format=csv', { 'sec-fetch-site': 'cross-site' }), 403, 'cross_site');
    expectRefused(
      await send('POST', '/api/check', { 'content-type': 'application/json', ...foreign }, JSON.stringify({ text: '新建公路100公里。' })),
      403,
      'cross_site',
    );
    expect((await services.store.listDocuments()).length).toBe(before);
  });

  it('refuses the content types a cross-site form can send without asking, and accepts the file types', async () => {
    for (const type of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expectRefused(await send('POST', '/api/documents?name=a.txt', { 'content-type': type }, SMALL_REPORT), 415, 'unsupported_media_type');
    }
    expectRefused(await send('POST', '/api/documents?name=a.txt', {}, SMALL_REPORT), 415, 'unsupported_media_type');
    const ok = await send('POST', '/api/documents?name=a.md', { 'content-type': 'text/markdown' }, SMALL_REPORT);
    expect([200, 201]).toContain(ok.status);
  });

  it('refuses a foreign Host name (DNS rebinding) on every route, and accepts loopback and the configured names', async () => {
    for (const path of ['/api/documents', '/api/export?format=json', '/api/health', '/']) {
      expectRefused(await send('GET', path, { host: `rebind.attacker.example:${port}` }), 403, 'forbidden_host');
    }
    expectRefused(await send('DELETE', '/api/documents/x', { host: 'evil.example' }), 403, 'forbidden_host');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'graph.example.org', 'GRAPH.example.org.']) {
      expect((await send('GET', '/api/health', { host })).status, host).toBe(200);
    }
  });

  it("lets the UI's own same-origin requests through", async () => {
    const own = { origin: base, 'sec-fetch-site': 'same-origin' };
    expect((await send('GET', '/api/export?format=csv', own)).status).toBe(200);
    const upload = await send(
      'POST',
      '/api/documents?name=own.html',
      { ...own, 'content-type': 'text/html' },
      `<p>${SMALL_REPORT.replace('某县', '某市')}</p>`,
    );
    expect([200, 201], upload.body).toContain(upload.status);
    const id = (JSON.parse(upload.body) as { document: { id: string } }).document.id;
    expect((await send('DELETE', `/api/documents/${id}`, own)).status).toBe(200);
  });
});
