// The HTTP API end to end: a real server on a loopback port over an ingested seed, queried with fetch.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { createApp } from '../../src/server/app.ts';
import { openServices, type Services } from '../../src/services.ts';
import { ROOT, tempDataDir } from './cli-helpers.ts';

let services: Services;
let server: Server;
let base = '';

beforeAll(async () => {
  services = await openServices(loadConfig({ data: tempDataDir(), graph: 'embedded' }, {}));
  await ingestPaths([join(ROOT, 'seeds')], services);
  server = createApp(services).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await services.close();
});

const getJson = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as any };
};

describe('HTTP API', () => {
  it('reports health with counts and whether semantic search is on', async () => {
    const { status, body } = await getJson('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, graph: 'embedded', documents: 1 });
    expect(['on', 'off']).toContain(body.semanticSearch);
  });

  it('answers a question with tasks and cited passages', async () => {
    const { status, body } = await getJson(`/api/ask?q=${encodeURIComponent('哪些任务涉及曹娥江？')}`);
    expect(status).toBe(200);
    expect(body.tasks.map((t: { number: number }) => t.number)).toEqual(expect.arrayContaining([8, 27]));
    const passage = body.passages[0];
    expect(passage).toMatchObject({ documentId: expect.any(String), charStart: expect.any(Number), charEnd: expect.any(Number) });
    expect(passage.text.length).toBeGreaterThan(0);
  });

  it('lists entities by type and pinyin, and a node neighbourhood', async () => {
    const { body } = await getJson('/api/entities?type=place&match=caoejiang');
    const river = body.entities.find((e: { name: string }) => e.name === '曹娥江');
    expect(river).toBeDefined();
    const { body: graph } = await getJson(`/api/nodes/${river.id}/neighbourhood`);
    expect(graph.nodes.map((n: { id: string }) => n.id)).toContain(river.id);
    expect(graph.edges.some((e: { type: string }) => e.type === 'MENTIONS')).toBe(true);
  });

  it('rejects bad input with 400 and a readable error', async () => {
    const missing = await getJson('/api/ask');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/q/);
    const badType = await getJson('/api/entities?type=river');
    expect(badType.status).toBe(400);
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

  it('returns one node with its properties, and 404 JSON for an unknown id', async () => {
    const { body: found } = await getJson('/api/entities?match=曹娥江');
    const river = found.entities.find((e: { name: string }) => e.name === '曹娥江');
    const { status, body } = await getJson(`/api/nodes/${river.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: river.id, label: 'Place', name: '曹娥江', properties: { kind: 'river' } });
    const missing = await getJson('/api/nodes/no-such-node');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/no-such-node/);
  });

  it('finds a path between two entities, with readable errors for bad input', async () => {
    const id = async (match: string, name: string) => (await getJson(`/api/entities?match=${encodeURIComponent(match)}`)).body.entities.find((e: { name: string }) => e.name === name).id as string;
    const river = await id('caoejiang', '曹娥江');
    const town = await id('zhangzhen', '章镇镇');
    const { status, body } = await getJson(`/api/paths?from=${river}&to=${town}&maxHops=4`);
    expect(status).toBe(200);
    const ids = body.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining([river, town]));
    expect(body.nodes.length).toBeGreaterThanOrEqual(3);
    for (const edge of body.edges) expect(ids).toEqual(expect.arrayContaining([edge.source, edge.target]));
    const tooShort = await getJson(`/api/paths?from=${river}&to=${town}&maxHops=1`);
    expect(tooShort).toEqual({ status: 200, body: { nodes: [], edges: [] } });
    const noTo = await getJson(`/api/paths?from=${river}`);
    expect(noTo.status).toBe(400);
    expect(noTo.body.error).toMatch(/to/);
    expect((await getJson(`/api/paths?from=${river}&to=${town}&maxHops=99`)).status).toBe(400);
    const unknown = await getJson(`/api/paths?from=${river}&to=no-such-node`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/no-such-node/);
  });

  it('answers unknown API routes with 404 JSON', async () => {
    const { status, body } = await getJson('/api/no-such-route');
    expect(status).toBe(404);
    expect(body.error).toMatch(/no-such-route/);
  });
});
