// The Retriever port: every retriever (graph traversal, vector, lexical, the MiniSearch baseline) turns an
// understood question into scored passages with provenance, so fusion and the eval treat them alike.
import type { Subgraph } from '../../../graph/store.ts';
import type { Observation, Task } from '../../domain/schemas.ts';
import type { Understanding } from '../understand.ts';

export type RetrieverName = 'graph' | 'vector' | 'lexical' | 'minisearch';

export interface RetrievedPassage {
  /** The paragraph: the unit passages are fused on. */
  paragraphId: string;
  documentId: string;
  taskId: string | null;
  text: string;
  charStart: number;
  charEnd: number;
  /** The retriever's own score, higher is better; only comparable within one retriever's list. */
  score: number;
  /** How the retriever reached the passage (e.g. "TOUCHES 千岛湖", "cosine", "bm25"). */
  via: string;
}

export type TaskRef = Pick<Task, 'documentId' | 'number' | 'title' | 'category' | 'horizon'> & { id: string };

export interface Retrieval {
  /** Best first. */
  passages: RetrievedPassage[];
  /** Tasks a traversal proved (graph only): the answer to "which tasks…" when the question named entities. */
  tasks?: TaskRef[];
  observations?: Observation[];
  /** The part of the graph the traversal walked, for display. */
  subgraph?: Subgraph;
  /** Plain statements about the traversal (e.g. an entity in no planned task). */
  notes?: string[];
  /** Milliseconds per step of the retriever's own work, when it has several (reported as `<retriever>.<step>`). */
  timings?: Record<string, number>;
}

export interface RetrieveOptions {
  /** Passages wanted in the final answer; retrievers return a few times more for fusion. */
  k: number;
  /** Reports the question names by place and year: searched deeper, so their passages reach fusion among many reports. */
  scope?: Set<string>;
}

/**
 * Hits of a scoped search: up to `inScope` of the named reports' and `outside` of the others', in the order
 * given (best first). Without a scope, the first `inScope` hits.
 */
export function keepScoped<T extends { documentId: string }>(
  hits: T[],
  scope: Set<string> | undefined,
  inScope: number,
  outside: number,
): T[] {
  if (!scope?.size) return hits.slice(0, inScope);
  let kept = 0;
  let others = 0;
  return hits.filter((h) => (scope.has(h.documentId) ? kept++ < inScope : others++ < outside));
}

export interface Retriever {
  readonly name: RetrieverName;
  retrieve(understanding: Understanding, options: RetrieveOptions): Promise<Retrieval>;
}

export function taskRef(task: Task): TaskRef {
  return {
    id: task.id,
    documentId: task.documentId,
    number: task.number,
    title: task.title,
    category: task.category,
    horizon: task.horizon,
  };
}
