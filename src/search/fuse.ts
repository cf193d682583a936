// Fusion of the retrievers' passage lists into one ranking, on the paragraph (a paragraph split into chunks
// counts once per retriever, at its best rank). Two methods, compared by the eval:
//   rrf   — reciprocal rank fusion: Σ weight / (K + rank); ranks only, robust to incomparable score scales.
//   score — score normalisation: Σ weight · (score − min) / (max − min) per retriever (CombSUM over min-max).
import type { RetrievedPassage, RetrieverName } from './retrievers/types.ts';

export type FusionMethod = 'rrf' | 'score';

/**
 * What answers use, chosen on the dev set's tune half (74 questions over 8 corpus reports among 215 stored, real
 * model; retriever lists cached, fusions compared offline): RRF with the weights below 0.69 zh / 0.889 en
 * passageRecall@5, score normalisation 0.548 / 0.407 — it lets the graph retriever's many entity mentions across
 * reports outweigh the rest. On the seed both reach 0.99 (RRF with the old weights 0.962); `eval` reports both.
 */
export const DEFAULT_FUSION: FusionMethod = 'rrf';

export interface RankedList {
  retriever: RetrieverName;
  weight: number;
  passages: RetrievedPassage[];
}

export interface FusedPassage {
  id: string;
  documentId: string;
  paragraphId: string;
  taskId: string | null;
  text: string;
  charStart: number;
  charEnd: number;
  score: number;
  retrievers: RetrieverName[];
  /** How each retriever that found the passage reached it. */
  via: Partial<Record<RetrieverName, string>>;
}

/**
 * The RRF constant and the weights, chosen together on the tune half (grid: k 5–60, each weight 0.25–3) among
 * those that keep the seed within one question of its best (0.99) and the lexical-embedder ratchet green: k = 20
 * (0.768 over both languages; the seed's k = 10 at best 0.71) — a small k lets one retriever's first hit outvote
 * the others' agreement. Without those two constraints k = 30 and vector 1.5 reach 0.783 on the tune half.
 */
export const RRF_K = 20;
/** Vector evidence finds colloquial and translated questions' passages the words miss. */
export const VECTOR_WEIGHT = 1.25;
/**
 * Lexical matches on a Chinese question's own words (今年, 安排) are noisy, so they weigh a quarter; an English
 * question is searched with its translated terms only, which are as precise as the graph's links.
 */
export const LEXICAL_WEIGHT: Record<'zh' | 'en', number> = { zh: 0.25, en: 1 };
/** Graph evidence counts double when the question named entities the graph could link. */
export const LINKED_GRAPH_WEIGHT = 2;

/** Retriever weights for a question: graph weighted up only when entities were linked, lexical by language. */
export function fusionWeights(entitiesLinked: boolean, language: 'zh' | 'en'): Record<RetrieverName, number> {
  const lexical = LEXICAL_WEIGHT[language];
  return { graph: entitiesLinked ? LINKED_GRAPH_WEIGHT : 1, vector: VECTOR_WEIGHT, lexical, minisearch: lexical };
}

/** Each paragraph once, at its best position, with the score that position had. */
function distinctParagraphs(passages: RetrievedPassage[]): RetrievedPassage[] {
  const seen = new Set<string>();
  return passages.filter((p) => !seen.has(p.paragraphId) && seen.add(p.paragraphId));
}

/** Each distinct paragraph of a list with what it adds to its fused score. */
function contributions(list: RankedList, method: FusionMethod, rrfK: number): Array<{ passage: RetrievedPassage; gain: number }> {
  const passages = distinctParagraphs(list.passages);
  if (method === 'rrf') return passages.map((passage, rank) => ({ passage, gain: list.weight / (rrfK + rank + 1) }));
  const scores = passages.map((p) => p.score);
  const min = Math.min(...scores);
  const range = Math.max(...scores) - min;
  // A list whose scores are all equal carries no order: every passage gets the full weight.
  return passages.map((passage) => ({ passage, gain: list.weight * (range > 0 ? (passage.score - min) / range : 1) }));
}

/**
 * A question that names a place or a year is about the reports of that place and time (the plan for 2019 is in
 * the 2019 report, its results in the 2020 one): passages of other documents keep this share of their score.
 * Chosen on the dev set's tune half (bench/scripts/fusion-grid.ts): 0.25 over 0.5 lifts it 0.804 → 0.833 among
 * 215 stored reports and 0.638 → 0.652 among all 1,659, and the report half too (0.79 → 0.815, 0.548 → 0.565).
 */
export const OUT_OF_SCOPE_FACTOR = 0.25;

/** Paragraphs shorter than this (title lines, a speaker's name, a date) state nothing a question asks for. */
export const SHORT_PASSAGE_CHARS = 16;
export const SHORT_PASSAGE_FACTOR = 0.3;

export function fuse(
  lists: RankedList[],
  method: FusionMethod,
  k: number,
  options: { scopeDocuments?: Set<string>; rrfK?: number; outOfScopeFactor?: number } = {},
): FusedPassage[] {
  const fused = new Map<string, FusedPassage>();
  for (const list of lists) {
    for (const { passage: p, gain } of contributions(list, method, options.rrfK ?? RRF_K)) {
      const passage = fused.get(p.paragraphId) ?? {
        id: p.paragraphId,
        documentId: p.documentId,
        paragraphId: p.paragraphId,
        taskId: p.taskId,
        text: p.text,
        charStart: p.charStart,
        charEnd: p.charEnd,
        score: 0,
        retrievers: [],
        via: {},
      };
      passage.score += gain;
      if (!passage.retrievers.includes(list.retriever)) passage.retrievers.push(list.retriever);
      passage.via[list.retriever] ??= p.via;
      fused.set(p.paragraphId, passage);
    }
  }
  const inScope = options.scopeDocuments;
  if (inScope?.size)
    for (const p of fused.values()) if (!inScope.has(p.documentId)) p.score *= options.outOfScopeFactor ?? OUT_OF_SCOPE_FACTOR;
  for (const p of fused.values()) if (p.text.replace(/\s/g, '').length < SHORT_PASSAGE_CHARS) p.score *= SHORT_PASSAGE_FACTOR;
  const ranked = [...fused.values()].sort((a, b) => b.score - a.score).slice(0, k);
  for (const p of ranked) p.score = Number(p.score.toFixed(5));
  return ranked;
}
