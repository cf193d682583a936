// `track`: targets an earlier report set against the results a later report of the same place states for the
// same period (met / exceeded / missed / not reported), and series whose stated change contradicts the two
// stated levels it lies between.
import type { DocumentSummary, GraphStore } from '../../graph/store.ts';
import type { Observation } from '../domain/schemas.ts';
import { resolutionKey } from '../ingest/resolve.ts';
import { isTarget, sameMeasure } from '../consistency/compare.ts';
import { indicatorKey, lowerIsBetter, nameSimilarity, SAME_INDICATOR } from '../consistency/names.ts';
import { isSpan, parsePeriod } from '../domain/periods.ts';
import { documentOfPlace } from '../consistency/priors.ts';
import {
  TrackQuery,
  TrackVerdict,
  type SeriesInconsistency,
  type TrackFigure,
  type TrackPair,
  type TrackReport,
} from '../consistency/report.ts';
import { convert, unitFamily } from '../consistency/units.ts';

interface Placed {
  observation: Observation;
  document: DocumentSummary;
}

function figure(o: Observation): TrackFigure {
  return {
    value: o.value,
    unit: o.unit,
    kind: o.kind,
    comparator: o.comparator,
    text: o.text,
    documentId: o.documentId,
    paragraphId: o.paragraphId,
  };
}

/** How close a result must come to count as meeting its target: 0.3 points for a rate said 左右, 0.5% of a level otherwise. */
function tolerance(target: Observation): number {
  const approximate = target.comparator === '左右';
  if (unitFamily(target.unit) === 'percent') return approximate ? 0.3 : 0.05;
  return Math.abs(target.value) * (approximate ? 0.02 : 0.005);
}

export function trackVerdict(target: Observation, result: Observation): TrackVerdict {
  const value = convert(result.value, result.unit, target.unit);
  if (value === null) return 'not_reported';
  const sign = lowerIsBetter(target.indicator, [target.comparator]) ? -1 : 1;
  const margin = sign * (value - target.value);
  const slack = tolerance(target);
  if (target.comparator === '左右' && Math.abs(margin) <= slack) return 'met';
  // Staying under a cap (失业率控制在3%以内) meets it; there is no exceeding a ceiling.
  if (target.comparator === '以内') return margin < -slack ? 'missed' : 'met';
  if (margin < -slack) return 'missed';
  return margin > slack ? 'exceeded' : 'met';
}

/** The later result that best matches a target: the same indicator, measure, period and a comparable unit. */
function resultFor(target: Placed, later: Placed[]): Observation | null {
  let best: { o: Observation; score: number; year: number } | null = null;
  for (const { observation: o, document } of later) {
    if (isTarget(o.kind) || o.period !== target.observation.period || !sameMeasure(o.kind, target.observation.kind)) continue;
    if (convert(o.value, o.unit, target.observation.unit) === null) continue;
    const score = nameSimilarity(o.indicator, target.observation.indicator);
    if (score < SAME_INDICATOR) continue;
    const year = document.year ?? Infinity;
    if (!best || score > best.score || (score === best.score && year < best.year)) best = { o, score, year };
  }
  return best?.o ?? null;
}

function placeKey(document: DocumentSummary): string {
  return document.place ? resolutionKey('place', document.place) : `document:${document.id}`;
}

async function placedObservations(store: GraphStore, documents: DocumentSummary[]): Promise<Placed[]> {
  const placed: Placed[] = [];
  for (const document of documents) {
    for (const observation of await store.observations({ documentId: document.id })) placed.push({ observation, document });
  }
  return placed;
}

function pairsOf(placed: Placed[], period: string | undefined): TrackPair[] {
  const pairs: TrackPair[] = [];
  const seen = new Set<string>();
  for (const target of placed) {
    const o = target.observation;
    const span = parsePeriod(o.period);
    if (!isTarget(o.kind) || !span || isSpan(span) || (period && o.period !== period)) continue;
    // A bare generic noun (项目, 品牌) names nothing a later report could be matched on.
    if (nameSimilarity(o.indicator, o.indicator) === 0) continue;
    // Only a report written after the period ends can state its result.
    const later = placed.filter((p) => p.document.year !== null && p.document.year > span.end && p.document.id !== o.documentId);
    if (later.length === 0) continue;
    const key = `${o.documentId}|${indicatorKey(o.indicator)}|${o.period}|${o.kind}|${o.value}|${o.unit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const result = resultFor(target, later);
    pairs.push({
      indicator: o.indicator,
      period: o.period,
      place: target.document.place,
      target: figure(o),
      result: result ? figure(result) : null,
      verdict: result ? trackVerdict(o, result) : 'not_reported',
    });
  }
  return pairs;
}

/** The change two levels imply, in the unit the change is stated in (% growth, or 个百分点 between two rates). */
function impliedChange(change: Observation, from: Observation, to: Observation): number | null {
  const start = convert(from.value, from.unit, to.unit);
  if (start === null) return null;
  if (change.unit === '%' && unitFamily(to.unit) !== 'percent') return start === 0 ? null : (to.value / start - 1) * 100;
  if ((change.unit === '个百分点' || change.unit === '百分点') && to.unit === '%') return to.value - start;
  return null;
}

/** The same change a year on average over `years` (年均增长 over a span): compound for growth, even for points. */
function perYear(total: number, unit: string, years: number): number {
  return unit === '%' ? ((1 + total / 100) ** (1 / years) - 1) * 100 : total / years;
}

/** A stated change contradicts its levels when it has the wrong sign or is off by more than itself (and 3 points). */
function contradicts(stated: number, implied: number): boolean {
  const opposite = Math.sign(stated) !== Math.sign(implied) && Math.abs(stated - implied) > 0.5;
  return opposite || Math.abs(stated - implied) > Math.max(3, Math.abs(stated));
}

/**
 * Changes that contradict the levels they lie between. A one-year change runs from the year before; a change over a
 * span (2011-2015) may run from its first year or the one before, and may be the total or the yearly average:
 * only a change no reading bears out is flagged.
 */
function inconsistenciesOf(placed: Placed[]): SeriesInconsistency[] {
  const stated = placed.filter((p) => !isTarget(p.observation.kind));
  const levels = stated.filter((p) => p.observation.kind !== 'growth');
  const found: SeriesInconsistency[] = [];
  for (const change of stated.filter((p) => p.observation.kind === 'growth')) {
    const o = change.observation;
    const span = parsePeriod(o.period);
    if (!span) continue;
    const key = indicatorKey(o.indicator);
    const sameIndicator = levels.filter((l) => indicatorKey(l.observation.indicator) === key);
    const to = sameIndicator.find((l) => l.observation.period === String(span.end));
    if (!to) continue;
    const fromYears = isSpan(span) ? [span.start - 1, span.start] : [span.start - 1];
    const readings = fromYears.flatMap((year) => {
      const from = sameIndicator.find((l) => l.observation.period === String(year));
      const total = from ? impliedChange(o, from.observation, to.observation) : null;
      if (!from || total === null) return [];
      const averages = isSpan(span) ? [perYear(total, o.unit, span.end - year)] : [];
      return [{ from, year, total, agrees: [total, ...averages].some((implied) => !contradicts(o.value, implied)) }];
    });
    const first = readings[0];
    if (!first || readings.some((r) => r.agrees)) continue;
    const implied = Math.round(first.total * 100) / 100;
    found.push({
      indicator: o.indicator,
      place: change.document.place,
      change: { ...figure(o), period: o.period },
      from: { ...figure(first.from.observation), period: String(first.year) },
      to: { ...figure(to.observation), period: String(span.end) },
      implied,
      reason: `${o.indicator}从${first.from.observation.value}${first.from.observation.unit}到${to.observation.value}${to.observation.unit}意味着变化${implied}${o.unit}，与所述${o.value}${o.unit}不符。`,
    });
  }
  return found;
}

export async function trackTargets(store: GraphStore, query: TrackQuery = {}): Promise<TrackReport> {
  const started = performance.now();
  const { place, period } = TrackQuery.parse(query);
  const documents = (await store.listDocuments()).filter((d) => !place || documentOfPlace(d, place));
  const byPlace = new Map<string, DocumentSummary[]>();
  for (const d of documents) byPlace.set(placeKey(d), [...(byPlace.get(placeKey(d)) ?? []), d]);
  const pairs: TrackPair[] = [];
  const inconsistencies: SeriesInconsistency[] = [];
  for (const group of byPlace.values()) {
    const placed = await placedObservations(store, group);
    pairs.push(...pairsOf(placed, period));
    inconsistencies.push(...inconsistenciesOf(placed).filter((i) => !period || i.change.period === period || i.to.period === period));
  }
  const summary = Object.fromEntries(TrackVerdict.options.map((v) => [v, pairs.filter((p) => p.verdict === v).length])) as Record<
    TrackVerdict,
    number
  >;
  return { pairs, inconsistencies, summary, ms: Math.round(performance.now() - started) };
}
