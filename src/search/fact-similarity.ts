// How close each candidate figure's clause is in meaning to the question. A question in everyday words
// (玩冰的地方多修多少) shares no characters with the indicator it asks for (室外滑冰场), so the name overlap that
// ranks figures cannot tell it from the other figures of the same passage; the sentence model can.
import type { Embedder } from '../../embeddings/embedder.ts';
import { dot } from '../../embeddings/vector-math.ts';
import { defined } from '../domain/defined.ts';
import type { Observation } from '../domain/schemas.ts';

/**
 * Figures compared: the best-ranked few, so the cost stays one small batch per indicator question (each clause is a
 * model run of ~4 ms here; 16 cost ~60 ms a question, and 8 answered every variants set the same but one question).
 */
export const COMPARED_FIGURES = 8;

/**
 * Each figure's similarity to the question, rescaled to 0–1 across the figures compared (cosines of one model
 * sit in a narrow band; what ranks is their order). Empty without a sentence model.
 */
export async function clauseSimilarity(question: string, figures: Observation[], embedder: Embedder): Promise<Map<string, number>> {
  const compared = figures.slice(0, COMPARED_FIGURES);
  if (embedder.mode !== 'semantic' || compared.length < 2) return new Map();
  const [query, clauses] = await Promise.all([
    embedder.embedQuery(question),
    embedder.embedPassages(compared.map((o) => `${o.indicator}：${o.text}`)),
  ]);
  const cosines = clauses.map((c) => dot(query, c));
  const min = Math.min(...cosines);
  const range = Math.max(...cosines) - min;
  return new Map(compared.map((o, i) => [o.id, range > 0 ? (defined(cosines[i], 'cosine of a figure') - min) / range : 0]));
}
