// The read-side use cases of src/app/explore.ts over the embedded store and the contract fixtures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import type { GraphStore } from '../../graph/store.ts';
import { documentTasks, entityDetails, findEntities, indicatorTimeline, neighbourhood, path } from '../../src/app/explore.ts';
import type { AppError } from '../../src/domain/errors.ts';
import { DOCUMENT_A, DOCUMENT_B, fixtureVectors, GDP_INDICATOR, MINGHU_PROJECT, QINGSHAN_TOWN } from '../contract/fixtures.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-explore-'));
let store: GraphStore;

beforeAll(async () => {
  store = openEmbeddedStore(dir);
  for (const graph of [DOCUMENT_A, DOCUMENT_B]) await store.writeDocument(graph, fixtureVectors(graph));
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const notFound = expect.objectContaining({ code: 'not_found' }) as AppError;

describe('explore use cases', () => {
  it('lists an entity with the paragraphs that mention it, where and as what', async () => {
    const details = await entityDetails(store, QINGSHAN_TOWN.id);
    expect(details.entity).toMatchObject({ id: QINGSHAN_TOWN.id, type: 'place', name: '青山镇' });
    expect(details.mentions.length).toBeGreaterThan(0);
    for (const mention of details.mentions) {
      expect(details.paragraphs.map((p) => p.id)).toContain(mention.paragraphId);
      expect(typeof mention.charStart).toBe('number');
    }
    expect(details.tasks.map((t) => t.id)).toContain(expectDefined(DOCUMENT_A.tasks[0]).id);
    expect(details.capped).toBe(false);
    await expect(entityDetails(store, DOCUMENT_A.document.id)).rejects.toEqual(notFound);
  });

  it('keeps only the labels asked for, the start node always', async () => {
    const places = await neighbourhood(store, { id: MINGHU_PROJECT.id, depth: 1, limit: 50, labels: ['Place'] });
    expect(new Set(places.nodes.map((n) => n.label))).toEqual(new Set(['Project', 'Place']));
    expect(places.capped).toBe(false);
    const capped = await neighbourhood(store, { id: QINGSHAN_TOWN.id, depth: 1, limit: 1 });
    expect(capped).toMatchObject({ capped: true, nodes: [{ id: QINGSHAN_TOWN.id }] });
    await expect(neighbourhood(store, { id: 'no-such-node', depth: 1, limit: 5 })).rejects.toEqual(notFound);
  });

  it('finds a path between connected nodes, and tells a missing end from an unconnected pair', async () => {
    const found = await path(store, { from: MINGHU_PROJECT.id, to: QINGSHAN_TOWN.id, maxHops: 4 });
    expect(found.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([MINGHU_PROJECT.id, QINGSHAN_TOWN.id]));
    expect(found.edges.length).toBe(found.nodes.length - 1);
    expect(await path(store, { from: MINGHU_PROJECT.id, to: QINGSHAN_TOWN.id, maxHops: 0 })).toEqual({ nodes: [], edges: [] });
    await expect(path(store, { from: MINGHU_PROJECT.id, to: 'no-such-node', maxHops: 4 })).rejects.toEqual(notFound);
  });

  it('finds entities by a Chinese name, and by type', async () => {
    expect((await findEntities(store, { match: '青山' })).map((e) => e.id)).toContain(QINGSHAN_TOWN.id);
    expect((await findEntities(store, { type: 'project', match: '青山' })).map((e) => e.id)).not.toContain(QINGSHAN_TOWN.id);
  });

  it('orders an indicator timeline by period, then text position', async () => {
    const timeline = await indicatorTimeline(store, GDP_INDICATOR.id);
    expect(timeline.indicator).toEqual({ id: GDP_INDICATOR.id, name: '地区生产总值' });
    expect(timeline.periods).toEqual(['2016', '2017']);
    expect(timeline.observations.map((o) => o.period)).toEqual(['2016', '2016', '2017']);
    expect(expectDefined(timeline.observations[0]).charStart).toBeLessThan(expectDefined(timeline.observations[1]).charStart);
    expect(expectDefined(timeline.observations[0]).documentTitle).toBe(DOCUMENT_A.document.label);
    await expect(indicatorTimeline(store, QINGSHAN_TOWN.id)).rejects.toEqual(notFound);
  });

  it("lists a document's tasks, and refuses an unknown document", async () => {
    expect((await documentTasks(store, { documentId: DOCUMENT_A.document.id })).map((t) => t.id)).toEqual(
      DOCUMENT_A.tasks.map((t) => t.id),
    );
    await expect(documentTasks(store, { documentId: 'no-such-document' })).rejects.toEqual(notFound);
  });
});
