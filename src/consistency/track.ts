// `track`: targets an earlier report set against the results a later report of the same place states for the
// same period (met / exceeded / missed / not reported), and series whose stated change contradicts the two
// stated levels it lies between.
import type { DocumentSummary, GraphStore } from '../../graph/store.ts';
import type { Observation } from '../domain/schemas.ts';
import { resolutionKey } from '../ingest/resolve.ts';
import { isTarget, sameMeasure } from './compare.ts';
import { indicatorKey, lowerIsBetter, nameSimilarity, SAME_INDICATOR } from './names.ts';
import { isSpan, parsePeriod } from './periods.ts';
import { documentOfPlace } from './priors.ts';
import { TrackQuery, TrackVerdict, type SeriesInconsistency, type TrackFigure, type TrackPair, type TrackReport } from './report.ts';
import { convert, unitFamily } from './units.ts';

interface Placed {
  observation: Observation;
  document: DocumentSummary;
}

function figure(o: Observation): TrackFigure {
  return { value: o.value, unit: o.unit, kind: o.kind, comparator: o.comparator, text: o.text, documentId: o.documentId, paragraphId: o.paragraphId };
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

/** A stated change contradicts its levels when it has the wrong sign or is off by more than itself (and 3 points). */
function contradicts(stated: number, implied: number): boolean {
  const opposite = Math.sign(stated) !== Math.sign(implied) && Math.abs(stated - implied) > 0.5;
  return opposite || Math.abs(stated - implied) > Math.max(3, Math.abs(stated));
}

function inconsistenciesOf(placed: Placed[]): SeriesInconsistency[] {
  const stated = placed.filter((p) => !isTarget(p.observation.kind));
  const levels = stated.filter((p) => p.observation.kind !== 'growth');
  const found: SeriesInconsistency[] = [];
  const seen = new Set<string>();
  for (const change of stated.filter((p) => p.observation.kind === 'growth')) {
    const span = parsePeriod(change.observation.period);
    if (!span) continue;
    const fromYear = String(isSpan(span) ? span.start : span.start - 1);
    const toYear = String(span.end);
    const key = indicatorKey(change.observation.indicator);
    const sameIndicator = levels.filter((l) => indicatorKey(l.observation.indicator) === key);
    const to = sameIndicator.find((l) => l.observation.period === toYear);
    const from = sameIndicator.find((l) => l.observation.period === fromYear && to && convert(l.observation.value, l.observation.unit, to.observation.unit) !== null);
    if (!from || !to) continue;
    const implied = impliedChange(change.observation, from.observation, to.observation);
    if (implied === null || !contradicts(change.observation.value, implied)) continue;
    const id = `${key}|${change.observation.id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const rounded = Math.round(implied * 100) / 100;
    found.push({
      indicator: change.observation.indicator,
      place: change.document.place,
      change: { ...figure(change.observation), period: change.observation.period },
      from: { ...figure(from.observation), period: fromYear },
      to: { ...figure(to.observation), period: toYear },
      implied: rounded,
      reason: `${change.observation.indicator}从${from.observation.value}${from.observation.unit}到${to.observation.value}${to.observation.unit}意味着变化${rounded}${change.observation.unit}，与所述${change.observation.value}${change.observation.unit}不符。`,
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
  const summary = Object.fromEntries(TrackVerdict.options.map((v) => [v, pairs.filter((p) => p.verdict === v).length])) as Record<TrackVerdict, number>;
  return { pairs, inconsistencies, summary, ms: Math.round(performance.now() - started) };
}
