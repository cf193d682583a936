// Answers a question: understand it, run the retrievers concurrently behind the Retriever port, fuse their
// passage rankings, and cite the source paragraphs with the spans that matched and the subgraph walked.
import type { Subgraph } from '../../graph/store.ts';
import type { Observation } from '../domain/schemas.ts';
import type { Services } from '../services.ts';
import { DEFAULT_FUSION, fuse, fusionWeights, type FusedPassage, type FusionMethod } from './fuse.ts';
import { matchedSpans, type MatchedSpan } from './highlight.ts';
import { askedYears, indicatorObservations } from './observations.ts';
import { graphRetriever } from './retrievers/graph.ts';
import { lexicalRetriever } from './retrievers/lexical.ts';
import { miniSearchRetriever } from './retrievers/minisearch.ts';
import type { Retrieval, Retriever, RetrieverName } from './retrievers/types.ts';
import { vectorRetriever } from './retrievers/vector.ts';
import { questionWords } from './tokenize.ts';
import { understand } from './understand.ts';

export type { RetrieverName } from './retrievers/types.ts';
export type { FusionMethod } from './fuse.ts';

export interface Passage extends FusedPassage {
  /** Where the passage names a linked entity, a translated term or a word of the question (offsets into text). */
  spans: MatchedSpan[];
}

export interface Answer {
  question: string;
  language: 'zh' | 'en';
  intent: string;
  semanticSearch: 'on' | 'off';
  entities: Array<{ id: string; name: string; type: string }>;
  /** Chinese terms an English question was searched with (glossary and CC-CEDICT). */
  translatedTerms: string[];
  tasks: Array<{ documentId: string; number: number; title: string; category: string | null; horizon: 'review' | 'plan' }>;
  passages: Passage[];
  observations: Observation[];
  notes: string[];
  /** One plain sentence: what was found, or plainly that nothing was (and where the entity does appear). */
  summary: string;
  /** The nodes and edges the graph traversal used (entities, tasks, paragraphs, paths), for drawing. */
  subgraph: Subgraph;
  fusion: FusionMethod;
  /** Milliseconds per stage: understand, each retriever that ran (and its steps, `graph.lookups` …), fuse, highlight, tasksAndObservations. */
  timings: Record<string, number>;
  ms: number;
}

export const DEFAULT_RETRIEVERS: RetrieverName[] = ['graph', 'vector', 'lexical'];

function retrieverFor(name: RetrieverName, services: Services): Retriever {
  switch (name) {
    case 'graph': return graphRetriever(services.store);
    case 'vector': return vectorRetriever(services.store, services.embedder, services.index);
    case 'lexical': return lexicalRetriever(services.store);
    case 'minisearch': return miniSearchRetriever(services.store);
  }
}

/** Passages that sit in planned tasks, best first: the tasks a topic question is about when no entity was linked. */
const TASKS_FROM_TOP_PASSAGES = 5;
async function tasksOfPassages(passages: FusedPassage[], services: Services): Promise<Answer['tasks']> {
  const ids = [...new Set(passages.slice(0, TASKS_FROM_TOP_PASSAGES).flatMap((p) => (p.taskId ? [p.taskId] : [])))];
  const found = await services.store.tasks(ids);
  const planned = found.filter((t) => t.horizon === 'plan');
  return (planned.length ? planned : found).map((t) => ({ documentId: t.documentId, number: t.number, title: t.title, category: t.category, horizon: t.horizon }));
}

/** Reports of the years a question names or of the year after (which reports their results); empty when none fits. */
async function documentsOfAskedYears(question: string, services: Services): Promise<Set<string>> {
  const years = askedYears(question);
  if (!years.length) return new Set();
  const documents = await services.store.listDocuments();
  return new Set(documents.filter((d) => d.year !== null && years.some((y) => d.year === y || d.year === y + 1)).map((d) => d.id));
}

const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;

function summarize(answer: Pick<Answer, 'tasks' | 'passages' | 'entities'>, graphNotes: string[]): string {
  if (!answer.passages.length) return 'Nothing in the stored reports matches this question.';
  // With linked entities and no planned task touching them, say so first (the graph's note names where they do appear).
  if (answer.entities.length && graphNotes.length) return graphNotes[0]!;
  const tasks = answer.tasks.length ? `${answer.tasks.length} task(s): ${answer.tasks.map((t) => t.number).join(', ')}; ` : '';
  return `Found ${tasks}${answer.passages.length} cited passage(s).`;
}

export async function ask(question: string, services: Services, options: { k?: number; retrievers?: RetrieverName[]; fusion?: FusionMethod } = {}): Promise<Answer> {
  const started = performance.now();
  const k = options.k ?? 10;
  const fusion = options.fusion ?? DEFAULT_FUSION;
  const names = (options.retrievers ?? DEFAULT_RETRIEVERS).filter((n) => n !== 'vector' || !services.vectorMismatch);
  const understanding = await understand(question, services.store);
  const timings: Record<string, number> = { understand: elapsed(started) };

  const runs = await Promise.all(names.map(async (name) => {
    const since = performance.now();
    const retrieval: Retrieval = await retrieverFor(name, services).retrieve(understanding, { k });
    timings[name] = elapsed(since);
    for (const [step, ms] of Object.entries(retrieval.timings ?? {})) timings[`${name}.${step}`] = ms;
    return { name, retrieval };
  }));
  const fuseStarted = performance.now();
  const weights = fusionWeights(understanding.entities.length > 0);
  const periodDocuments = await documentsOfAskedYears(question, services);
  const fused = fuse(runs.map(({ name, retrieval }) => ({ retriever: name, weight: weights[name], passages: retrieval.passages })), fusion, k, { periodDocuments });
  timings.fuse = elapsed(fuseStarted);

  const highlightTerms = [...understanding.entities.flatMap((e) => [e.name, ...e.aliases]), ...understanding.terms, ...questionWords(question)];
  const highlightStarted = performance.now();
  const passages: Passage[] = fused.map((p) => ({ ...p, spans: matchedSpans(p.text, highlightTerms) }));
  timings.highlight = elapsed(highlightStarted);
  const restStarted = performance.now();
  const graph = runs.find((r) => r.name === 'graph')?.retrieval;
  // When the question named entities, the graph's answer stands, even when no task touches them.
  const tasks = graph && understanding.entities.length
    ? (graph.tasks ?? []).map(({ id: _id, ...t }) => t)
    : await tasksOfPassages(fused, services);
  const observations = graph?.observations ?? (await indicatorObservations(services.store, question, understanding.entities));

  const graphNotes = graph?.notes ?? [];
  const notes = [...graphNotes];
  if (services.vectorMismatch) notes.push(`vector search is off: ${services.vectorMismatch}`);
  if (services.embedder.mode !== 'semantic') notes.push('semantic search is off: no embedding model is installed (run `npm run model:fetch`); vector results come from a lexical fallback');
  const entities = understanding.entities.map((e) => ({ id: e.id, name: e.name, type: e.type }));
  timings.tasksAndObservations = elapsed(restStarted);

  return {
    question,
    language: understanding.language,
    intent: understanding.intent,
    semanticSearch: services.embedder.mode === 'semantic' ? 'on' : 'off',
    entities,
    translatedTerms: understanding.terms,
    tasks,
    passages,
    observations,
    notes,
    summary: summarize({ tasks, passages, entities }, graphNotes),
    subgraph: graph?.subgraph ?? { nodes: [], edges: [] },
    fusion,
    timings,
    ms: Math.round(performance.now() - started),
  };
}
