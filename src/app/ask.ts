// Answers a question: understand it, run the retrievers concurrently behind the Retriever port, fuse their
// passage rankings, and cite the source paragraphs with the spans that matched and the subgraph walked.
import type { Subgraph } from '../../graph/store.ts';
import { isPlanned, type Horizon, type Observation } from '../domain/schemas.ts';
import type { Services } from '../services.ts';
import { abstention } from '../search/abstain.ts';
import { directAnswer, latestReportAsked, rankFacts, type AnswerTask, type DirectAnswer } from '../search/direct-answer.ts';
import { clauseSimilarity } from '../search/fact-similarity.ts';
import { DEFAULT_FUSION, fuse, fusionWeights, type FusedPassage, type FusionMethod } from '../search/fuse.ts';
import { matchedSpans, type MatchedSpan } from '../search/highlight.ts';
import { indicatorObservations } from '../search/observations.ts';
import { placeForms, questionScope, storedDocuments, withoutScopeWords, type QuestionScope } from '../search/scope.ts';
import { graphRetriever } from '../search/retrievers/graph.ts';
import { lexicalRetriever } from '../search/retrievers/lexical.ts';
import { miniSearchRetriever } from '../search/retrievers/minisearch.ts';
import type { Retrieval, Retriever, RetrieverName, TaskRef } from '../search/retrievers/types.ts';
import { vectorRetriever } from '../search/retrievers/vector.ts';
import { questionWords } from '../text/tokenize.ts';
import { understand, type Understanding } from '../search/understand.ts';

export type { RetrieverName } from '../search/retrievers/types.ts';
export type { FusionMethod } from '../search/fuse.ts';
export type { DirectAnswer } from '../search/direct-answer.ts';

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
  tasks: Array<{ documentId: string; number: number; title: string; category: string | null; horizon: Horizon }>;
  passages: Passage[];
  observations: Observation[];
  notes: string[];
  /** One plain sentence: what was found, or plainly that nothing was (and where the entity does appear). */
  summary: string;
  /** The answer itself in one or two sentences of the question's language, each claim citing a passage id. */
  answer: DirectAnswer | null;
  /** True when no stored report answers the question: no passages, and `answer.text` says so and what was searched. */
  abstained: boolean;
  /** The reports the question named by place and year, searched first (empty when it named none). */
  scope: { places: string[]; years: number[]; documents: string[] };
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
    case 'graph':
      return graphRetriever(services.store);
    case 'vector':
      return vectorRetriever(services.store, services.embedder, services.index);
    case 'lexical':
      return lexicalRetriever(services.store);
    case 'minisearch':
      return miniSearchRetriever(services.store);
  }
}

/** Passages that sit in planned tasks, best first: the tasks a topic question is about when no entity was linked. */
const TASKS_FROM_TOP_PASSAGES = 5;
async function tasksOfPassages(passages: FusedPassage[], services: Services): Promise<TaskRef[]> {
  const ids = [...new Set(passages.slice(0, TASKS_FROM_TOP_PASSAGES).flatMap((p) => (p.taskId ? [p.taskId] : [])))];
  const found = await services.store.tasks(ids);
  const planned = found.filter((t) => isPlanned(t.horizon));
  return (planned.length ? planned : found).map((t) => ({
    id: t.id,
    documentId: t.documentId,
    number: t.number,
    title: t.title,
    category: t.category,
    horizon: t.horizon,
  }));
}

/**
 * What the retrievers search with once the question's place and year have picked its reports: the words without
 * the place and the year, and the entities without the named place (every paragraph of the report is about it).
 */
function focusOnScope(understanding: Understanding, scope: QuestionScope): Understanding {
  if (!scope.documents.size) return understanding;
  const placeNames = new Set(scope.places.flatMap((p) => placeForms(p).zh));
  // An English place name also comes back translated word by word ("Inner Mongolia" → 蒙古): pieces of the place's name go too.
  const partOfPlace = (t: string) => [...placeNames].some((n) => n.includes(t) || t.includes(n));
  const terms = understanding.terms.map((t) => withoutScopeWords(t, scope)).filter((t) => t && !/^\d+$/.test(t) && !partOfPlace(t));
  return {
    ...understanding,
    entities: understanding.entities.filter((e) => !(e.type === 'place' && [e.name, ...e.aliases].some((n) => placeNames.has(n)))),
    terms,
    searchText: withoutScopeWords(understanding.searchText, scope),
  };
}

/** A question that picks this few reports by place and year may be answered by any figure they state. */
const SCOPE_WIDE_FIGURES = 2;

/**
 * Observations stated in the passages the answer cites first (an indicator the question did not link may still be
 * there), and every observation of the one or two reports the question names: a question in everyday words
 * (多少辆大巴) may miss the passage but still name the unit, year and kind of its figure.
 */
async function candidateObservations(
  passages: FusedPassage[],
  scope: Set<string>,
  latest: string | null,
  services: Services,
): Promise<Observation[]> {
  const top = passages.slice(0, 5);
  const paragraphs = new Set(top.map((p) => p.paragraphId));
  // The latest report's figures stand whatever its passages ranked, when the question asks for the current one.
  const wide = scope.size <= SCOPE_WIDE_FIGURES ? scope : new Set(latest === null ? [] : [latest]);
  const perDocument = await Promise.all(
    [...new Set([...top.map((p) => p.documentId), ...wide])].map((documentId) => services.store.observations({ documentId })),
  );
  return perDocument.flat().filter((o) => paragraphs.has(o.paragraphId) || wide.has(o.documentId));
}

const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;

function summarize(answer: Pick<Answer, 'tasks' | 'passages' | 'entities'>, graphNotes: string[]): string {
  if (!answer.passages.length) return 'Nothing in the stored reports matches this question.';
  // With linked entities and no planned task touching them, say so first (the graph's note names where they do appear).
  const [graphNote] = graphNotes;
  if (answer.entities.length && graphNote !== undefined) return graphNote;
  const tasks = answer.tasks.length ? `${answer.tasks.length} task(s): ${answer.tasks.map((t) => t.number).join(', ')}; ` : '';
  return `Found ${tasks}${answer.passages.length} cited passage(s).`;
}

export interface Retrieved {
  understanding: Understanding;
  /** What the retrievers searched with: without the place and year that picked the reports. */
  focused: Understanding;
  documents: Awaited<ReturnType<typeof storedDocuments>>;
  scope: QuestionScope;
  runs: Array<{ name: RetrieverName; retrieval: Retrieval }>;
  timings: Record<string, number>;
}

/** Understands the question, picks the reports it names and runs the retrievers concurrently (before fusion). */
export async function retrieve(
  question: string,
  services: Services,
  options: { k: number; retrievers: RetrieverName[] },
): Promise<Retrieved> {
  const started = performance.now();
  const names = options.retrievers.filter((n) => n !== 'vector' || !services.vectorMismatch);
  const understanding = await understand(question, services.store);
  const documents = await storedDocuments(services.store);
  const scope = questionScope(question, documents);
  const timings: Record<string, number> = { understand: elapsed(started) };
  const focused = focusOnScope(understanding, scope);
  const runs = await Promise.all(
    names.map(async (name) => {
      const since = performance.now();
      const retrieval: Retrieval = await retrieverFor(name, services).retrieve(focused, { k: options.k, scope: scope.documents });
      timings[name] = elapsed(since);
      for (const [step, ms] of Object.entries(retrieval.timings ?? {})) timings[`${name}.${step}`] = ms;
      return { name, retrieval };
    }),
  );
  return { understanding, focused, documents, scope, runs, timings };
}

/** What limits semantic search in this store: vectors of another model, or no model installed. */
function semanticNotes(services: Services): string[] {
  const notes: string[] = [];
  if (services.vectorMismatch) notes.push(`vector search is off: ${services.vectorMismatch}`);
  if (services.embedder.mode !== 'semantic')
    notes.push(
      'semantic search is off: no embedding model is installed (run `npm run model:fetch`); vector results come from a lexical fallback',
    );
  return notes;
}

export async function ask(
  question: string,
  services: Services,
  options: { k?: number; retrievers?: RetrieverName[]; fusion?: FusionMethod } = {},
): Promise<Answer> {
  const started = performance.now();
  const k = options.k ?? 10;
  const fusion = options.fusion ?? DEFAULT_FUSION;
  const { understanding, focused, documents, scope, runs, timings } = await retrieve(question, services, {
    k,
    retrievers: options.retrievers ?? DEFAULT_RETRIEVERS,
  });
  const fuseStarted = performance.now();
  const weights = fusionWeights(understanding.entities.length > 0, understanding.language);
  const fused = fuse(
    runs.map(({ name, retrieval }) => ({ retriever: name, weight: weights[name], passages: retrieval.passages })),
    fusion,
    k,
    { scopeDocuments: scope.documents },
  );
  timings.fuse = elapsed(fuseStarted);

  const vectorRun = services.embedder.mode === 'semantic' ? runs.find((r) => r.name === 'vector') : undefined;
  const nearestCosine = vectorRun ? Math.max(-1, ...vectorRun.retrieval.passages.map((p) => p.score)) : null;
  // With vector search off (vectors of another model) a question in other words than the report's cannot be told
  // from one nothing answers: show what the other retrievers found, with the note that says why.
  const declined = services.vectorMismatch
    ? null
    : abstention({
        question,
        language: understanding.language,
        documents,
        scope,
        passages: fused,
        linkedNames: understanding.entities.map((e) => e.name),
        terms: understanding.terms,
        nearestCosine,
      });
  const scopeOut = { places: scope.places, years: scope.years, documents: [...scope.documents] };
  if (declined) {
    return {
      question,
      language: understanding.language,
      intent: understanding.intent,
      semanticSearch: services.embedder.mode === 'semantic' ? 'on' : 'off',
      entities: understanding.entities.map((e) => ({ id: e.id, name: e.name, type: e.type })),
      translatedTerms: understanding.terms,
      tasks: [],
      passages: [],
      observations: [],
      notes: semanticNotes(services),
      summary: declined.reason,
      answer: { text: declined.reason, citations: [], facts: [] },
      abstained: true,
      scope: scopeOut,
      subgraph: { nodes: [], edges: [] },
      fusion,
      timings,
      ms: Math.round(performance.now() - started),
    };
  }

  const highlightTerms = [
    ...understanding.entities.flatMap((e) => [e.name, ...e.aliases]),
    ...understanding.terms,
    ...questionWords(question),
  ];
  const highlightStarted = performance.now();
  const passages: Passage[] = fused.map((p) => ({ ...p, spans: matchedSpans(p.text, highlightTerms) }));
  timings.highlight = elapsed(highlightStarted);
  const restStarted = performance.now();
  const graph = runs.find((r) => r.name === 'graph')?.retrieval;
  // When the question named entities, the graph's tasks stand, even none (the place that picked the reports is no
  // such entity: every task of its report is about it) — except inside named reports where no task touches them:
  // there the cited passages' tasks answer.
  const graphTasks = graph && focused.entities.length ? (graph.tasks ?? []) : null;
  const taskRefs = graphTasks && (graphTasks.length || !scope.documents.size) ? graphTasks : await tasksOfPassages(fused, services);
  const tasks = taskRefs.map(({ id: _id, ...t }) => t);
  const observations = graph?.observations ?? (await indicatorObservations(services.store, question, understanding.entities));
  const answerTasks: AnswerTask[] = taskRefs.map((t) => ({ id: t.id, documentId: t.documentId, number: t.number, title: t.title }));
  const latest = latestReportAsked(question, scope.documents, documents);
  const stated = /indicator/.test(understanding.intent) ? await candidateObservations(fused, scope.documents, latest, services) : [];
  const answerInputs = {
    question,
    language: understanding.language,
    intent: understanding.intent,
    passages: fused,
    tasks: answerTasks,
    documents,
    scope: scope.documents,
    terms: understanding.terms,
    observations: [...new Map([...observations, ...stated].map((o) => [o.id, o])).values()],
  };
  // An English question is compared with the Chinese clauses through its Chinese terms too (rural residents → 农村居民).
  const compared = understanding.language === 'en' ? `${question} ${understanding.terms.join(' ')}` : question;
  const similarity = /indicator/.test(understanding.intent)
    ? await clauseSimilarity(compared, rankFacts(answerInputs), services.embedder)
    : undefined;
  const answer = directAnswer({ ...answerInputs, similarity });

  const graphNotes = graph?.notes ?? [];
  const notes = [...graphNotes, ...semanticNotes(services)];
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
    answer,
    abstained: false,
    scope: scopeOut,
    subgraph: graph?.subgraph ?? { nodes: [], edges: [] },
    fusion,
    timings,
    ms: Math.round(performance.now() - started),
  };
}
