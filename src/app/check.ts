// `check`: every claim of a draft with its verdict against the prior commitments in the graph, the evidence
// passages and a one-sentence reason.
import type { GraphReader, TextSearch } from '../../graph/store.ts';
import type { Entity, Observation, Paragraph } from '../domain/schemas.ts';
import { normalizeWidth } from '../ingest/normalize.ts';
import { segmenter } from '../text/segmenter.ts';
import { draftYear, extractClaims, type Claim, type EntityClaim } from '../consistency/claims.ts';
import { isTarget, judgeEntity, judgeFigure, type Judgement } from '../consistency/compare.ts';
import {
  documentOfPlace,
  priorFigures,
  priorPassages,
  priorPassagesByCore,
  priorScope,
  relatedPassages,
  type PriorScope,
} from '../consistency/priors.ts';
import { CheckRequest, Verdict, type CheckClaim, type CheckReport, type Evidence } from '../consistency/report.ts';
import { deadlineIn, hasReversingVerb, STATUS_VERBS } from '../consistency/status.ts';

const MAX_EVIDENCE = 5;
const RELATED_PASSAGES = 3;

export interface CheckOptions {
  /** The year the draft is written for; read from the draft when not given. */
  year?: number | null;
  /** Only documents of this place count as prior commitments. */
  place?: string | null;
}

function figureEvidence(observations: Observation[], paragraphs: Map<string, Paragraph>): Evidence[] {
  return observations.slice(0, MAX_EVIDENCE).flatMap((o) => {
    const paragraph = paragraphs.get(o.paragraphId);
    if (!paragraph) return [];
    // The clause as the document writes it (an observation keeps the width-normalised text), with its offsets.
    const at = normalizeWidth(paragraph.text).lastIndexOf(o.text, o.charStart - paragraph.charStart);
    const clause =
      at >= 0
        ? {
            charStart: paragraph.charStart + at,
            charEnd: paragraph.charStart + at + o.text.length,
            quote: paragraph.text.slice(at, at + o.text.length),
          }
        : { charStart: o.charStart, charEnd: o.charEnd, quote: o.text };
    return [
      {
        documentId: o.documentId,
        paragraphId: o.paragraphId,
        text: paragraph.text,
        ...clause,
        period: o.period,
        kind: o.kind,
        value: o.value,
        unit: o.unit,
        comparator: o.comparator,
        role: isTarget(o.kind) ? ('commitment' as const) : ('result' as const),
      },
    ];
  });
}

function passageEvidence(paragraphs: Paragraph[], names: string[], related: boolean): Evidence[] {
  return paragraphs.slice(0, MAX_EVIDENCE).map((p) => {
    const normalized = normalizeWidth(p.text);
    const name = names.find((n) => normalized.includes(n));
    const at = name ? normalized.indexOf(name) : -1;
    // The sentence naming the entity is the commitment a drafter needs to see.
    const sentence = at >= 0 ? p.sentences.find((s) => s.charStart - p.charStart <= at && at < s.charEnd - p.charStart) : undefined;
    return {
      documentId: p.documentId,
      paragraphId: p.id,
      text: p.text,
      ...(sentence
        ? {
            charStart: sentence.charStart,
            charEnd: sentence.charEnd,
            quote: p.text.slice(sentence.charStart - p.charStart, sentence.charEnd - p.charStart),
          }
        : {}),
      role: related ? ('related' as const) : ('commitment' as const),
    };
  });
}

async function judgeEntityClaim(
  store: GraphReader & TextSearch,
  scope: PriorScope,
  claim: EntityClaim,
): Promise<{ judgement: Omit<Judgement, 'basis'>; evidence: Evidence[] }> {
  let passages = await priorPassages(store, scope, claim.entity);
  let names = [claim.entity.name, ...claim.entity.aliases].map(normalizeWidth);
  if (!passages.length) {
    const byCore = await priorPassagesByCore(store, scope, claim.entity);
    if (byCore.passages.length) [passages, names] = [byCore.passages, byCore.names.map(normalizeWidth)];
  }
  const deadlines = passages.flatMap((p) => {
    const text = normalizeWidth(p.text);
    return names.flatMap((n) => {
      const at = text.indexOf(n);
      const deadline = at >= 0 ? deadlineIn(text.slice(Math.max(0, at - 20), at + n.length + 20)) : null;
      return deadline === null ? [] : [deadline];
    });
  });
  const judgement = judgeEntity(claim, { passages, deadline: deadlines.length ? Math.min(...deadlines) : null });
  if (passages.length) return { judgement, evidence: passageEvidence(passages, names, false) };
  const related = await relatedPassages(store, scope, claim.subject, RELATED_PASSAGES);
  return { judgement, evidence: passageEvidence(related, names, true) };
}

async function judgeClaim(
  store: GraphReader & TextSearch,
  scope: PriorScope,
  claim: Claim,
  year: number | null,
): Promise<{ judgement: Omit<Judgement, 'basis'>; evidence: Evidence[] }> {
  if ('entity' in claim) return judgeEntityClaim(store, scope, claim);
  const priors = await priorFigures(store, scope, claim);
  const judgement = judgeFigure(claim, priors, year);
  const paragraphs = new Map(
    (await store.paragraphs([...new Set(judgement.basis.slice(0, MAX_EVIDENCE).map((o) => o.paragraphId))])).map((p) => [p.id, p]),
  );
  if (judgement.verdict !== 'novel') return { judgement, evidence: figureEvidence(judgement.basis, paragraphs) };
  const related = await relatedPassages(store, scope, claim.subject, RELATED_PASSAGES);
  return { judgement, evidence: passageEvidence(related, [claim.subject], true) };
}

const KNOWN_PER_WORD = 50;

/**
 * Projects and initiatives of the graph that a sentence reversing or delaying something names (取消X, X暂缓): the
 * extractors read works from building verbs, so these are looked up by the words of the sentence instead.
 */
async function knownWorksIn(store: GraphReader & TextSearch, text: string): Promise<Entity[]> {
  const sentences = normalizeWidth(text)
    .split(/(?<=[。!?;\n])/)
    .filter(hasReversingVerb);
  const words = new Set(
    sentences.flatMap((s) => segmenter().cut(s, false)).filter((w) => /^[\u4e00-\u9fa5A-Za-z0-9]{2,}$/.test(w) && !STATUS_VERBS.has(w)),
  );
  const found = new Map<string, Entity>();
  for (const word of words) {
    for (const type of ['project', 'initiative'] as const) {
      for (const entity of await store.entities({ type, match: word, limit: KNOWN_PER_WORD })) {
        const names = [entity.name, ...entity.aliases].map(normalizeWidth);
        if (sentences.some((s) => names.some((n) => s.includes(n)))) found.set(entity.id, entity);
      }
    }
  }
  return [...found.values()];
}

/** A draft that names no year of its own is taken to be the next report after the latest one on record. */
async function nextReportYear(store: GraphReader & TextSearch, place: string | null | undefined): Promise<number | null> {
  const years = (await store.listDocuments())
    .filter((d) => !place || documentOfPlace(d, place))
    .flatMap((d) => (d.year === null ? [] : [d.year]));
  return years.length ? Math.max(...years) + 1 : null;
}

export async function checkDraft(store: GraphReader & TextSearch, request: CheckRequest, options: CheckOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const { text, language } = CheckRequest.parse(request);
  const known = await knownWorksIn(store, text);
  const year = options.year ?? draftYear(text) ?? (await nextReportYear(store, options.place));
  const { claims } = extractClaims(text, { year, known });
  const scope = await priorScope(store, { year, place: options.place });
  const checked: CheckClaim[] = [];
  for (const claim of claims) {
    const { judgement, evidence } = await judgeClaim(store, scope, claim, year);
    checked.push({
      id: claim.id,
      text: claim.text,
      charStart: claim.charStart,
      charEnd: claim.charEnd,
      kind: claim.kind,
      subject: claim.subject,
      ...(claim.period ? { period: claim.period } : {}),
      ...('value' in claim ? { value: claim.value, unit: claim.unit, ...(claim.comparator ? { comparator: claim.comparator } : {}) } : {}),
      ...('status' in claim && claim.status ? { status: claim.status.verb } : {}),
      verdict: judgement.verdict,
      reason: judgement.reason,
      ...(language === 'en' ? { reasonEn: judgement.reasonEn } : {}),
      evidence,
    });
  }
  const summary = Object.fromEntries(Verdict.options.map((v) => [v, checked.filter((c) => c.verdict === v).length])) as Record<
    Verdict,
    number
  >;
  return { claims: checked, summary, ms: Math.round(performance.now() - started) };
}
