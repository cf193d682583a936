// One behavioural suite for every GraphStore (embedded SQLite, Neo4j). `reset` empties the backing storage
// (a new folder, a wiped database); `open` opens a store on whatever `reset` left, so reopening sees the same
// data. Every test starts from reset() + open(); numbers below follow the data model of DESIGN.md.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stableId } from '../../src/domain/ids.ts';
import type { DocumentGraph, Entity, Task } from '../../src/domain/schemas.ts';
import type { EntitySummary, GraphStore, StoreCounts, Subgraph } from '../../graph/store.ts';
import {
  BINJIANG_PARK,
  DOCUMENT_A,
  DOCUMENT_B,
  GDP_INDICATOR,
  MINGHU_PROJECT,
  QINGSHAN_TOWN,
  SANGAI_INITIATIVE,
  documentFailingMidWrite,
  fixtureVectors,
} from './fixtures.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

export type OpenGraphStore = () => Promise<GraphStore>;
export type ResetGraphStorage = () => Promise<void>;

const A = DOCUMENT_A;
const B = DOCUMENT_B;

/** Document A: 1 document, 3 sections, 2 tasks, 3 paragraphs, 4 entities, 3 observations. */
const NODES_A = 16;
/** HAS_SECTION 3, HAS_TASK 2, HAS_PARAGRAPH 3, MENTIONS 8, STATES 3, OF 3, LOCATED_IN 1, TOUCHES 4. */
const RELATIONSHIPS_A = 27;

function named(entities: EntitySummary[], entity: Entity): EntitySummary {
  const found = entities.find((e) => e.id === entity.id);
  if (!found) throw new Error(`entity ${entity.name} is missing; got ${entities.map((e) => e.name).join(', ')}`);
  return found;
}

function expectClosed(graph: Subgraph): void {
  const ids = new Set(graph.nodes.map((n) => n.id));
  expect(ids.size).toBe(graph.nodes.length);
  for (const edge of graph.edges) {
    expect(ids.has(edge.source), `edge ${edge.id} starts outside the subgraph`).toBe(true);
    expect(ids.has(edge.target), `edge ${edge.id} ends outside the subgraph`).toBe(true);
  }
}

async function collectVectors(store: GraphStore) {
  const out = new Map<string, { documentId: string; vector: number[] }>();
  for await (const item of store.chunkVectors()) out.set(item.id, { documentId: item.documentId, vector: Array.from(item.vector) });
  return out;
}

/**
 * Document A with what real reports have and the fixture lacks: a review task in the review part and a clause
 * (一是…) enumerated inside task 1, pointing to it as its parent.
 */
function documentWithReviewAndNestedTask(graph: DocumentGraph): DocumentGraph {
  const task1 = expectDefined(graph.tasks[0]);
  const reviewParagraph = expectDefined(graph.paragraphs[0]);
  const reviewPart = expectDefined(graph.sections.find((s) => s.path === reviewParagraph.sectionPath));
  const clauseStart = graph.document.text.indexOf('加快明湖治理工程建设', task1.charStart);
  const review: Task = {
    ...task1,
    id: stableId('task', graph.document.id, reviewParagraph.charStart),
    sectionPath: reviewPart.path,
    number: 1,
    title: '2016年全县实现地区生产总值500亿元',
    category: reviewPart.title,
    horizon: 'review',
    charStart: reviewParagraph.charStart,
    charEnd: reviewParagraph.charEnd,
  };
  const clause: Task = {
    ...task1,
    id: stableId('task', graph.document.id, clauseStart),
    parentId: task1.id,
    number: 1,
    title: '加快明湖治理工程建设',
    charStart: clauseStart,
    charEnd: task1.charEnd,
  };
  return {
    ...graph,
    sections: graph.sections.map((s) => (s.path === reviewPart.path ? { ...s, horizon: 'review' } : s)),
    tasks: [...graph.tasks, review, clause],
    paragraphs: graph.paragraphs.map((p) => (p.id === reviewParagraph.id ? { ...p, taskId: review.id } : p)),
  };
}

export function graphStoreContract(name: string, open: OpenGraphStore, reset: ResetGraphStorage): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    let isOpen = false;

    async function openStore(): Promise<GraphStore> {
      store = await open();
      isOpen = true;
      return store;
    }

    async function closeStore(): Promise<void> {
      isOpen = false;
      await store.close();
    }

    beforeEach(async () => {
      await reset();
      await openStore();
    });

    afterEach(async () => {
      // A failed open has already said why; closing nothing would only add noise.
      if (isOpen) await closeStore();
    });

    async function writeBoth(): Promise<void> {
      expect(await store.writeDocument(A, fixtureVectors(A))).toBe(true);
      expect(await store.writeDocument(B, fixtureVectors(B))).toBe(true);
    }

    async function reopenEmpty(): Promise<GraphStore> {
      await closeStore();
      await reset();
      return openStore();
    }

    it('writes a document and reports it, with the nodes and relationships of the data model', async () => {
      const before = await store.generation();
      expect(await store.writeDocument(A, fixtureVectors(A))).toBe(true);
      expect(await store.hasDocument(A.document.id)).toBe(true);
      expect(await store.hasDocument(B.document.id)).toBe(false);
      expect(await store.listDocuments()).toEqual([
        {
          id: A.document.id,
          title: '示范县2017年政府工作报告',
          label: '示范县 2017年政府工作报告',
          place: '示范县',
          placeCode: null,
          level: 'county',
          year: 2017,
          planYear: 2017,
          date: '2017-01-10',
          speaker: null,
          sourcePath: 'fixtures/a.txt',
          paragraphs: 3,
          tasks: 2,
        },
      ]);
      expect(await store.counts()).toEqual({ documents: 1, nodes: NODES_A, relationships: RELATIONSHIPS_A });
      expect(await store.generation()).toBeGreaterThan(before);
    });

    it('refuses to store the same document twice and changes nothing when asked again', async () => {
      await writeBoth();
      const counts = await store.counts();
      const entities = await store.entities({});
      const generation = await store.generation();
      expect(await store.writeDocument(A, fixtureVectors(A))).toBe(false);
      expect(await store.writeDocument(B, [])).toBe(false);
      expect(await store.counts()).toEqual(counts);
      expect(await store.entities({})).toEqual(entities);
      expect(await store.generation()).toBe(generation);
    });

    it('keeps what it wrote across close and reopen', async () => {
      await store.writeDocument(A, fixtureVectors(A));
      await closeStore();
      await openStore();
      expect(await store.hasDocument(A.document.id)).toBe(true);
      expect(await store.counts()).toEqual({ documents: 1, nodes: NODES_A, relationships: RELATIONSHIPS_A });
    });

    it('lists entities with aliases, mention and document counts computed across documents', async () => {
      await writeBoth();
      const entities = await store.entities({});
      expect(entities.map((e) => e.name).sort()).toEqual(['三改一拆', '地区生产总值', '明湖治理工程', '滨江公园', '青山镇'].sort());
      expect(entities.slice(0, 2).map((e) => e.name)).toEqual(['青山镇', '滨江公园']);
      expect(named(entities, QINGSHAN_TOWN)).toEqual({
        id: QINGSHAN_TOWN.id,
        type: 'place',
        name: '青山镇',
        kind: 'town',
        aliases: ['青山'],
        pinyin: 'qingshanzhen',
        mentions: 5,
        documents: 2,
      });
      expect(named(entities, BINJIANG_PARK)).toMatchObject({ type: 'project', aliases: ['滨江中央公园'], mentions: 3, documents: 1 });
      expect(named(entities, SANGAI_INITIATIVE)).toMatchObject({
        type: 'initiative',
        kind: 'campaign',
        aliases: [],
        mentions: 2,
        documents: 1,
      });
      expect(named(entities, GDP_INDICATOR)).toMatchObject({ type: 'indicator', mentions: 2, documents: 1 });
      expect(named(entities, MINGHU_PROJECT)).toMatchObject({ mentions: 2, documents: 1 });

      expect((await store.entities({ type: 'project' })).map((e) => e.name).sort()).toEqual(['明湖治理工程', '滨江公园'].sort());
      expect(await store.entities({ limit: 2 })).toHaveLength(2);
    });

    it('matches entities by Chinese name, alias or pinyin, ignoring case and spaces', async () => {
      await writeBoth();
      const names = async (match: string, type?: Entity['type']) => (await store.entities({ match, type })).map((e) => e.name).sort();
      expect(await names('青山')).toEqual(['青山镇']);
      expect(await names('中央公园')).toEqual(['滨江公园']);
      expect(await names('Qing Shan')).toEqual(['青山镇']);
      expect(await names('BINJIANG')).toEqual(['滨江公园']);
      expect(await names('治理工程')).toEqual(['明湖治理工程']);
      expect(await names('青山', 'project')).toEqual([]);
      expect(await names('火星')).toEqual([]);
    });

    it('returns observations by indicator and by document, values in their stated unit', async () => {
      await writeBoth();
      const expected = [...A.observations].sort((a, b) => a.charStart - b.charStart);
      expect(await store.observations({ indicator: '生产总值' })).toEqual(expected);
      expect(await store.observations({ indicator: GDP_INDICATOR.id })).toEqual(expected);
      expect(await store.observations({ indicatorId: GDP_INDICATOR.id })).toEqual(expected);
      expect(await store.observations({ indicatorId: GDP_INDICATOR.id, documentId: B.document.id })).toEqual([]);
      expect(await store.observations({ indicatorId: GDP_INDICATOR.id, documentIds: [A.document.id, B.document.id] })).toEqual(expected);
      expect(await store.observations({ indicatorId: GDP_INDICATOR.id, documentIds: [B.document.id] })).toEqual([]);
      expect(await store.observations({ indicator: '生产总值', documentIds: [] })).toEqual([]);
      expect(await store.observations({ indicatorId: '生产总值' })).toEqual([]);
      expect(await store.observations({ documentId: A.document.id })).toEqual(expected);
      expect(await store.observations({ documentId: B.document.id })).toEqual([]);
      expect(await store.observations({ indicator: '财政收入' })).toEqual([]);
      const target = expectDefined(expected.find((o) => o.kind === 'growth_target'));
      expect(target).toMatchObject({ value: 7, unit: '%', period: '2017', comparator: '左右' });
    });

    it('returns paragraphs, tasks and chunks by id in the order asked, and keeps chunk vectors', async () => {
      await store.writeDocument(A, fixtureVectors(A));
      await store.writeDocument(B, []);
      const [p1, p2, p3] = A.paragraphs;
      expect(await store.paragraphs([expectDefined(p3).id, 'missing', expectDefined(p1).id])).toEqual([p3, p1]);
      expect(await store.paragraphs([])).toEqual([]);
      expect(await store.paragraphs([expectDefined(B.paragraphs[1]).id, expectDefined(p2).id])).toEqual([B.paragraphs[1], p2]);
      expect(await store.tasks([expectDefined(B.tasks[0]).id, 'missing', expectDefined(A.tasks[1]).id])).toEqual([B.tasks[0], A.tasks[1]]);
      expect(await store.tasks([])).toEqual([]);
      const chunkIds = [expectDefined(B.chunks[0]).id, expectDefined(A.chunks[2]).id];
      expect(await store.chunks(chunkIds)).toEqual([B.chunks[0], A.chunks[2]]);

      const vectors = await collectVectors(store);
      const expected = new Map(
        A.chunks.map((c, i) => [c.id, { documentId: A.document.id, vector: Array.from(expectDefined(fixtureVectors(A)[i])) }]),
      );
      expect(vectors).toEqual(expected);
    });

    it('reads one document back whole for the reader: text, sections, tasks, paragraphs and named mentions', async () => {
      await store.writeDocument(A, []);
      await store.writeDocument(B, []);
      const read = await store.readDocument(A.document.id);
      const byStart = <T extends { charStart: number }>(items: T[]) => [...items].sort((x, y) => x.charStart - y.charStart);
      expect(read?.document).toEqual(A.document);
      expect(read?.sections.map((s) => s.id).sort()).toEqual(A.sections.map((s) => s.id).sort());
      expect(read?.tasks).toEqual(byStart(A.tasks));
      expect(read?.paragraphs).toEqual(byStart(A.paragraphs));
      expect(read?.mentions.length).toBe(A.mentions.length);
      const mention = expectDefined(read?.mentions[0]);
      expect(A.document.text.slice(mention.charStart, mention.charEnd)).toBe(mention.surface);
      expect(mention.entityName).toBe(A.entities.find((e) => e.id === mention.entityId)?.name);
      expect(await store.readDocument('missing')).toBeNull();
    });

    it('records the embedding model and replaces chunk vectors in one step that bumps the generation', async () => {
      expect(await store.embeddingModel()).toBeNull();
      await store.writeDocument(A, fixtureVectors(A));
      await store.setEmbeddingModel('model-a');
      expect(await store.embeddingModel()).toBe('model-a');
      const before = await store.generation();
      const replaced = A.chunks.map((c, i) => ({ id: c.id, vector: expectDefined(fixtureVectors(A)[(i + 1) % A.chunks.length]) }));
      await store.replaceChunkVectors('model-b', replaced);
      expect(await store.embeddingModel()).toBe('model-b');
      expect(await store.generation()).toBeGreaterThan(before);
      const vectors = await collectVectors(store);
      for (const r of replaced) expect(vectors.get(r.id)?.vector).toEqual(Array.from(r.vector));
    });

    it('finds the tasks whose paragraphs mention given entities', async () => {
      await writeBoth();
      const byTask = (hits: Awaited<ReturnType<GraphStore['tasksTouching']>>) =>
        Object.fromEntries(
          hits.map((h) => [
            h.task.id,
            { task: h.task, paragraphs: h.paragraphs.map((p) => p.id).sort(), entityIds: [...h.entityIds].sort() },
          ]),
        );

      expect(byTask(await store.tasksTouching([QINGSHAN_TOWN.id]))).toEqual({
        [expectDefined(A.tasks[0]).id]: {
          task: A.tasks[0],
          paragraphs: [expectDefined(A.paragraphs[1]).id],
          entityIds: [QINGSHAN_TOWN.id],
        },
        [expectDefined(B.tasks[0]).id]: {
          task: B.tasks[0],
          paragraphs: [expectDefined(B.paragraphs[1]).id],
          entityIds: [QINGSHAN_TOWN.id],
        },
      });
      expect(byTask(await store.tasksTouching([GDP_INDICATOR.id, MINGHU_PROJECT.id]))).toEqual({
        [expectDefined(A.tasks[0]).id]: {
          task: A.tasks[0],
          paragraphs: [expectDefined(A.paragraphs[1]).id],
          entityIds: [MINGHU_PROJECT.id],
        },
        [expectDefined(A.tasks[1]).id]: {
          task: A.tasks[1],
          paragraphs: [expectDefined(A.paragraphs[2]).id],
          entityIds: [GDP_INDICATOR.id],
        },
      });
      expect(await store.tasksTouching([])).toEqual([]);
      expect(await store.tasksTouching(['no-such-entity'])).toEqual([]);
      // Within named reports only.
      expect(Object.keys(byTask(await store.tasksTouching([QINGSHAN_TOWN.id], { documentIds: [B.document.id] })))).toEqual([
        expectDefined(B.tasks[0]).id,
      ]);
      expect(await store.tasksTouching([QINGSHAN_TOWN.id], { documentIds: [] })).toEqual([]);
      // Limited: the newest report's first (B is 2018, A 2017), with their paragraphs.
      expect(byTask(await store.tasksTouching([QINGSHAN_TOWN.id], { limit: 1 }))).toEqual({
        [expectDefined(B.tasks[0]).id]: {
          task: B.tasks[0],
          paragraphs: [expectDefined(B.paragraphs[1]).id],
          entityIds: [QINGSHAN_TOWN.id],
        },
      });
      expect(Object.keys(byTask(await store.tasksTouching([QINGSHAN_TOWN.id], { limit: 1, documentIds: [A.document.id] })))).toEqual([
        expectDefined(A.tasks[0]).id,
      ]);
    });

    it("lists a document's tasks (or all) in text order, by horizon, with their parents", async () => {
      const withHorizons = documentWithReviewAndNestedTask(A);
      expect(await store.writeDocument(withHorizons, fixtureVectors(withHorizons))).toBe(true);
      expect(await store.writeDocument(B, fixtureVectors(B))).toBe(true);
      const [review, task1, clause, task2] = [...withHorizons.tasks].sort((x, y) => x.charStart - y.charStart);

      expect(await store.documentTasks({ documentId: A.document.id })).toEqual([review, task1, clause, task2]);
      expect(await store.documentTasks({ documentId: A.document.id, horizon: 'review' })).toEqual([review]);
      expect((await store.documentTasks({ documentId: A.document.id, horizon: 'year' })).map((t) => [t.id, t.parentId])).toEqual([
        [expectDefined(task1).id, null],
        [expectDefined(clause).id, expectDefined(task1).id],
        [expectDefined(task2).id, null],
      ]);
      const everyYearTask = [...[task1, clause, task2].map((t) => expectDefined(t)), expectDefined(B.tasks[0])].sort(
        (x, y) => x.documentId.localeCompare(y.documentId) || x.charStart - y.charStart,
      );
      expect(await store.documentTasks({ horizon: 'year' })).toEqual(everyYearTask);
      expect(await store.documentTasks({})).toHaveLength(5);
      expect(await store.documentTasks({ documentId: 'no-such-document' })).toEqual([]);
      expect(await store.documentTasks({ horizon: 'multi-year' })).toEqual([]);

      expect(await store.deleteDocument(A.document.id)).toBe(true);
      expect(await store.documentTasks({})).toEqual(B.tasks);
    });

    it('searches paragraph text lexically, best first', async () => {
      await writeBoth();
      const hits = await store.searchText('明湖治理', 10);
      expect(hits.length).toBeGreaterThanOrEqual(2);
      expect(hits.every((h) => h.paragraph.documentId === A.document.id)).toBe(true);
      expect(hits.map((h) => h.paragraph.id).sort()).toEqual([expectDefined(A.paragraphs[0]).id, expectDefined(A.paragraphs[1]).id].sort());
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const top = expectDefined(hits[0]);
      expect(top.paragraph).toEqual(A.paragraphs.find((p) => p.id === top.paragraph.id));

      const digital = await store.searchText('哪些任务涉及数字经济?', 5);
      expect(digital[0]?.paragraph.id).toBe(expectDefined(A.paragraphs[2]).id);
      expect(await store.searchText('滨江公园', 1)).toHaveLength(1);
      // Within documents: only their paragraphs, ranked the same way.
      expect(await store.searchText('明湖治理', 10, { documentIds: ['no-such-document'] })).toEqual([]);
      const within = await store.searchText('明湖治理', 10, { documentIds: [top.paragraph.documentId] });
      expect(within.map((h) => h.paragraph.id)).toContain(top.paragraph.id);
      expect(await store.searchText('火星殖民', 5)).toEqual([]);
      expect(await store.searchText('', 5)).toEqual([]);
    });

    it('reads any node by id, with its label, name and properties', async () => {
      await writeBoth();
      expect(await store.node(QINGSHAN_TOWN.id)).toMatchObject({
        id: QINGSHAN_TOWN.id,
        label: 'Place',
        name: '青山镇',
        properties: { type: 'place' },
      });
      expect(await store.node(GDP_INDICATOR.id)).toMatchObject({ id: GDP_INDICATOR.id, label: 'Indicator' });
      expect(await store.node(A.document.id)).toMatchObject({ id: A.document.id, label: 'Document', name: A.document.label });
      expect(await store.node(expectDefined(A.paragraphs[0]).id)).toMatchObject({
        label: 'Paragraph',
        properties: { documentId: A.document.id },
      });
      expect(await store.node(expectDefined(A.tasks[0]).id)).toMatchObject({ label: 'Task', properties: { documentId: A.document.id } });
      expect(await store.node(expectDefined(A.observations[0]).id)).toMatchObject({ label: 'Observation' });
      expect(await store.node('no-such-node')).toBeNull();
    });

    it('walks the neighbourhood of an entity and of a document', async () => {
      await writeBoth();
      const around = await store.neighbourhood(QINGSHAN_TOWN.id);
      expectClosed(around);
      const start = around.nodes.find((n) => n.id === QINGSHAN_TOWN.id);
      expect(start).toMatchObject({ label: 'Place', name: '青山镇' });
      const ids = new Set(around.nodes.map((n) => n.id));
      for (const id of [
        expectDefined(A.paragraphs[0]).id,
        expectDefined(A.paragraphs[1]).id,
        expectDefined(B.paragraphs[0]).id,
        expectDefined(B.paragraphs[1]).id,
        expectDefined(A.tasks[0]).id,
        expectDefined(B.tasks[0]).id,
        MINGHU_PROJECT.id,
        BINJIANG_PARK.id,
      ]) {
        expect(ids.has(id), `neighbourhood lacks ${id}`).toBe(true);
      }
      expect(ids.has(expectDefined(A.paragraphs[2]).id)).toBe(false);
      expect(new Set(around.edges.map((e) => e.type))).toEqual(new Set(['MENTIONS', 'TOUCHES', 'LOCATED_IN']));
      const mention = around.edges.find(
        (e) => e.type === 'MENTIONS' && e.source === expectDefined(B.paragraphs[0]).id && e.properties.surface === '青山',
      );
      expect(mention?.properties).toMatchObject({
        charStart: expectDefined(B.mentions[2]).charStart,
        charEnd: expectDefined(B.mentions[2]).charEnd,
      });
      expect(around.nodes.find((n) => n.id === MINGHU_PROJECT.id)?.label).toBe('Project');

      const document = await store.neighbourhood(A.document.id, { depth: 2 });
      expectClosed(document);
      const labels = new Map(document.nodes.map((n) => [n.id, n.label]));
      expect(labels.get(A.document.id)).toBe('Document');
      for (const section of A.sections) expect(labels.get(section.id)).toBe('Section');
      expect(labels.get(expectDefined(A.paragraphs[0]).id)).toBe('Paragraph');
      expect(document.edges.some((e) => e.type === 'HAS_SECTION' && e.source === A.document.id)).toBe(true);

      // Inside one report: that report's mentions and tasks only, the other report's left out.
      const inA = await store.neighbourhood(QINGSHAN_TOWN.id, { documentIds: [A.document.id] });
      expectClosed(inA);
      const inAIds = new Set(inA.nodes.map((n) => n.id));
      expect(inAIds.has(expectDefined(A.paragraphs[0]).id)).toBe(true);
      expect(inAIds.has(expectDefined(A.tasks[0]).id)).toBe(true);
      expect(inAIds.has(expectDefined(B.paragraphs[0]).id)).toBe(false);
      expect(inAIds.has(expectDefined(B.tasks[0]).id)).toBe(false);

      const capped = await store.neighbourhood(QINGSHAN_TOWN.id, { limit: 3 });
      expectClosed(capped);
      expect(capped.nodes.length).toBeLessThanOrEqual(3);
      expect(await store.neighbourhood('no-such-node')).toEqual({ nodes: [], edges: [] });
    });

    it('finds the shortest paths between two entities', async () => {
      await writeBoth();
      const path = await store.paths(MINGHU_PROJECT.id, BINJIANG_PARK.id);
      expectClosed(path);
      expect(path.nodes.map((n) => n.id).sort()).toEqual([MINGHU_PROJECT.id, QINGSHAN_TOWN.id, BINJIANG_PARK.id].sort());
      expect(path.edges.map((e) => [e.type, e.source, e.target]).sort()).toEqual(
        [
          ['LOCATED_IN', BINJIANG_PARK.id, QINGSHAN_TOWN.id],
          ['LOCATED_IN', MINGHU_PROJECT.id, QINGSHAN_TOWN.id],
        ].sort(),
      );
      expect(await store.paths(MINGHU_PROJECT.id, BINJIANG_PARK.id, 1)).toEqual({ nodes: [], edges: [] });
      const self = await store.paths(MINGHU_PROJECT.id, MINGHU_PROJECT.id);
      expect(self.nodes.map((n) => n.id)).toEqual([MINGHU_PROJECT.id]);
      expect(await store.paths(MINGHU_PROJECT.id, 'no-such-node')).toEqual({ nodes: [], edges: [] });
    });

    it('lists what lies within a place through LOCATED_IN, nearest first', async () => {
      await writeBoth();
      expect(await store.within(QINGSHAN_TOWN.id)).toEqual(
        [
          { id: BINJIANG_PARK.id, depth: 1 },
          { id: MINGHU_PROJECT.id, depth: 1 },
        ].sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect(await store.within(MINGHU_PROJECT.id)).toEqual([]);
    });

    it('deletes a document and everything only it supported; a shared entity survives', async () => {
      await writeBoth();
      const generation = await store.generation();
      expect(await store.deleteDocument(A.document.id)).toBe(true);
      expect(await store.deleteDocument(A.document.id)).toBe(false);
      expect(await store.generation()).toBeGreaterThan(generation);
      expect(await store.hasDocument(A.document.id)).toBe(false);
      expect(await store.hasDocument(B.document.id)).toBe(true);

      const entities = await store.entities({});
      expect(entities.map((e) => e.name).sort()).toEqual(['滨江公园', '青山镇'].sort());
      expect(named(entities, QINGSHAN_TOWN)).toMatchObject({ aliases: ['青山'], mentions: 3, documents: 1 });
      expect(await store.observations({})).toEqual([]);
      expect(await store.paragraphs(A.paragraphs.map((p) => p.id))).toEqual([]);
      expect(await store.chunks(A.chunks.map((c) => c.id))).toEqual([]);
      expect(await collectVectors(store)).toEqual(
        new Map(B.chunks.map((c, i) => [c.id, { documentId: B.document.id, vector: Array.from(expectDefined(fixtureVectors(B)[i])) }])),
      );
      expect(await store.searchText('明湖治理', 10)).toEqual([]);
      expect((await store.tasksTouching([QINGSHAN_TOWN.id])).map((h) => h.task.id)).toEqual([expectDefined(B.tasks[0]).id]);
      expect(await store.neighbourhood(A.document.id)).toEqual({ nodes: [], edges: [] });
      expect(await store.neighbourhood(MINGHU_PROJECT.id)).toEqual({ nodes: [], edges: [] });

      // What is left is exactly what writing B alone gives.
      const counts = await store.counts();
      const remaining = await store.entities({});
      const fresh = await reopenEmpty();
      expect(await fresh.writeDocument(B, fixtureVectors(B))).toBe(true);
      expect(await fresh.counts()).toEqual(counts);
      expect(await fresh.entities({})).toEqual(remaining);
    });

    it('is empty again once every document is deleted', async () => {
      await writeBoth();
      expect(await store.deleteDocument(B.document.id)).toBe(true);
      expect(await store.deleteDocument(A.document.id)).toBe(true);
      expect(await store.counts()).toEqual({ documents: 0, nodes: 0, relationships: 0 });
      expect(await store.entities({})).toEqual([]);
      expect(await store.listDocuments()).toEqual([]);
      expect(await collectVectors(store)).toEqual(new Map());
      expect(await store.deleteDocument('no-such-document')).toBe(false);
    });

    it('rejects a document that fails validation without writing anything', async () => {
      const invalid = {
        ...A,
        paragraphs: [{ ...expectDefined(A.paragraphs[0]), charStart: -1 }, ...A.paragraphs.slice(1)],
      } as DocumentGraph;
      await expect(store.writeDocument(invalid, [])).rejects.toThrow();
      const missingField = { ...A, document: { ...A.document, title: undefined } } as unknown as DocumentGraph;
      await expect(store.writeDocument(missingField, [])).rejects.toThrow();
      await expect(store.writeDocument(A, fixtureVectors(A).slice(1))).rejects.toThrow(/vector/);
      expect(await store.hasDocument(A.document.id)).toBe(false);
      expect(await store.counts()).toEqual({ documents: 0, nodes: 0, relationships: 0 });
    });

    it('leaves nothing behind when a write fails midway', async () => {
      await store.writeDocument(B, fixtureVectors(B));
      const counts: StoreCounts = await store.counts();
      const entities = await store.entities({});
      const generation = await store.generation();
      const failing = documentFailingMidWrite();
      await expect(store.writeDocument(failing, [])).rejects.toThrow();
      expect(await store.hasDocument(failing.document.id)).toBe(false);
      expect(await store.counts()).toEqual(counts);
      expect(await store.entities({})).toEqual(entities);
      expect(await store.entities({ match: '青山街区' })).toEqual([]);
      expect(await store.observations({})).toEqual([]);
      expect(await store.paragraphs(failing.paragraphs.map((p) => p.id))).toEqual([]);
      expect(await store.generation()).toBe(generation);
      // The failed attempt does not block a correct write afterwards.
      expect(await store.writeDocument(A, fixtureVectors(A))).toBe(true);
    });
  });
}
