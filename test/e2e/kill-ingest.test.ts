// Crash safety: SIGKILL an ingest at random points, 10 trials per backend, each aimed at a random moment of its own
// tenth of the ingest (stratified, so a few trials cover the whole ingest as many uniform ones would). Each trial ingests eight new documents
// into the same store (so earlier trials' documents must survive later kills); afterwards the store opens and
// every document is wholly present or wholly absent in the graph, the chunks, the vectors (stored and in the
// vector index, which the next open rebuilds when a kill left it stale) and the full-text index. At the end,
// deleting every document leaves nothing behind.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { openNeo4jStore } from '../../graph/neo4j/neo4j-store.ts';
import { openNeo4jVectorIndex } from '../../graph/neo4j/vector-index.ts';
import type { GraphStore } from '../../graph/store.ts';
import { loadConfig } from '../../src/config.ts';
import { contentHash } from '../../src/domain/ids.ts';
import { buildDocumentGraph } from '../../src/ingest/pipeline.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { openServices } from '../../src/services.ts';
import { NEO4J_SKIPPED, neo4jConnection, wipeNeo4j } from '../contract/graph-store.neo4j-env.ts';
import { ROOT, tempDataDir } from './cli-helpers.ts';
import { sharedPath } from '../helpers/shared.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const TRIALS = Number(process.env.D_TRIALS ?? 10);
const CHILD = join(ROOT, 'test/e2e/crash-ingest-child.ts');
const SAMPLE = sharedPath('corpus', 'sample');
/** Eight short documents (a title and about 400 characters of whole paragraphs each, cut from the sample reports):
 * many small commits per ingest, so that random kills fall between and inside writes, not only in extraction. */
const BASES = readdirSync(SAMPLE)
  .sort()
  .slice(0, 4)
  .flatMap((name) => {
    const paragraphs = readFileSync(join(SAMPLE, name), 'utf8')
      .split(/\n\s*\n/)
      .filter((p) => p.trim().length > 80);
    return [0.3, 0.6].map((at) => {
      const first = Math.floor(paragraphs.length * at);
      let body = '';
      for (let i = first; i < paragraphs.length && body.length < 400; i++) body += `${paragraphs[i]}\n\n`;
      return `# ${name.replace('.md', '')}年政府工作报告摘录\n\n${body}`;
    });
  });

interface Shape {
  paragraphs: number;
  chunks: number;
  sections: number;
  tasks: number;
  observations: number;
}

/** What one document looks like in a store: the same counts, each from its own table, label or index. */
interface StoredShape extends Shape {
  present: boolean;
  /** Paragraphs in the full-text index. */
  indexedParagraphs: number;
  /** Chunks that carry a vector. */
  vectors: number;
}

interface Backend {
  name: 'embedded' | 'neo4j';
  data: string;
  openStore(): Promise<GraphStore>;
  storedShape(store: GraphStore, documentId: string): Promise<StoredShape>;
  /** Vectors the vector index serves after the store is opened the way every command opens it. */
  indexedVectors(): Promise<number>;
}

interface Trial {
  killedAfterMs: number | null;
  exitedBeforeKill: boolean;
  documents: Array<{ id: string; marker: string; shape: Shape }>;
}

/** A letters-only marker per document: digits could read as figures and change what is extracted. */
const letters = (n: number) => [...String(n)].map((d) => 'abcdefghij'[Number(d)]).join('');
const markerOf = (trial: number, index: number) => `crash${letters(trial)}x${letters(index)}`;

/** Trials differ only in the marker paragraph, so the shapes of trial 0 (measured by the pipeline) hold for all. */
const shapes: Shape[] = [];

async function writeTrialDocuments(dir: string, trial: number): Promise<Trial['documents']> {
  mkdirSync(dir, { recursive: true });
  const documents: Trial['documents'] = [];
  for (const [index, base] of BASES.entries()) {
    const marker = markerOf(trial, index);
    const file = join(dir, `trial-${trial}-${index}.md`);
    writeFileSync(file, `${base}\n\n附：试验编号 ${marker}。\n`);
    const read = await readDocument(file);
    if (shapes[index] === undefined) {
      const graph = buildDocumentGraph(read, { read: 0, structure: 0, extract: 0, embed: 0, write: 0 });
      shapes[index] = {
        paragraphs: graph.paragraphs.length,
        chunks: graph.chunks.length,
        sections: graph.sections.length,
        tasks: graph.tasks.length,
        observations: graph.observations.length,
      };
    }
    documents.push({ id: contentHash(read.text), marker, shape: shapes[index] });
  }
  return documents;
}

/** Runs the ingest child; kills it `killAfterMs` after it reported its stores open (null: let it finish). */
async function runChild(
  backend: Backend,
  files: string[],
  killAfterMs: number | null,
): Promise<{ ingestMs: number; exitedBeforeKill: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', CHILD, backend.name, backend.data, ...files], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('ready\n')) resolve(performance.now());
    });
  });
  const readyAt = await Promise.race([ready, exited.then(() => -1)]);
  if (readyAt < 0) throw new Error(`ingest child failed before it was ready: ${stderr}`);
  let exitedBeforeKill = true;
  if (killAfterMs !== null) {
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, killAfterMs))]);
    exitedBeforeKill = child.exitCode !== null;
    child.kill('SIGKILL');
  }
  const code = await exited;
  if (killAfterMs === null && code !== 0) throw new Error(`ingest child exited with ${code}: ${stderr}`);
  return { ingestMs: performance.now() - readyAt, exitedBeforeKill };
}

/**
 * Checks the documents of the given trials: whole or absent everywhere, and the vector index holds exactly the
 * vectors of the present documents of all trials. Returns the ids of the present documents.
 */
async function expectWholeOrAbsent(backend: Backend, trials: Trial[], checked: Trial[]): Promise<string[]> {
  const store = await backend.openStore();
  const present: string[] = [];
  let presentVectors = 0;
  try {
    const listed = new Set((await store.listDocuments()).map((d) => d.id));
    for (const document of trials.flatMap((t) => t.documents)) {
      if (!checked.flatMap((t) => t.documents).includes(document)) {
        if (listed.has(document.id)) presentVectors += document.shape.chunks;
        continue;
      }
      const stored = await backend.storedShape(store, document.id);
      const expected = stored.present
        ? { ...document.shape, present: true, indexedParagraphs: document.shape.paragraphs, vectors: document.shape.chunks }
        : { present: false, paragraphs: 0, chunks: 0, sections: 0, tasks: 0, observations: 0, indexedParagraphs: 0, vectors: 0 };
      expect(stored, `${backend.name} document ${document.marker}`).toEqual(expected);
      const hits = await store.searchText(document.marker, 5);
      expect(
        hits.some((hit) => hit.paragraph.documentId === document.id),
        `full-text hit for ${document.marker}`,
      ).toBe(stored.present);
      if (stored.present) {
        present.push(document.id);
        presentVectors += stored.vectors;
      }
    }
  } finally {
    await store.close();
  }
  expect(await backend.indexedVectors()).toBe(presentVectors);
  return present;
}

async function crashTrials(backend: Backend): Promise<void> {
  const documentsDir = join(tempDataDir(), 'documents');
  const trials: Trial[] = [];
  // Trial 0 runs to the end, and so does trial -1 before it (a new store's first ingest also creates its schema):
  // it measures how long an ingest takes, so the kills can be spread over it.
  let ingestMs = 0;
  let present: string[] = [];
  for (const trial of [-1, 0]) {
    const calibration: Trial = {
      killedAfterMs: null,
      exitedBeforeKill: true,
      documents: await writeTrialDocuments(documentsDir, TRIALS + 2 + trial),
    };
    ingestMs = (
      await runChild(
        backend,
        calibration.documents.map((_, i) => join(documentsDir, `trial-${TRIALS + 2 + trial}-${i}.md`)),
        null,
      )
    ).ingestMs;
    trials.push(calibration);
    present = [...present, ...(await expectWholeOrAbsent(backend, trials, [calibration]))];
  }
  expect(present).toHaveLength(2 * BASES.length);

  for (let trial = 1; trial <= TRIALS; trial++) {
    const documents = await writeTrialDocuments(documentsDir, trial);
    const killedAfterMs = Math.round(((trial - 1 + Math.random()) / TRIALS) * ingestMs);
    const run = await runChild(
      backend,
      documents.map((_, i) => join(documentsDir, `trial-${trial}-${i}.md`)),
      killedAfterMs,
    );
    const { exitedBeforeKill } = run;
    // On a loaded machine the calibration can run slow: a trial that finished first shows a shorter ingest,
    // and the following kills spread over that one instead.
    if (exitedBeforeKill) ingestMs = Math.min(ingestMs, run.ingestMs);
    const current: Trial = { killedAfterMs, exitedBeforeKill, documents };
    trials.push(current);
    // Earlier documents must survive the kill; the ones of this trial must be whole or absent.
    const earlier = present;
    present = await expectWholeOrAbsent(backend, trials, [current]);
    const survivors = new Set((await withStore(backend, (store) => store.listDocuments())).map((d) => d.id));
    expect(earlier.filter((id) => !survivors.has(id))).toEqual([]);
    present = [...earlier, ...present];
  }
  const kept = new Set(present);
  const summary = trials
    .slice(2)
    .map((t) => `${t.killedAfterMs}ms:${t.documents.filter((d) => kept.has(d.id)).length}${t.exitedBeforeKill ? '(done)' : ''}`);
  process.stderr.write(
    `${backend.name} crash trials (${BASES.length} documents, ingest ${Math.round(ingestMs)} ms; kill delay:documents kept): ${summary.join(' ')}\n`,
  );
  // Once more over everything, now that every kill is behind us.
  expect(await expectWholeOrAbsent(backend, trials, trials)).toEqual(present);

  const store = await backend.openStore();
  try {
    const stored = await store.listDocuments();
    // Most kills must land inside the ingest, or the trials prove little.
    expect(trials.slice(2).filter((t) => !t.exitedBeforeKill).length).toBeGreaterThanOrEqual(TRIALS / 2);
    for (const document of stored) expect(await store.deleteDocument(document.id)).toBe(true);
    expect(await store.counts()).toEqual({ documents: 0, nodes: 0, relationships: 0 });
  } finally {
    await store.close();
  }
}

async function withStore<T>(backend: Backend, use: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await backend.openStore();
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const lexicalServices = (backend: Backend) =>
  openServices(loadConfig({ data: backend.data, graph: backend.name }), { embedder: new LexicalFallbackEmbedder() });

// The two backends' trials run side by side: each trial mostly waits for its child process.
describe.concurrent('killing an ingest at random points', () => {
  it(`embedded: ${TRIALS} trials leave every document whole or absent in graph, chunks, vectors and full text`, async () => {
    const backend: Backend = {
      name: 'embedded',
      data: tempDataDir(),
      openStore: async () => openEmbeddedStore(backend.data),
      async storedShape(store, documentId) {
        const db = (store as ReturnType<typeof openEmbeddedStore>).db;
        const count = (sql: string) => (db.prepare(sql).get(documentId) as { n: number }).n;
        return {
          present: count('SELECT count(*) AS n FROM documents WHERE id = ?') === 1,
          paragraphs: count('SELECT count(*) AS n FROM paragraphs WHERE document_id = ?'),
          indexedParagraphs: count('SELECT count(*) AS n FROM paragraph_fts WHERE document_id = ?'),
          chunks: count('SELECT count(*) AS n FROM chunks WHERE document_id = ?'),
          vectors: count('SELECT count(*) AS n FROM chunks WHERE document_id = ? AND vector IS NOT NULL'),
          sections: count('SELECT count(*) AS n FROM sections WHERE document_id = ?'),
          tasks: count('SELECT count(*) AS n FROM tasks WHERE document_id = ?'),
          observations: count('SELECT count(*) AS n FROM observations WHERE document_id = ?'),
        };
      },
      async indexedVectors() {
        const services = await lexicalServices(backend);
        try {
          return await services.index.size();
        } finally {
          await services.close();
        }
      },
    };
    await crashTrials(backend);
  }, 600_000);

  it.skipIf(NEO4J_SKIPPED)(
    `neo4j: ${TRIALS} trials leave every document whole or absent in graph, chunks, vectors and full text`,
    async () => {
      await wipeNeo4j();
      const driver = neo4j.driver(neo4jConnection.uri, neo4j.auth.basic(neo4jConnection.user, neo4jConnection.password));
      const backend: Backend = {
        name: 'neo4j',
        data: tempDataDir(),
        openStore: () => openNeo4jStore(neo4jConnection),
        async storedShape(_store, documentId) {
          const session = driver.session({ database: neo4jConnection.database });
          try {
            const { records } = await session.run(
              `RETURN COUNT { MATCH (d:Document {id: $documentId}) } AS documents,
                    COUNT { MATCH (n:Paragraph {documentId: $documentId}) } AS paragraphs,
                    COUNT { MATCH (n:Paragraph {documentId: $documentId}) WHERE n.tokens IS NOT NULL } AS indexedParagraphs,
                    COUNT { MATCH (n:Chunk {documentId: $documentId}) } AS chunks,
                    COUNT { MATCH (n:Chunk {documentId: $documentId}) WHERE n.embedding IS NOT NULL } AS vectors,
                    COUNT { MATCH (n:Section {documentId: $documentId}) } AS sections,
                    COUNT { MATCH (n:Task {documentId: $documentId}) } AS tasks,
                    COUNT { MATCH (n:Observation {documentId: $documentId}) } AS observations`,
              { documentId },
            );
            const get = (key: string) => Number(expectDefined(records[0]).get(key));
            return {
              present: get('documents') === 1,
              paragraphs: get('paragraphs'),
              indexedParagraphs: get('indexedParagraphs'),
              chunks: get('chunks'),
              vectors: get('vectors'),
              sections: get('sections'),
              tasks: get('tasks'),
              observations: get('observations'),
            };
          } finally {
            await session.close();
          }
        },
        async indexedVectors() {
          const index = await openNeo4jVectorIndex(neo4jConnection, new LexicalFallbackEmbedder().dimensions);
          try {
            return await index.size();
          } finally {
            await index.close();
          }
        },
      };
      try {
        await crashTrials(backend);
      } finally {
        await driver.close();
        await wipeNeo4j();
      }
    },
    600_000,
  );
});
