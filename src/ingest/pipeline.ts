// Ingest: read → structure → extract → resolve → embed → write, all-or-nothing per document.
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { AppError } from '../domain/errors.ts';
import { contentHash } from '../domain/ids.ts';
import type { DocumentGraph, Entity, EntityType } from '../domain/schemas.ts';
import type { Embedder } from '../../embeddings/embedder.ts';
import type { VectorIndex } from '../../embeddings/index.ts';
import type { GraphStore } from '../../graph/store.ts';
import { chunkParagraphs } from './chunk.ts';
import { documentMeta } from './document-meta.ts';
import { extractEntities } from './extract/entities.ts';
import { extractObservations } from './extract/indicators.ts';
import { placeObservations } from './observation-place.ts';
import { documentFormatOf, readDocument, type ReadResult } from './read.ts';
import { vectorModelMismatch } from './reindex.ts';
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
  status: 'ingested' | 'unchanged';
}

export interface IngestReport {
  documents: IngestedDocument[];
  errors: Array<{ path: string; error: string }>;
  entities: Record<EntityType, number>;
  observations: number;
  relations: number;
  ms: number;
  timings: StageTimings;
}

/** A file read and turned into its document graph: the CPU-heavy, side-effect-free part of ingest. */
export interface PreparedDocument {
  graph: DocumentGraph;
  timings: Pick<StageTimings, 'read' | 'structure' | 'extract'>;
}

export type PrepareDocument = (file: string, sourcePath: string) => Promise<PreparedDocument>;

export interface IngestServices {
  store: GraphStore;
  embedder: Embedder;
  index: VectorIndex | null;
  /** Where files are read and structured (the server does it in a worker thread); here, by default. */
  prepareDocument?: PrepareDocument;
  /** Where a document is written to the store (the server: a worker thread's own connection); here, by default. */
  writeDocument?: WriteDocument;
}

export type WriteDocument = (graph: DocumentGraph, vectors: Float32Array[]) => Promise<boolean>;

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
  return { graph, timings: { read: timings.read, structure: timings.structure, extract: timings.extract } };
}

/** Files named directly are always tried (and fail clearly if unsupported); directories contribute supported files. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (documentFormatOf(entry.name)) files.push(path);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new Error(`${input}: no such file or directory`);
    if (info.isDirectory()) await walk(input);
    else files.push(input);
  }
  return files;
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
  const fileName = read.sourcePath.split(/[\\/]/).pop() ?? read.sourcePath;
  const meta = documentMeta(read.normalized, read.frontMatter.title, read.sourcePath);
  const structure = parseStructure({
    documentId: id, text: read.text, normalized: read.normalized, boldLines: read.boldLines, boldLeads: read.boldLeads, planYear: meta.planYear ?? meta.year,
  });
  timings.structure += performance.now() - t;

  t = performance.now();
  const context = buildExtractionContext(structure, read.normalized, { documentId: id, year: meta.year, place: meta.place, placeCode: meta.placeCode });
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
      paragraphs: structure.paragraphs, entities: found.entities, mentions: found.mentions, jurisdiction: { place: meta.place, placeCode: meta.placeCode },
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
  return graph.sections.length + graph.tasks.length + graph.paragraphs.length + graph.mentions.length
    + 2 * graph.observations.length + graph.relations.length + touches.size;
}

export async function ingestPaths(
  inputs: string[],
  services: IngestServices,
  onProgress: (done: number, total: number, path: string) => void = () => {},
): Promise<IngestReport> {
  const started = performance.now();
  const timings: StageTimings = { read: 0, structure: 0, extract: 0, embed: 0, write: 0 };
  const report: IngestReport = {
    documents: [], errors: [],
    entities: { place: 0, project: 0, initiative: 0, organization: 0, indicator: 0 },
    observations: 0, relations: 0, ms: 0, timings,
  };
  const entityIds: Record<EntityType, Set<string>> = {
    place: new Set(), project: new Set(), initiative: new Set(), organization: new Set(), indicator: new Set(),
  };
  const files = await expandInputs(inputs);
  const mismatch = await vectorModelMismatch(services.store, services.embedder);
  if (mismatch) throw new AppError('vector_mismatch', `cannot ingest: ${mismatch}`);
  let modelRecorded = (await services.store.embeddingModel()) !== null;
  let wrote = false;
  for (const [i, file] of files.entries()) {
    onProgress(i, files.length, file);
    const sourcePath = relative(process.cwd(), file) || file;
    try {
      // Documents are cited by the path the user gave, relative to where they ran the command.
      const prepared = await (services.prepareDocument ?? prepareDocument)(file, sourcePath);
      const graph = prepared.graph;
      for (const stage of ['read', 'structure', 'extract'] as const) timings[stage] += prepared.timings[stage];
      const summary = { id: graph.document.id, title: graph.document.label, sourcePath, paragraphs: graph.paragraphs.length, tasks: graph.tasks.length };
      if (await services.store.hasDocument(graph.document.id)) {
        report.documents.push({ ...summary, status: 'unchanged' });
        continue;
      }
      let t = performance.now();
      const vectors = await embedInSlices(services.embedder, graph.chunks.map((c) => c.text));
      timings.embed += performance.now() - t;
      t = performance.now();
      const written = await (services.writeDocument ?? ((g, v) => services.store.writeDocument(g, v)))(graph, vectors);
      if (written && !modelRecorded) {
        await services.store.setEmbeddingModel(services.embedder.modelId);
        modelRecorded = true;
      }
      if (written && services.index) {
        await services.index.add(graph.chunks.map((c, k) => ({ id: c.id, documentId: c.documentId, vector: vectors[k]! })));
        wrote = true;
      }
      timings.write += performance.now() - t;
      report.documents.push({ ...summary, status: written ? 'ingested' : 'unchanged' });
      if (!written) continue;
      for (const e of graph.entities) entityIds[e.type].add(e.id);
      report.observations += graph.observations.length;
      report.relations += countRelationships(graph);
    } catch (error) {
      report.errors.push({ path: sourcePath, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
    }
  }
  onProgress(files.length, files.length, '');
  if (wrote && services.index) {
    const t = performance.now();
    // The documents are committed; an index that cannot be saved (a full disk) is rebuilt from the store on the
    // next open, so the report still goes out, with the failure among its errors.
    await persistIndex(services).catch((error: unknown) => {
      report.errors.push({ path: 'vector index', error: `not saved: ${error instanceof Error ? error.message.split('\n')[0]! : String(error)}` });
    });
    timings.write += performance.now() - t;
  }
  for (const type of Object.keys(entityIds) as EntityType[]) report.entities[type] = entityIds[type].size;
  report.ms = Math.round(performance.now() - started);
  for (const key of Object.keys(timings) as Array<keyof StageTimings>) timings[key] = Math.round(timings[key]);
  return report;
}

export async function persistIndex(services: IngestServices): Promise<void> {
  await services.index?.persist(await services.store.generation());
}
