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

  it('serves the status page', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('PolicyGraph');
  });
});
