// Ingest: read → structure → extract → resolve → embed → write, all-or-nothing per document.
import { setImmediate } from 'node:timers/promises';
import { defined } from '../domain/defined.ts';
import { AppError, firstLine } from '../domain/errors.ts';
import { contentHash } from '../domain/ids.ts';
import type { Chunk, DocumentGraph, Entity, EntityType } from '../domain/schemas.ts';
import type { Embedder } from '../../embeddings/embedder.ts';
import type { VectorIndex } from '../../embeddings/index.ts';
import type { GraphStore } from '../../graph/store.ts';
import { chunkParagraphs } from './chunk.ts';
import { documentMeta } from './document-meta.ts';
import { numeralYearsAsDigits } from './normalize.ts';
import { extractEntities } from './extract/entities.ts';
import { extractObservations } from './extract/indicators.ts';
import { placeObservations } from './observation-place.ts';
import { readDocument, type ReadResult } from './read.ts';
import { vectorModelMismatch } from './reindex.ts';
import { storedLookup } from './resume.ts';
import { ingestSources } from './sources.ts';
import { buildExtractionContext, parseStructure } from './structure.ts';

export interface StageTimings {
  read: number;
  structure: number;
  extract: number;
  embed: number;
  write: number;
}

export interface IngestedDocument {
  id: string;
  title: string;
  sourcePath: string;
  paragraphs: number;
  tasks: number;
  /** unchanged: the same text is already stored; skipped (--resume): stored from this path, not read again. */
  status: 'ingested' | 'unchanged' | 'skipped';
}

export interface IngestReport {
  documents: IngestedDocument[];
  errors: Array<{ path: string; error: string }>;
  entities: Record<EntityType, number>;
  observations: number;
  relations: number;
  /** Documents --resume found already stored from the same path with the same text. */
  skipped: number;
  ms: number;
  elapsedSeconds: number;
  timings: StageTimings;
}

export interface IngestProgress {
  /** Inputs handled so far (ingested, unchanged, skipped or failed). */
  done: number;
  total: number;
  skipped: number;
  /** The input being handled now ('' at the end). */
  current: string;
}

export interface IngestOptions {
  /** Skip inputs stored earlier from the same source path with the same text, without structuring or embedding them. */
  resume?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  /**
   * How often a long ingest saves the vector index: after a kill, the next open adds only the vectors written
   * since the last save instead of rebuilding the index from every stored vector.
   */
  saveIndexEveryMs?: number;
}

/** What ingest needs of a document graph besides writing it: its identity, its counts and the chunks to embed. */
export interface DocumentOutline {
  id: string;
  title: string;
  paragraphs: number;
  tasks: number;
  chunks: Array<Pick<Chunk, 'id' | 'documentId' | 'text'>>;
  entities: Array<Pick<Entity, 'id' | 'type'>>;
  observations: number;
  relationships: number;
}

/**
 * A file read and turned into its document graph: the CPU-heavy, side-effect-free part of ingest. `graph` is the
 * DocumentGraph itself in-process; the server keeps it serialized between its worker threads (G = bytes), since
 * copying the graph of a 50,000-paragraph upload into the main thread and out again held the event loop for a second.
 */
export interface PreparedDocument<G = DocumentGraph> {
  outline: DocumentOutline;
  graph: G;
  timings: Pick<StageTimings, 'read' | 'structure' | 'extract'>;
}

/** Where files are read and structured, and their graphs written to the store (the server: worker threads). */
export interface DocumentWork<G> {
  prepare(file: string, sourcePath: string): Promise<PreparedDocument<G>>;
  write(graph: G, vectors: Float32Array[]): Promise<boolean>;
}

export interface IngestServices {
  store: GraphStore;
  embedder: Embedder;
  index: VectorIndex | null;
  /** Here, on this thread's store connection, by default. */
  documentWork?: DocumentWork<unknown>;
}

const EMBED_SLICE = 512;

/**
 * Embeds in slices with a turn of the event loop between them: a document of 50,000 short paragraphs would
 * otherwise hold the loop for seconds with the lexical embedder.
 */
async function embedInSlices(embedder: Embedder, texts: string[]): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += EMBED_SLICE) {
    if (i > 0) await setImmediate();
    vectors.push(...(await embedder.embedPassages(texts.slice(i, i + EMBED_SLICE))));
  }
  return vectors;
}

export async function prepareDocument(file: string, sourcePath: string): Promise<PreparedDocument> {
  const timings: StageTimings = { read: 0, structure: 0, extract: 0, embed: 0, write: 0 };
  const t = performance.now();
  const read = await readDocument(file);
  timings.read = performance.now() - t;
  const graph = buildDocumentGraph({ ...read, sourcePath }, timings);
  return { outline: outlineOf(graph), graph, timings: { read: timings.read, structure: timings.structure, extract: timings.extract } };
}

export function outlineOf(graph: DocumentGraph): DocumentOutline {
  return {
    id: graph.document.id,
    title: graph.document.label,
    paragraphs: graph.paragraphs.length,
    tasks: graph.tasks.length,
    chunks: graph.chunks.map((c) => ({ id: c.id, documentId: c.documentId, text: c.text })),
    entities: graph.entities.map((e) => ({ id: e.id, type: e.type })),
    observations: graph.observations.length,
    relationships: countRelationships(graph),
  };
}

function inProcess(store: GraphStore): DocumentWork<DocumentGraph> {
  return { prepare: prepareDocument, write: (graph, vectors) => store.writeDocument(graph, vectors) };
}

function mergeEntities(lists: Entity[][]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const entity of lists.flat()) {
    const seen = byId.get(entity.id);
    if (!seen) byId.set(entity.id, { ...entity, aliases: [...entity.aliases] });
    else seen.aliases = [...new Set([...seen.aliases, ...entity.aliases, entity.name])].filter((a) => a !== seen.name);
  }
  return [...byId.values()];
}

/** Everything derived from one read document, without side effects. */
export function buildDocumentGraph(read: ReadResult, timings: StageTimings): DocumentGraph {
  let t = performance.now();
  const id = contentHash(read.text);
  const meta = documentMeta(read.normalized, read.frontMatter.title, read.sourcePath);
  const structure = parseStructure({
    documentId: id,
    text: read.text,
    normalized: read.normalized,
    boldLines: read.boldLines,
    boldLeads: read.boldLeads,
    planYear: meta.planYear ?? meta.year,
  });
  timings.structure += performance.now() - t;

  t = performance.now();
  const context = buildExtractionContext(structure, numeralYearsAsDigits(read.normalized), {
    documentId: id,
    year: meta.year,
    planYear: meta.planYear,
    place: meta.place,
    placeCode: meta.placeCode,
  });
  const found = extractEntities(context);
  const measured = extractObservations(context);
  timings.extract += performance.now() - t;

  return {
    document: {
      id,
      title: meta.title,
      label: meta.label,
      place: meta.place,
      placeCode: meta.placeCode,
      level: meta.level,
      year: meta.year,
      planYear: meta.planYear,
      speaker: meta.speaker,
      issuer: meta.issuer,
      date: meta.date,
      sourcePath: read.sourcePath,
      source: read.frontMatter.source ?? null,
      text: read.text,
    },
    ...structure,
    entities: mergeEntities([found.entities, measured.indicators]),
    mentions: [...found.mentions, ...measured.mentions],
    observations: placeObservations(measured.observations, {
      paragraphs: structure.paragraphs,
      entities: found.entities,
      mentions: found.mentions,
      jurisdiction: { place: meta.place, placeCode: meta.placeCode },
    }),
    relations: found.relations,
    chunks: chunkParagraphs(structure.paragraphs, read.text),
  };
}

export function countRelationships(graph: DocumentGraph): number {
  const touches = new Set<string>();
  const taskOf = new Map(graph.paragraphs.map((p) => [p.id, p.taskId]));
  for (const m of graph.mentions) {
    const taskId = taskOf.get(m.paragraphId);
    if (taskId) touches.add(`${taskId}>${m.entityId}`);
  }
  return (
    graph.sections.length +
    graph.tasks.length +
    graph.paragraphs.length +
    graph.mentions.length +
    2 * graph.observations.length +
    graph.relations.length +
    touches.size
  );
}

const SAVE_INDEX_EVERY_MS = 60_000;
/** Saving 100,000 vectors takes about 5 s: saves are spaced at least this many times their own duration apart. */
const SAVE_SPACING = 20;

export async function ingestPaths(inputs: string[], services: IngestServices, options: IngestOptions = {}): Promise<IngestReport> {
  const { onProgress = () => {}, saveIndexEveryMs = SAVE_INDEX_EVERY_MS } = options;
  const started = performance.now();
  const timings: StageTimings = { read: 0, structure: 0, extract: 0, embed: 0, write: 0 };
  const report: IngestReport = {
    documents: [],
    errors: [],
    entities: { place: 0, project: 0, initiative: 0, organization: 0, indicator: 0 },
    observations: 0,
    relations: 0,
    skipped: 0,
    ms: 0,
    elapsedSeconds: 0,
    timings,
  };
  const entityIds: Record<EntityType, Set<string>> = {
    place: new Set(),
    project: new Set(),
    initiative: new Set(),
    organization: new Set(),
    indicator: new Set(),
  };
  const sources = await ingestSources(inputs);
  const mismatch = await vectorModelMismatch(services.store, services.embedder);
  if (mismatch) throw new AppError('vector_mismatch', `cannot ingest: ${mismatch}`);
  const stored = options.resume ? await storedLookup(services.store) : null;
  let modelRecorded = (await services.store.embeddingModel()) !== null;
  const work: DocumentWork<unknown> = services.documentWork ?? inProcess(services.store);
  // Written since the vector index was last saved.
  let unsaved = false;
  let savedAt = performance.now();
  let saveMs = 0;
  const saveIndex = async () => {
    if (!unsaved || !services.index) return;
    const t = performance.now();
    unsaved = false;
    // The documents are committed; an index that cannot be saved (a full disk) is rebuilt from the store on the
    // next open, so the report still goes out, with the failure among its errors.
    await persistIndex(services).catch((error: unknown) => {
      const message = `not saved: ${firstLine(error)}`;
      if (!report.errors.some((e) => e.path === 'vector index' && e.error === message))
        report.errors.push({ path: 'vector index', error: message });
    });
    savedAt = performance.now();
    saveMs = savedAt - t;
    timings.write += saveMs;
  };
  for (const [i, source] of sources.entries()) {
    // At most 1/SAVE_SPACING of the run goes to saving, however large the index grows.
    if (performance.now() - savedAt >= Math.max(saveIndexEveryMs, SAVE_SPACING * saveMs)) await saveIndex();
    onProgress({ done: i, total: sources.length, skipped: report.skipped, current: source.sourcePath });
    const { file, sourcePath } = source;
    try {
      const earlier = stored ? await stored(source) : null;
      if (earlier) {
        report.documents.push({
          id: earlier.id,
          title: earlier.label,
          sourcePath,
          paragraphs: earlier.paragraphs,
          tasks: earlier.tasks,
          status: 'skipped',
        });
        report.skipped++;
        continue;
      }
      const prepared = await work.prepare(file, sourcePath);
      const { outline } = prepared;
      for (const stage of ['read', 'structure', 'extract'] as const) timings[stage] += prepared.timings[stage];
      const summary = { id: outline.id, title: outline.title, sourcePath, paragraphs: outline.paragraphs, tasks: outline.tasks };
      if (await services.store.hasDocument(outline.id)) {
        report.documents.push({ ...summary, status: 'unchanged' });
        continue;
      }
      let t = performance.now();
      const vectors = await embedInSlices(
        services.embedder,
        outline.chunks.map((c) => c.text),
      );
      timings.embed += performance.now() - t;
      t = performance.now();
      const written = await work.write(prepared.graph, vectors);
      if (written && !modelRecorded) {
        await services.store.setEmbeddingModel(services.embedder.modelId);
        modelRecorded = true;
      }
      if (written && services.index) {
        await services.index.add(
          outline.chunks.map((c, k) => ({ id: c.id, documentId: c.documentId, vector: defined(vectors[k], 'vector of a chunk') })),
        );
        unsaved = true;
      }
      timings.write += performance.now() - t;
      report.documents.push({ ...summary, status: written ? 'ingested' : 'unchanged' });
      if (!written) continue;
      for (const e of outline.entities) entityIds[e.type].add(e.id);
      report.observations += outline.observations;
      report.relations += outline.relationships;
    } catch (error) {
      report.errors.push({ path: sourcePath, error: firstLine(error) });
    }
  }
  onProgress({ done: sources.length, total: sources.length, skipped: report.skipped, current: '' });
  await saveIndex();
  for (const type of Object.keys(entityIds) as EntityType[]) report.entities[type] = entityIds[type].size;
  report.ms = Math.round(performance.now() - started);
  report.elapsedSeconds = Math.round(report.ms / 100) / 10;
  for (const key of Object.keys(timings) as Array<keyof StageTimings>) timings[key] = Math.round(timings[key]);
  return report;
}

export async function persistIndex(services: IngestServices): Promise<void> {
  await services.index?.persist(await services.store.generation());
}
