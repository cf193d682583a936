// Security of the HTTP API: hostile questions, names and ids (Cypher/SQL/Lucene-looking, huge, unicode tricks)
// through every endpoint leave the graph exactly as it was, on the embedded store and on Neo4j; no response
// carries a stack trace or a server path; writes need the token when one is set; bodies are limited; every
// response has the security headers; `serve` binds to 127.0.0.1 by default.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { createApp } from '../../src/server/app.ts';
import { openServices, type Services } from '../../src/services.ts';
import { NEO4J_SKIPPED, wipeNeo4j } from '../contract/graph-store.neo4j-env.ts';
import { ROOT, SEED, tempDataDir } from './cli-helpers.ts';
import { INJECTION_STRINGS, smallReport } from './hostile-inputs.ts';
import { listening } from './listen.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const TOKEN = 'security-test-token';
const JSON_BYTES = 8 * 1024;
const UPLOAD_BYTES = 256 * 1024;

/** Inputs that would hurt if any layer spliced them into Cypher, SQL, FTS5/Lucene syntax, a regex, a path or HTML. */
const HOSTILE = [
  ...INJECTION_STRINGS,
  "崧厦镇' OR '1'='1",
  '曹娥江"}) MATCH (n) SET n.name = "pwned" //',
  'MATCH (n) DETACH DELETE n',
  'x"; DELETE FROM documents; SELECT "',
  'paragraph_fts: * NOT a OR b NEAR/2 c ^ "unterminated',
  'title:* AND text:/.*/ OR a~0.1 OR b^100 OR {a TO z} OR \\',
  '(a+)+$ (.*a){30} [[:alpha:]]',
  '../../../../etc/passwd',
  '%00%27%22%3B',
  '\u0000null\u0000byte',
  '\u202eevil\u202c 乡\u200b村 \u2066公路\u2069',
  '\ud800 lone surrogate \udfff',
  '＇｝）　ＤＥＴＡＣＨ　ＤＥＬＥＴＥ　ｎ　／／',
  'é e\u0301 ﬁ 𠀀 👨‍👩‍👧',
  '<img src=x onerror=alert(1)>{{constructor.constructor("return process")()}}',
  '地区生产总值'.repeat(300),
  'a'.repeat(100_000),
];

/** Traces and internals that must never reach a client. */
const LEAKS = [
  /\n\s+at .+:\d+:\d+/,
  /\bat (?:async )?\S+ \((?:\/|file:)/,
  /node_modules/,
  /\/work\/|\/home\/|\/tmp\//,
  /\.ts:\d+/,
  /Neo4jError|SqliteError|TypeError|ReferenceError/,
];

const SECURITY_HEADERS = {
  'content-security-policy': /default-src 'self'/,
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'referrer-policy': /^no-referrer$/,
};

interface Served {
  services: Services;
  server: Server;
  base: string;
}

async function serveOver(services: Services, options: Parameters<typeof createApp>[1]): Promise<Served> {
  return { services, ...(await listening(createApp(services, options).listen(0, '127.0.0.1'))) };
}

async function close(served: Served | undefined): Promise<void> {
  if (!served) return;
  await new Promise((done) => served.server.close(done));
  await served.services.close();
}

interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

async function request(base: string, path: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Node itself answers a request line beyond its header limit (a 100,000-character query) with a bare 431. */
const REFUSED_BY_NODE = 431;

function expectSafeReply(reply: Reply, what: string): void {
  expect(reply.status, `${what}: ${reply.text.slice(0, 200)}`).toBeLessThan(500);
  if (reply.status === REFUSED_BY_NODE) {
    expect(reply.text, what).toBe('');
    return;
  }
  for (const [name, pattern] of Object.entries(SECURITY_HEADERS)) expect(reply.headers.get(name), `${what}: ${name}`).toMatch(pattern);
  for (const leak of LEAKS) expect(reply.text, `${what} leaks`).not.toMatch(leak);
  if (reply.status >= 400)
    expect(JSON.parse(reply.text), what).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
}

/** Everything a client can observe of the graph: documents, counts and the entity list. */
async function graphState(services: Services) {
  return {
    documents: await services.store.listDocuments(),
    counts: await services.store.counts(),
    entities: (await services.store.entities({ limit: 100_000 })).map((e) => `${e.type}:${e.id}:${e.name}:${e.mentions}`).sort(),
  };
}

/** Every read endpoint, and the write endpoints without a token, with `value` in each place a client controls. */
function hostileRequests(value: string, someEntityId: string): Array<[string, string, RequestInit?]> {
  const q = percentEncoded(value);
  const json = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return [
    ['ask', `/api/ask?q=${q}`],
    ['entities match', `/api/entities?match=${q}`],
    ['entities type', `/api/entities?type=${q}`],
    ['entity by id', `/api/entities/${q}`],
    ['neighbourhood', `/api/graph/neighborhood?id=${q}&depth=3`],
    ['neighbourhood types', `/api/graph/neighborhood?id=${encodeURIComponent(someEntityId)}&types=${q}`],
    ['path from', `/api/graph/path?from=${q}&to=${encodeURIComponent(someEntityId)}`],
    ['path to', `/api/graph/path?from=${encodeURIComponent(someEntityId)}&to=${q}`],
    ['indicator timeline', `/api/indicators/${q}/timeline`],
    ['track', `/api/track?place=${q}&period=2017`],
    ['export', `/api/export?format=${q}`],
    ['check', '/api/check', json({ text: value })],
    ['check language', '/api/check', json({ text: '地区生产总值增长8%', language: value })],
    [
      'upload without token',
      `/api/documents?name=${q}.txt`,
      { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: smallReport('无令牌') },
    ],
    ['delete without token', `/api/documents/${q}`, { method: 'DELETE' }],
  ];
}

/** Percent-encoding of the UTF-8 bytes; lone surrogates (which encodeURIComponent refuses) go as raw invalid bytes. */
function percentEncoded(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .replace(/[\ud800-\udfff]/g, '%ED%A0%80')
      .split('%ED%A0%80')
      .map(encodeURIComponent)
      .join('%ED%A0%80');
  }
}

function hostileSuite(backend: 'embedded' | 'neo4j') {
  let served: Served | undefined;
  let before: Awaited<ReturnType<typeof graphState>>;
  let someEntityId = '';

  beforeAll(async () => {
    if (backend === 'neo4j') await wipeNeo4j();
    const services = await openServices(loadConfig({ data: tempDataDir(), graph: backend }), { embedder: new LexicalFallbackEmbedder() });
    await ingestPaths([SEED], services);
    served = await serveOver(services, {
      token: TOKEN,
      jsonBytes: JSON_BYTES,
      uploadBytes: UPLOAD_BYTES,
      rateLimit: { max: 100_000, windowMs: 60_000 },
    });
    before = await graphState(services);
    someEntityId = expectDefined((await services.store.entities({ type: 'place', limit: 1 }))[0]).id;
  }, 300_000);

  afterAll(async () => {
    await close(served);
    if (backend === 'neo4j') await wipeNeo4j();
  });

  it(`${HOSTILE.length} hostile values through every endpoint: safe replies, graph unchanged`, async () => {
    const { base, services } = expectDefined(served);
    let requests = 0;
    for (const value of HOSTILE) {
      for (const [what, path, init] of hostileRequests(value, someEntityId)) {
        const reply = await request(base, path, init);
        expectSafeReply(reply, `${what} <${value.slice(0, 40)}>`);
        // Refused: 401, or 400 when the path itself is malformed (routing decodes it before the token is checked).
        if (what.endsWith('without token')) expect([400, 401, REFUSED_BY_NODE], what).toContain(reply.status);
        requests++;
      }
    }
    expect(requests).toBeGreaterThanOrEqual(HOSTILE.length * 15);
    expect(await graphState(services)).toEqual(before);
    // The store still answers normally afterwards.
    const answer = JSON.parse((await request(base, `/api/ask?q=${encodeURIComponent('数字经济')}`)).text);
    expect(answer.passages.length).toBeGreaterThan(0);
  }, 300_000);

  it('an authorised upload of injection text is stored verbatim and deleted without a trace', async () => {
    const { base, services } = expectDefined(served);
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' };
    const text = `${smallReport('注入上传')}\n${INJECTION_STRINGS.map((s) => `${s}。`).join('\n\n')}\n`;
    const uploaded = await request(base, `/api/documents?name=${encodeURIComponent("'}) DETACH DELETE n; DROP TABLE documents.txt")}`, {
      method: 'POST',
      headers: auth,
      body: text,
    });
    expectSafeReply(uploaded, 'upload');
    expect(uploaded.status).toBe(201);
    const { document } = JSON.parse(uploaded.text);
    const hits = await services.store.searchText('注入上传', 5);
    expect(hits.some((hit) => hit.paragraph.documentId === document.id)).toBe(true);
    const stored = (await services.store.paragraphs(hits.map((h) => h.paragraph.id))).map((p) => p.text).join('\n');
    expect(stored).toContain('注入上传');
    const deleted = await request(base, `/api/documents/${document.id}`, { method: 'DELETE', headers: auth });
    expectSafeReply(deleted, 'delete');
    expect(deleted.status).toBe(200);
    expect(await graphState(services)).toEqual(before);
  }, 120_000);
}

describe('security: hostile input through every endpoint (embedded store)', () => hostileSuite('embedded'));
describe.skipIf(NEO4J_SKIPPED)('security: hostile input through every endpoint (Neo4j)', () => hostileSuite('neo4j'));

describe('security: token, limits, headers', () => {
  let served: Served | undefined;
  let limited: Served | undefined;

  beforeAll(async () => {
    const services = await openServices(loadConfig({ data: tempDataDir(), graph: 'embedded' }), {
      embedder: new LexicalFallbackEmbedder(),
    });
    served = await serveOver(services, { token: TOKEN, jsonBytes: JSON_BYTES, uploadBytes: UPLOAD_BYTES });
    limited = await serveOver(services, { rateLimit: { max: 3, windowMs: 60_000 } });
  }, 120_000);

  afterAll(async () => {
    await new Promise((done) => limited?.server.close(done));
    await close(served);
  });

  it('POLICY_GRAPH_TOKEN becomes the token; the default bind address is loopback', () => {
    expect(loadConfig({}, { POLICY_GRAPH_TOKEN: 's3cret' }).apiToken).toBe('s3cret');
    expect(loadConfig({}, {}).apiToken).toBeUndefined();
    expect(loadConfig({}, {}).host).toBe('127.0.0.1');
  });

  it('writes need the token: none, a wrong one, a prefix of it and another scheme are refused', async () => {
    const { base, services } = expectDefined(served);
    const body = smallReport('令牌');
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream', ...(authorization ? { authorization } : {}) };
      const upload = await request(base, '/api/documents?name=a.txt', { method: 'POST', headers, body });
      expectSafeReply(upload, `upload with ${authorization}`);
      expect(upload.status).toBe(401);
      const remove = await request(base, '/api/documents/abc', { method: 'DELETE', headers });
      expect(remove.status).toBe(401);
    }
    expect(await services.store.listDocuments()).toEqual([]);
    const accepted = await request(base, '/api/documents?name=a.txt', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' },
      body,
    });
    expect(accepted.status).toBe(201);
    const { document } = JSON.parse(accepted.text);
    expect(
      (await request(base, `/api/documents/${document.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(200);
    expect(await services.store.counts()).toEqual({ documents: 0, nodes: 0, relationships: 0 });
  }, 60_000);

  it('limits bodies: JSON and uploads beyond the limit get 413, malformed JSON 400, all as JSON without internals', async () => {
    const { base } = expectDefined(served);
    const json = { 'content-type': 'application/json' };
    const big = await request(base, '/api/check', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ text: '增'.repeat(JSON_BYTES) }),
    });
    expectSafeReply(big, 'big JSON');
    expect(big.status).toBe(413);
    const upload = await request(base, '/api/documents?name=big.txt', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(UPLOAD_BYTES + 1, 0x41),
    });
    expectSafeReply(upload, 'big upload');
    expect(upload.status).toBe(413);
    const malformed = await request(base, '/api/check', { method: 'POST', headers: json, body: '{"text": "未闭合' });
    expectSafeReply(malformed, 'malformed JSON');
    expect(malformed.status).toBe(400);
    const deep = await request(base, '/api/check', { method: 'POST', headers: json, body: `${'['.repeat(2000)}${']'.repeat(2000)}` });
    expectSafeReply(deep, 'deeply nested JSON');
    expect(deep.status).toBe(400);
  });

  it('malformed percent-encoding and array/object parameters: client errors or plain answers, never internals', async () => {
    const { base } = expectDefined(served);
    for (const path of [
      '/api/entities/%E0%A4%A',
      '/api/entities/%',
      '/api/indicators/%ZZ/timeline',
      '/api/ask?q[]=a&q[]=b',
      '/api/ask?q[a]=b',
    ]) {
      const reply = await request(base, path);
      expectSafeReply(reply, path);
      expect(reply.status, path).toBe(400);
    }
    // Query strings are decoded leniently (an invalid sequence stays as written): a question like any other.
    for (const path of ['/api/ask?q=%E0%A4%A', '/api/graph/path?from=%ZZ&to=%']) expectSafeReply(await request(base, path), path);
  });

  it('unknown routes and methods answer JSON 404 with the headers', async () => {
    const { base } = expectDefined(served);
    for (const [path, method] of [
      ['/api/nope', 'GET'],
      ['/api/ask', 'DELETE'],
      ['/api/documents', 'PUT'],
    ] as const) {
      const reply = await request(base, path, { method });
      expectSafeReply(reply, `${method} ${path}`);
      expect(reply.status).toBe(404);
    }
  });

  it('rate-limits a client that sends too many requests, with Retry-After', async () => {
    const statuses: number[] = [];
    let last: Reply | undefined;
    for (let i = 0; i < 5; i++) {
      last = await request(expectDefined(limited).base, '/api/health');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = expectDefined(last);
    expectSafeReply({ ...refused, status: 499 }, 'rate limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('security: npm start binds to loopback', () => {
  it('`serve` listens on 127.0.0.1 only, unless told otherwise', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const { NEO4J_URI: _unused, POLICY_GRAPH_HOST: _host, ...inherited } = process.env;
    const child = spawn(process.execPath, [join(ROOT, 'bin/policy-graph.js'), 'serve', '--port', port, '--data', tempDataDir()], {
      cwd: ROOT,
      env: { ...inherited, POLICY_GRAPH_MODEL_DIR: join(tmpdir(), 'policy-graph-no-model') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      let stderr = '';
      await new Promise<void>((resolve, reject) => {
        expectDefined(child.stderr).on('data', (chunk) => {
          stderr += chunk;
          if (/serving on/.test(stderr)) resolve();
        });
        child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
      });
      const listening = listeningAddresses(Number(port));
      expect(listening).toEqual(['127.0.0.1']);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});

/** Local addresses of the listening TCP sockets on `port`, from /proc/net/tcp{,6}. */
function listeningAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let table = '';
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of table.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [hex = '', portHex = ''] = local.split(':');
      if (parseInt(portHex, 16) !== port) continue;
      // IPv4 as /proc writes it: the address's four bytes in hex, least significant first.
      const bytes = hex.length === 8 ? hex.match(/../g) : null;
      addresses.push(
        bytes
          ? bytes
              .reverse()
              .map((b) => parseInt(b, 16))
              .join('.')
          : `ipv6:${hex}`,
      );
    }
  }
  return addresses;
}
