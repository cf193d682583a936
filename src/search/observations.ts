// Observations of the indicators a question names, those of a year it names first ("2017年目标" → period
// 2017, then spans covering 2017, then the rest).
import type { EntitySummary, GraphReader } from '../../graph/store.ts';
import { isSpan, parsePeriod } from '../domain/periods.ts';
import type { Observation } from '../domain/schemas.ts';

export function askedYears(question: string): number[] {
  return (question.match(/(?:19|20)\d{2}/g) ?? []).map(Number);
}

export function rankByAskedYears(question: string, observations: Observation[]): Observation[] {
  const years = askedYears(question);
  if (!years.length) return observations;
  const yearFit = (o: Observation) => {
    const span = parsePeriod(o.period);
    if (!span) return 2;
    if (years.includes(span.start) && !isSpan(span)) return 0;
    return years.some((y) => y >= span.start && y <= span.end) ? 1 : 2;
  };
  return observations
    .map((o, i) => ({ o, i, f: yearFit(o) }))
    .sort((a, b) => a.f - b.f || a.i - b.i)
    .map(({ o }) => o);
}

/** The linked indicators' observations, the asked years' first; only the scope's reports' when it names some. */
export async function indicatorObservations(
  store: GraphReader,
  question: string,
  entities: EntitySummary[],
  scope?: Set<string>,
): Promise<Observation[]> {
  const indicatorIds = entities.filter((e) => e.type === 'indicator').map((e) => e.id);
  const documentIds = scope?.size ? [...scope] : undefined;
  return rankByAskedYears(
    question,
    (await Promise.all(indicatorIds.map((id) => store.observations({ indicatorId: id, documentIds })))).flat(),
  );
}
