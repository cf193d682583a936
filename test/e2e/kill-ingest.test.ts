// Killing an ingest mid-run leaves every document whole or absent, on both backends: the killed store holds
// only complete documents, and deleting those documents leaves nothing behind (no half-written orphans).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { openNeo4jStore } from '../../graph/neo4j/neo4j-store.ts';
import type { GraphStore } from '../../graph/store.ts';
import { buildDocumentGraph } from '../../src/ingest/pipeline.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { NEO4J_SKIPPED, neo4jConnection, wipeNeo4j } from '../contract/graph-store.neo4j-env.ts';
import { cliJson, ROOT, tempDataDir } from './cli-helpers.ts';

const SAMPLE = new URL('../../../shared/corpus/sample', import.meta.url).pathname;
const FILES = readdirSync(SAMPLE).sort().map((f) => join(SAMPLE, f));

async function expectedShape(): Promise<Map<string, { paragraphs: number; tasks: number }>> {
  const shapes = new Map<string, { paragraphs: number; tasks: number }>();
  for (const file of FILES) {
    const graph = buildDocumentGraph(await readDocument(file), { read: 0, structure: 0, extract: 0, embed: 0, write: 0 });
    shapes.set(graph.document.id, { paragraphs: graph.paragraphs.length, tasks: graph.tasks.length });
  }
  return shapes;
}

/** Starts `ingest` on the sample and SIGKILLs it as soon as the first document is committed. */
async function killMidIngest(args: string[], env: NodeJS.ProcessEnv, openStore: () => Promise<GraphStore>): Promise<void> {
  const { NEO4J_URI: _unused, ...inherited } = process.env;
  const child = spawn('node', [join(ROOT, 'bin/policy-graph.js'), 'ingest', SAMPLE, ...args], { cwd: ROOT, env: { ...inherited, ...env }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 240_000;
  try {
    while (Date.now() < deadline && child.exitCode === null) {
      const store = await openStore().catch(() => null);
      const count = store ? (await store.listDocuments()).length : 0;
      await store?.close();
      if (count >= 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

async function expectWholeDocumentsOnly(store: GraphStore): Promise<number> {
  const shapes = await expectedShape();
  const documents = await store.listDocuments();
  expect(documents.length).toBeGreaterThanOrEqual(1);
  expect(documents.length).toBeLessThan(FILES.length);
  for (const doc of documents) expect({ paragraphs: doc.paragraphs, tasks: doc.tasks }).toEqual(shapes.get(doc.id));
  for (const doc of documents) await store.deleteDocument(doc.id);
  const counts = await store.counts();
  expect(counts).toMatchObject({ documents: 0, nodes: 0, relationships: 0 });
  return documents.length;
}

describe('killing an ingest midway', () => {
  it('embedded: leaves whole documents only, and the next command recovers the vector index', async () => {
    const data = tempDataDir();
    await killMidIngest(['--data', data], {}, async () => openEmbeddedStore(data));
    const answer = await cliJson(['ask', '数字经济', '--data', data]);
    expect(answer.passages.length).toBeGreaterThan(0);
    const store = openEmbeddedStore(data);
    try {
      await expectWholeDocumentsOnly(store);
    } finally {
      await store.close();
    }
  });

  describe.skipIf(NEO4J_SKIPPED)('neo4j', () => {
    afterAll(wipeNeo4j);
    it('leaves whole documents only', async () => {
      await wipeNeo4j();
      await killMidIngest(['--graph', 'neo4j'], {}, () => openNeo4jStore(neo4jConnection));
      const store = await openNeo4jStore(neo4jConnection);
      try {
        await expectWholeDocumentsOnly(store);
      } finally {
        await store.close();
      }
    });
  });
});
