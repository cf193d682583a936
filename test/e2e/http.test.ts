// The HTTP API end to end: real servers on loopback ports over an ingested seed, queried with fetch. One server
// has a token and small body limits; a second, over the same services, has a tiny rate limit.
import { existsSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CheckReport, TrackReport } from '../../src/consistency/report.ts';
import { loadConfig } from '../../src/config.ts';
import type * as Api from '../../src/domain/api-schemas.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { createApp, type AppOptions } from '../../src/server/app.ts';
import { openServices, type Services } from '../../src/services.ts';
import { ROOT, tempDataDir } from './cli-helpers.ts';
import { SMALL_REPORT } from './http-fixtures.ts';
import { expectDefined } from '../helpers/expect-defined.ts';
import { sharedPath } from '../helpers/shared.ts';
import { listening } from './listen.ts';

const SEED_GOLD = JSON.parse(readFileSync(sharedPath('eval', 'seed-structure.json'), 'utf8')) as {
  tasks2017: Array<{ number: number; title: string; char_start: number }>;
};

// What a route answers, by its response schema (Body<'HealthResponse'>).
type Body<K extends keyof typeof Api> = (typeof Api)[K] extends z.ZodType ? z.infer<(typeof Api)[K]> : never;

/** The parts of the OpenAPI document the test reads; every lookup may miss, which the expectations then report. */
interface OpenApiSchema {
  type?: string;
  properties?: Record<string, OpenApiSchema>;
}
interface OpenApiOperation {
  parameters: Array<{ name: string; in: string; required?: boolean; schema: OpenApiSchema }>;
  responses: Record<string, { content?: Record<string, { schema: OpenApiSchema }> }>;
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
  security?: unknown[];
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

const TOKEN = 'test-token-123';
const UPLOAD_BYTES = 64 * 1024;
const JSON_BYTES = 16 * 1024;

let services: Services;
const servers: Server[] = [];
let base = '';
let limited = '';

async function listen(options: AppOptions): Promise<string> {
  const { server, base } = await listening(createApp(services, options).listen(0, '127.0.0.1'));
  servers.push(server);
  return base;
}

beforeAll(async () => {
  services = await openServices(loadConfig({ data: tempDataDir(), graph: 'embedded' }, {}));
  await ingestPaths([join(ROOT, 'seeds')], services);
  base = await listen({ token: TOKEN, uploadBytes: UPLOAD_BYTES, jsonBytes: JSON_BYTES });
  limited = await listen({ rateLimit: { max: 5, windowMs: 60_000 } });
});

afterAll(async () => {
  for (const server of servers) await new Promise((done) => server.close(done));
  await services.close();
});

/** A route's JSON answer, read as `T`: what the route answers when it succeeds (errors are checked by expectError). */
const getJson = async <T = unknown>(path: string, init: RequestInit = {}, at = base) => {
  const response = await fetch(`${at}${path}`, init);
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
};
const entityId = async (match: string, name: string) =>
  expectDefined(
    (await getJson<Body<'EntitiesResponse'>>(`/api/entities?match=${encodeURIComponent(match)}`)).body.entities.find(
      (e) => e.name === name,
    ),
  ).id;
const upload = (name: string, body: string | Uint8Array<ArrayBuffer>, token: string | null = TOKEN) =>
  getJson<Body<'UploadResponse'>>(`/api/documents?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

function expectError(result: { status: number; body: unknown }, status: number, code: string, message?: RegExp) {
  expect(result.status).toBe(status);
  const { error } = result.body as Partial<Body<'ErrorResponse'>>;
  expect(error?.code).toBe(code);
  expect(typeof error?.message).toBe('string');
  if (message) expect(error?.message).toMatch(message);
  expect(JSON.stringify(result.body)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
}

describe('HTTP API', () => {
  it('reports health: store, model and index state', async () => {
    const { status, body } = await getJson<Body<'HealthResponse'>>('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      store: { kind: 'embedded', documents: 1 },
      model: { id: expect.any(String) },
      index: { size: expect.any(Number) },
    });
    expect(body.store.nodes).toBeGreaterThan(100);
    expect(['on', 'off']).toContain(body.model.semanticSearch);
  });

  it('documents every route in a valid OpenAPI 3 document generated from the schemas', async () => {
    const { status, body } = await getJson<OpenApiDocument>('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(body.info.title).toBeTruthy();
    const routes: Array<[method: string, path: string]> = [
      ['get', '/api/health'],
      ['get', '/api/openapi.json'],
      ['get', '/api/ask'],
      ['get', '/api/entities'],
      ['get', '/api/entities/{id}'],
      ['get', '/api/graph/neighborhood'],
      ['get', '/api/graph/path'],
      ['get', '/api/indicators/{id}/timeline'],
      ['get', '/api/documents'],
      ['post', '/api/documents'],
      ['get', '/api/documents/{id}'],
      ['delete', '/api/documents/{id}'],
      ['post', '/api/check'],
      ['get', '/api/track'],
      ['get', '/api/export'],
    ];
    for (const [method, path] of routes) {
      const operation = expectDefined(body.paths[path]?.[method], `${method} ${path}`);
      for (const [code, response] of Object.entries(operation.responses)) {
        expect(Number(code)).toBeGreaterThanOrEqual(200);
        for (const media of Object.values(response.content ?? {})) expect(typeof media.schema).toBe('object');
      }
      for (const parameter of operation.parameters) {
        expect(['query', 'path']).toContain(parameter.in);
        expect(typeof parameter.schema).toBe('object');
      }
      const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(operation.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathParameters);
    }
    const ask = expectDefined(body.paths['/api/ask']?.get);
    expect(ask.parameters.find((p) => p.name === 'q')).toMatchObject({ required: true, schema: { type: 'string' } });
    expect(ask.responses['200']?.content?.['application/json']?.schema.properties?.tasks?.type).toBe('array');
    expect(body.paths['/api/check']?.post?.requestBody?.content['application/json']?.schema.properties?.text?.type).toBe('string');
    expect(body.paths['/api/documents']?.post?.security).toEqual([{ bearer: [] }]);
    expect(body.components.schemas.Error?.properties?.error?.type).toBe('object');
  });

  it('answers a question with tasks and cited passages', async () => {
    const { status, body } = await getJson<Body<'AnswerResponse'>>(`/api/ask?q=${encodeURIComponent('哪些任务涉及曹娥江？')}`);
    expect(status).toBe(200);
    expect(body.tasks.map((t: { number: number }) => t.number)).toEqual(expect.arrayContaining([8, 27]));
    expect(body.passages[0]).toMatchObject({
      documentId: expect.any(String),
      charStart: expect.any(Number),
      retrievers: expect.any(Array),
    });
    expectError(await getJson('/api/ask'), 400, 'invalid_request', /q/);
    expectError(await getJson('/api/ask?q=x&k=1000'), 400, 'invalid_request', /k/);
  });

  it('reads one report: outline, tasks, paragraphs with offsets into its text, mentions; no server path', async () => {
    const listed = expectDefined((await getJson<Body<'DocumentsResponse'>>('/api/documents')).body.documents[0]);
    const { status, body } = await getJson<Body<'DocumentReaderResponse'>>(`/api/documents/${listed.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: listed.id, title: listed.title, year: 2017 });
    expect(JSON.stringify(body)).not.toContain(listed.sourcePath);
    expect(body.parts.length).toBeGreaterThan(2);
    expect(body.parts.flatMap((p) => p.sections).length).toBeGreaterThan(0);
    expect(body.tasks.map((t) => t.number)).toEqual(expect.arrayContaining([8, 27]));
    for (const p of body.paragraphs) expect(body.text.slice(p.charStart, p.charEnd)).toBe(p.text);
    const river = expectDefined(body.mentions.find((m) => m.entityName === '曹娥江'));
    expect(body.text.slice(river.charStart, river.charEnd)).toBe(river.surface);
    expectError(await getJson('/api/documents/nope'), 404, 'not_found');
  });

  it("lists a document's tasks, of one horizon on request, and refuses an unknown document or horizon", async () => {
    const seed = expectDefined((await getJson<Body<'DocumentsResponse'>>('/api/documents')).body.documents[0]);
    const all = await getJson<Body<'TasksResponse'>>(`/api/documents/${seed.id}/tasks`);
    expect(all.status).toBe(200);
    expect(all.body.tasks.length).toBeGreaterThan(40);
    expect(new Set(all.body.tasks.map((t: { horizon: string }) => t.horizon))).toEqual(new Set(['review', 'multi-year', 'year']));
    const year = await getJson<Body<'TasksResponse'>>(`/api/documents/${seed.id}/tasks?horizon=year`);
    expect(year.body.tasks.map((t: { number: number; title: string }) => [t.number, t.title])).toEqual(
      SEED_GOLD.tasks2017.map((t: { number: number; title: string }) => [t.number, t.title]),
    );
    expect(year.body.tasks[0]).toMatchObject({
      id: expect.any(String),
      documentId: seed.id,
      horizon: 'year',
      category: '经济建设方面',
      parentId: null,
      charStart: expectDefined(SEED_GOLD.tasks2017[0]).char_start,
    });
    expect(year.body.tasks).toEqual(all.body.tasks.filter((t: { horizon: string }) => t.horizon === 'year'));
    expectError(await getJson('/api/documents/no-such-document/tasks'), 404, 'not_found');
    expectError(await getJson(`/api/documents/${seed.id}/tasks?horizon=soon`), 400, 'invalid_request', /horizon/);
  });

  it('lists entities by type and pinyin, and rejects an unknown type', async () => {
    const { body } = await getJson<Body<'EntitiesResponse'>>('/api/entities?type=place&match=caoejiang');
    expect(body.entities.map((e: { name: string }) => e.name)).toContain('曹娥江');
    expect(body.entities.every((e: { type: string }) => e.type === 'place')).toBe(true);
    expectError(await getJson<Body<'EntitiesResponse'>>('/api/entities?type=river'), 400, 'invalid_request', /type/);
    // English names link as in ask: the river by its pinyin and generic word, an indicator by its English name.
    expect((await getJson<Body<'EntitiesResponse'>>('/api/entities?match=Caoejiang%20River')).body.entities[0]?.name).toBe('曹娥江');
    expect((await getJson<Body<'EntitiesResponse'>>('/api/entities?type=indicator&match=GDP')).body.entities[0]?.name).toBe('地区生产总值');
  });

  it('returns one entity with its mentions located in its source paragraphs', async () => {
    const river = await entityId('caoejiang', '曹娥江');
    const { status, body } = await getJson<Body<'EntityDetails'>>(`/api/entities/${river}`);
    expect(status).toBe(200);
    expect(body.entity).toMatchObject({ id: river, name: '曹娥江', type: 'place', kind: 'river' });
    expect(body.mentions.length).toBeGreaterThanOrEqual(4);
    const paragraphs = new Map(body.paragraphs.map((p) => [p.id, p]));
    for (const mention of body.mentions) {
      const paragraph = expectDefined(paragraphs.get(mention.paragraphId), `paragraph ${mention.paragraphId}`);
      const at = expectDefined(mention.charStart) - paragraph.charStart;
      expect(paragraph.text.slice(at, at + mention.surface.length)).toBe(mention.surface);
    }
    expect(body.tasks.length).toBeGreaterThanOrEqual(2);
    expectError(await getJson('/api/entities/no-such-entity'), 404, 'not_found', /no-such-entity/);
    const document = expectDefined((await getJson<Body<'DocumentsResponse'>>('/api/documents')).body.documents[0]).id;
    expectError(await getJson(`/api/entities/${document}`), 404, 'not_found'); // a document is not an entity
  });

  it('returns a neighbourhood, filtered by type, and caps a large one saying so', async () => {
    const river = await entityId('caoejiang', '曹娥江');
    const { body } = await getJson<Body<'NeighborhoodResponse'>>(`/api/graph/neighborhood?id=${river}`);
    expect(body).toMatchObject({ depth: 1, limit: 150, capped: false });
    expect(body.nodes[0]?.id).toBe(river);
    expect(body.edges.some((e: { type: string }) => e.type === 'MENTIONS')).toBe(true);
    const tasksOnly = (await getJson<Body<'NeighborhoodResponse'>>(`/api/graph/neighborhood?id=${river}&types=Task`)).body;
    expect(tasksOnly.nodes.slice(1).every((n: { label: string }) => n.label === 'Task')).toBe(true);
    expect(tasksOnly.nodes.length).toBeGreaterThan(1);
    expect((await getJson<Body<'NeighborhoodResponse'>>(`/api/graph/neighborhood?id=${river}&depth=0`)).body.nodes).toHaveLength(1);
    // The document's depth-3 neighbourhood has hundreds of nodes (sections, tasks, paragraphs).
    const document = expectDefined((await getJson<Body<'DocumentsResponse'>>('/api/documents')).body.documents[0]).id;
    const large = (await getJson<Body<'NeighborhoodResponse'>>(`/api/graph/neighborhood?id=${document}&depth=3&limit=500`)).body;
    expect(large.nodes.length).toBe(500);
    expect(large.capped).toBe(true);
    const capped = (await getJson<Body<'NeighborhoodResponse'>>(`/api/graph/neighborhood?id=${document}&depth=3&limit=40`)).body;
    expect(capped).toMatchObject({ capped: true, limit: 40 });
    expect(capped.nodes).toHaveLength(40);
    const ids = new Set(capped.nodes.map((n: { id: string }) => n.id));
    for (const edge of capped.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    expectError(
      await getJson<Body<'NeighborhoodResponse'>>(`/api/graph/neighborhood?id=${document}&limit=501`),
      400,
      'invalid_request',
      /limit/,
    );
    expectError(
      await getJson<Body<'NeighborhoodResponse'>>(`/api/graph/neighborhood?id=${river}&types=River`),
      400,
      'invalid_request',
      /types/,
    );
    expectError(await getJson('/api/graph/neighborhood?id=no-such-node'), 404, 'not_found', /no-such-node/);
  });

  it('finds a path between two entities, with readable errors for bad input', async () => {
    const river = await entityId('caoejiang', '曹娥江');
    const town = await entityId('zhangzhen', '章镇镇');
    const { status, body } = await getJson<Body<'Subgraph'>>(`/api/graph/path?from=${river}&to=${town}&maxHops=4`);
    expect(status).toBe(200);
    const ids = body.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining([river, town]));
    expect(body.nodes.length).toBeGreaterThanOrEqual(3);
    for (const edge of body.edges) expect(ids).toEqual(expect.arrayContaining([edge.source, edge.target]));
    const tooShort = await getJson<Body<'Subgraph'>>(`/api/graph/path?from=${river}&to=${town}&maxHops=1`);
    expect(tooShort.body).toEqual({ nodes: [], edges: [] });
    expectError(await getJson(`/api/graph/path?from=${river}`), 400, 'invalid_request', /to/);
    expectError(await getJson(`/api/graph/path?from=${river}&to=${town}&maxHops=99`), 400, 'invalid_request');
    expectError(await getJson(`/api/graph/path?from=${river}&to=no-such-node`), 404, 'not_found', /no-such-node/);
  });

  it('gives an indicator timeline in period order, targets and actuals apart', async () => {
    const gdp = await entityId('地区生产总值', '地区生产总值');
    const { status, body } = await getJson<Body<'TimelineResponse'>>(`/api/indicators/${gdp}/timeline`);
    expect(status).toBe(200);
    expect(body.indicator).toEqual({ id: gdp, name: '地区生产总值' });
    const kinds = new Set(body.observations.map((o: { kind: string }) => o.kind));
    expect(kinds.has('actual')).toBe(true);
    expect([...kinds].some((k) => String(k).includes('target'))).toBe(true);
    expect(body.observations.every((o) => o.indicatorId === gdp && o.documentTitle)).toBe(true);
    const firstYears = body.periods.map((p: string) => Number(p.slice(0, 4)));
    expect(firstYears).toEqual([...firstYears].sort((a, b) => a - b));
    expectError(await getJson('/api/indicators/no-such-indicator/timeline'), 404, 'not_found');
    expectError(await getJson(`/api/indicators/${await entityId('caoejiang', '曹娥江')}/timeline`), 404, 'not_found');
  });

  it('uploads a document behind the token, lists it, and deletes it with its file', async () => {
    expectError(await upload('report.txt', SMALL_REPORT, null), 401, 'unauthorized');
    expectError(await upload('report.txt', SMALL_REPORT, 'wrong-token-xyz'), 401, 'unauthorized');
    // The client's name is never a path: traversal and odd characters are cleaned away.
    const created = await upload('../../../tmp/evil name?.txt', SMALL_REPORT);
    expect(created.status).toBe(201);
    expect(created.body.document).toMatchObject({ status: 'ingested', title: expect.stringContaining('2019') });
    expect(created.body.document.paragraphs).toBeGreaterThan(2);
    const listed = expectDefined(
      (await getJson<Body<'DocumentsResponse'>>('/api/documents')).body.documents.find((d) => d.id === created.body.document.id),
    );
    const stored = resolve(listed.sourcePath);
    expect(stored.startsWith(join(services.config.dataDir, 'uploads'))).toBe(true);
    expect(stored).toMatch(/-evil_name_\.txt$/);
    expect(existsSync(stored)).toBe(true);
    expect((await upload('again.txt', SMALL_REPORT)).body.document.status).toBe('unchanged');

    const unauthorised = await getJson(`/api/documents/${listed.id}`, { method: 'DELETE' });
    expectError(unauthorised, 401, 'unauthorized');
    const deleted = await getJson(`/api/documents/${listed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(deleted).toMatchObject({ status: 200, body: { deleted: listed.id } });
    expect(existsSync(stored)).toBe(false);
    expect((await getJson<Body<'DocumentsResponse'>>('/api/documents')).body.documents.map((d: { id: string }) => d.id)).not.toContain(
      listed.id,
    );
    expectError(
      await getJson(`/api/documents/${listed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } }),
      404,
      'not_found',
    );
  });

  it('refuses unsupported, unreadable, empty and oversized uploads', async () => {
    expectError(await upload('notes.exe', 'MZ'), 415, 'unsupported_format', /txt/);
    expectError(await upload('broken.pdf', 'this is not a pdf'), 422, 'ingest_failed', /broken\.pdf/);
    expectError(await upload('empty.txt', ''), 400, 'empty_upload');
    expectError(await upload('big.txt', new Uint8Array(UPLOAD_BYTES + 1).fill(65)), 413, 'payload_too_large');
    expectError(
      await getJson('/api/documents', {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' },
      }),
      400,
      'invalid_request',
      /name/,
    );
    expect((await getJson<Body<'HealthResponse'>>('/api/health')).body.store.documents).toBe(1); // nothing half-written
  });

  it("checks a draft's claims and tracks targets (the consistency router, mounted under /api)", async () => {
    const draft = '2017年全区地区生产总值增长6%。';
    const { status, body } = await getJson<CheckReport>('/api/check', {
      method: 'POST',
      body: JSON.stringify({ text: draft }),
      headers: { 'content-type': 'application/json' },
    });
    expect(status).toBe(200);
    expect(Object.keys(body.summary).sort()).toEqual(['conflict', 'consistent', 'novel', 'weaker_than_commitment']);
    expect(body.claims.length).toBeGreaterThan(0);
    for (const claim of body.claims) {
      expect(draft.slice(claim.charStart, claim.charEnd).length).toBeGreaterThan(0);
      expect(Array.isArray(claim.evidence)).toBe(true);
    }
    expectError(
      await getJson('/api/check', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }),
      400,
      'invalid_request',
      /text/,
    );
    const track = await getJson<TrackReport>('/api/track');
    expect(track.status).toBe(200);
    expect(Array.isArray(track.body.pairs)).toBe(true);
    expectError(await getJson('/api/track?period=soon'), 400, 'invalid_request', /period/);
  });

  it('limits JSON bodies and reports malformed ones', async () => {
    const post = (body: string) => getJson('/api/check', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expectError(await post(JSON.stringify({ text: 'x'.repeat(JSON_BYTES + 10) })), 413, 'payload_too_large');
    expectError(await post('{"text": '), 400, 'invalid_json');
  });

  it("exports the whole graph (or one document's) as JSON, GraphML, GEXF and neo4j-admin CSV", async () => {
    const health = (await getJson<Body<'HealthResponse'>>('/api/health')).body;
    const json = (await getJson<Body<'Subgraph'>>('/api/export?format=json')).body;
    // Every node, including the preamble paragraphs that sit outside any section.
    expect(json.nodes.length).toBe(health.store.nodes);
    const exported = new Set(json.nodes.map((n: { id: string }) => n.id));
    for (const entity of (await getJson<Body<'EntitiesResponse'>>('/api/entities?limit=1000')).body.entities)
      expect(exported.has(entity.id)).toBe(true);
    expect(json.edges.length).toBeGreaterThan(json.nodes.length);
    const text = async (format: string) => {
      const response = await fetch(`${base}/api/export?format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(`policy-graph.${format}`);
      return { type: response.headers.get('content-type') ?? '', body: await response.text() };
    };
    const graphml = await text('graphml');
    expect(graphml.type).toMatch(/graphml/);
    expect(graphml.body.match(/<node /g)).toHaveLength(json.nodes.length);
    expect(graphml.body).toContain('曹娥江');
    const gexf = await text('gexf');
    expect(gexf.body.match(/<edge /g)).toHaveLength(json.edges.length);
    const csv = await fetch(`${base}/api/export?format=csv`);
    expect(csv.headers.get('content-type')).toBe('application/zip');
    expect(csv.headers.get('content-disposition')).toContain('policy-graph.csv.zip');
    const files = unzipSync(new Uint8Array(await csv.arrayBuffer()));
    expect(strFromU8(expectDefined(files['nodes.csv'])).trimEnd().split('\r\n')[0]).toMatch(/^id:ID,:LABEL,name,/);
    expect(strFromU8(expectDefined(files['relationships.csv'])).split('\r\n')[0]).toMatch(/^:START_ID,:END_ID,:TYPE/);
    const documentId = expectDefined((await getJson<Body<'DocumentsResponse'>>('/api/documents')).body.documents[0]).id;
    const one = (await getJson<Body<'Subgraph'>>(`/api/export?format=json&document=${documentId}`)).body;
    expect(one.nodes.filter((n: { label: string }) => n.label === 'Document').map((n: { id: string }) => n.id)).toEqual([documentId]);
    expectError(await getJson('/api/export?format=json&document=no-such-document'), 404, 'not_found', /no-such-document/);
    expectError(await getJson('/api/export?format=xlsx'), 400, 'invalid_request', /format/);
  });

  it('rate-limits a client with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await fetch(`${limited}/api/documents`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = expectDefined(last);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as Body<'ErrorResponse'>).error.code).toBe('rate_limited');
  });

  it('reads the write token, the bind address and the rate limit from the configuration (loopback by default)', () => {
    expect(loadConfig({}, {})).toMatchObject({ host: '127.0.0.1', apiToken: undefined, rateLimitPerMinute: 600 });
    expect(loadConfig({ host: '0.0.0.0' }, { POLICY_GRAPH_TOKEN: 'abc', POLICY_GRAPH_RATE_LIMIT: '5000' })).toMatchObject({
      host: '0.0.0.0',
      apiToken: 'abc',
      rateLimitPerMinute: 5000,
    });
    expect(() => loadConfig({}, { POLICY_GRAPH_RATE_LIMIT: 'lots' })).toThrow(/rateLimitPerMinute/);
  });

  it('sends security headers and no framework banner', async () => {
    for (const path of ['/', '/api/health']) {
      const response = await fetch(`${base}${path}`);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('serves the web UI and its bundle', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('PolicyGraph');
    expect(page).toContain('id="question"');
    const bundle = await fetch(`${base}/main.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers unknown API routes with 404 JSON', async () => {
    expectError(await getJson('/api/no-such-route'), 404, 'not_found', /no-such-route/);
  });
});
