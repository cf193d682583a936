// Checkable claims of a draft: its figures (indicator targets and results, quantities) and its statements about
// projects and initiatives (with their status verbs and deadlines), each with offsets in the draft. The draft
// is read the way ingest reads a report — the same structure parser and the same extractors — in memory.
import { defined } from '../domain/defined.ts';
import { contentHash } from '../domain/ids.ts';
import type { Comparator, Entity, Mention, Observation, ObservationKind, Paragraph } from '../domain/schemas.ts';
import { extractEntities } from '../ingest/extract/entities.ts';
import { SpanSet } from '../ingest/extract/lexicon/candidate.ts';
import { extractObservations } from '../ingest/extract/indicators.ts';
import { normalizeWidth } from '../ingest/normalize.ts';
import { mapToSource } from '../ingest/read/mapped-text.ts';
import { convertPlainText } from '../ingest/read/plain-text.ts';
import { buildExtractionContext, parseStructure } from '../ingest/structure.ts';
import type { ClaimKind } from './report.ts';
import { isFlowName } from './names.ts';
import { deadlineIn, statusOf, type Status } from './status.ts';

interface ClaimBase {
  id: string;
  kind: ClaimKind;
  /** The draft sentence the claim is made in. */
  text: string;
  charStart: number;
  charEnd: number;
  subject: string;
  period: string | null;
}

export interface FigureClaim extends ClaimBase {
  kind: 'indicator' | 'quantity';
  value: number;
  unit: string;
  observationKind: ObservationKind;
  comparator: Comparator | null;
  /** A yearly amount of work (新建公路80公里) rather than a level reached (优良率75%). */
  flow: boolean;
}

export interface EntityClaim extends ClaimBase {
  kind: 'project' | 'initiative' | 'deadline';
  entity: Entity;
  status: Status | null;
  /** The year by which the draft says it happens (到2020年建成). */
  deadline: number | null;
}

export type Claim = FigureClaim | EntityClaim;

export interface DraftClaims {
  year: number | null;
  claims: Claim[];
}

/** Families in which a figure is an indicator level or rate; the rest count things done (家, 公里, 个). */
const INDICATOR_UNITS = /%|个百分点|百分点|元|微克|毫克|倍|类|级|第/;

/** The first year a draft speaks of (2018年…), which the draft is taken to be written for. */
export function draftYear(text: string): number | null {
  const year = /(?<![到至\d])((?:19|20)\d{2})年(?!底|末)/.exec(normalizeWidth(text));
  return year ? Number(year[1]) : null;
}

export interface ClaimOptions {
  /** The year the draft is written for (its statements without a year of their own speak of it). */
  year?: number | null;
  /**
   * Projects and initiatives already in the graph: the draft may name them in sentences the extractors do not
   * read as naming a work (取消X, X暂缓), and a drafter needs those checked most.
   */
  known?: Entity[];
}

export function extractClaims(draft: string, options: ClaimOptions = {}): DraftClaims {
  const converted = convertPlainText(draft);
  const text = converted.text;
  const normalized = normalizeWidth(text);
  const year = options.year ?? draftYear(text);
  const documentId = contentHash(text);
  const structure = parseStructure({ documentId, text, normalized, boldLines: [] });
  const context = buildExtractionContext(structure, normalized, { documentId, year, place: null });
  const { observations } = extractObservations(context);
  const found = extractEntities(context);
  const toDraft = (offset: number) => mapToSource(converted.sourceMap, offset);
  const sentenceAt = (paragraph: Paragraph, offset: number) => {
    const sentence = paragraph.sentences[lastStartingBefore(paragraph.sentences, offset + 1)];
    return sentence && offset < sentence.charEnd ? sentence : paragraph;
  };
  const paragraphs = new Map(structure.paragraphs.map((p) => [p.id, p]));

  const claims: Claim[] = [];
  const figureSpans: Array<{ charStart: number; charEnd: number }> = [];
  for (const o of observations) {
    const paragraph = defined(paragraphs.get(o.paragraphId), 'paragraph of an observation');
    const clauseStart = clauseStartOf(normalized, o);
    const sentence = sentenceAt(paragraph, o.charStart);
    figureSpans.push({ charStart: clauseStart, charEnd: o.charEnd });
    claims.push({
      id: `c${claims.length + 1}`,
      kind: INDICATOR_UNITS.test(o.unit) ? 'indicator' : 'quantity',
      text: text.slice(sentence.charStart, sentence.charEnd),
      charStart: toDraft(clauseStart),
      charEnd: toDraft(o.charEnd),
      subject: o.indicator,
      period: o.period === 'unknown' ? null : o.period,
      value: o.value,
      unit: o.unit,
      observationKind: o.kind,
      comparator: o.comparator,
      flow: isFlowName(normalized.slice(clauseStart, o.charStart)),
    });
  }

  const entities = new Map(found.entities.map((e) => [e.id, e]));
  // A name the graph knows wins over a reading of the draft alone that runs over it (X推迟到2022年).
  const known = knownMentions(normalized, structure.paragraphs, options.known ?? []);
  const knownSpans = new SpanSet<{ start: number; end: number }>();
  for (const k of known) knownSpans.add({ start: k.charStart, end: k.charEnd });
  const mentions = [
    ...known,
    ...found.mentions.filter((m) => !knownSpans.someOverlapping({ start: m.charStart, end: m.charEnd }, () => true)),
  ];
  for (const known of options.known ?? []) if (!entities.has(known.id)) entities.set(known.id, known);
  const insideFigure = containment(figureSpans);
  for (const mention of mentions) {
    const entity = entities.get(mention.entityId);
    if (!entity || !isWork(entity)) continue;
    // A programme named inside a figure's clause (实施“X”企业25家) is checked through that figure.
    if (insideFigure(mention)) continue;
    const paragraph = defined(paragraphs.get(mention.paragraphId), 'paragraph of a mention');
    const sentence = sentenceAt(paragraph, mention.charStart);
    const sentenceText = normalized.slice(sentence.charStart, sentence.charEnd);
    const status = statusOf(sentenceText, mention.charStart - sentence.charStart, mention.charEnd - sentence.charStart);
    const deadline = deadlineIn(sentenceText);
    claims.push({
      id: `c${claims.length + 1}`,
      kind: deadline !== null ? 'deadline' : entity.type,
      text: text.slice(sentence.charStart, sentence.charEnd),
      ...entitySpan(mention, status, sentence.charStart, toDraft),
      subject: entity.name,
      period: deadline !== null ? String(deadline) : year === null ? null : String(year),
      entity,
      status: status ? { verb: status.verb, effect: status.effect } : null,
      deadline,
    });
  }
  claims.sort((a, b) => a.charStart - b.charStart || a.charEnd - b.charEnd);
  claims.forEach((claim, i) => {
    claim.id = `c${i + 1}`;
  });
  return { year, claims };
}

function isWork(entity: Entity | undefined): entity is Entity & { type: 'project' | 'initiative' } {
  return entity?.type === 'project' || entity?.type === 'initiative';
}

/** Names of known entities (four characters or more) written in the draft, longest first, without overlaps. */
function knownMentions(normalized: string, paragraphs: Paragraph[], known: Entity[]): Mention[] {
  const taken = new SpanSet<{ start: number; end: number }>();
  const extra: Mention[] = [];
  const names = known
    .flatMap((entity) => [entity.name, ...entity.aliases].map((name) => ({ entity, name: normalizeWidth(name) })))
    .filter(({ name }) => name.length >= 4)
    .sort((a, b) => b.name.length - a.name.length);
  for (const { entity, name } of names) {
    for (let at = normalized.indexOf(name); at >= 0; at = normalized.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (taken.someOverlapping({ start: at, end }, () => true)) continue;
      const paragraph = paragraphs[lastStartingBefore(paragraphs, at + 1)];
      if (!paragraph || end > paragraph.charEnd) continue;
      taken.add({ start: at, end });
      extra.push({
        entityId: entity.id,
        documentId: paragraph.documentId,
        paragraphId: paragraph.id,
        surface: name,
        charStart: at,
        charEnd: end,
      });
    }
  }
  return extra;
}

/**
 * The clause an observation is stated in starts where its text does, the last time before its figure. Only the
 * window where such a start can lie is searched (the whole draft before it made a long draft quadratic).
 */
function clauseStartOf(normalized: string, o: Observation): number {
  const clause = normalizeWidth(o.text);
  const from = Math.max(0, o.charEnd - clause.length);
  const at = normalized.slice(from, o.charStart + clause.length).lastIndexOf(clause, o.charStart - from);
  return at >= 0 ? from + at : o.charStart;
}

/** Index of the last of `spans` (sorted by charStart) that starts before `offset`, or -1. */
function lastStartingBefore(spans: Array<{ charStart: number }>, offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (defined(spans[middle], 'span inside the searched range').charStart < offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Whether a span lies inside one of `spans`: sorted by start with the furthest end so far, one binary search each. */
function containment(spans: Array<{ charStart: number; charEnd: number }>): (span: { charStart: number; charEnd: number }) => boolean {
  const sorted = [...spans].sort((a, b) => a.charStart - b.charStart);
  const furthestEnd: number[] = [];
  for (const [i, s] of sorted.entries()) furthestEnd.push(Math.max(s.charEnd, furthestEnd[i - 1] ?? -Infinity));
  return (span) => {
    // Index -1 (no span starts before it) reads undefined: not contained.
    const end = furthestEnd[lastStartingBefore(sorted, span.charStart + 1)];
    return end !== undefined && end >= span.charEnd;
  };
}

/** The named entity together with its status verb, when the verb is next to it. */
function entitySpan(
  mention: Mention,
  status: { at: number; end: number } | null,
  sentenceStart: number,
  toDraft: (offset: number) => number,
): { charStart: number; charEnd: number } {
  const start = status ? Math.min(mention.charStart, sentenceStart + status.at) : mention.charStart;
  const end = status ? Math.max(mention.charEnd, sentenceStart + status.end) : mention.charEnd;
  return { charStart: toDraft(start), charEnd: toDraft(end) };
}
