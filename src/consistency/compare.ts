// Verdicts: how a draft claim stands against the prior commitments matched to it. A figure is compared, after
// unit conversion and period by period, with the latest annual target before it, the multi-year targets that
// cover it and the latest achieved level; a project or initiative statement with what its status verb does to
// the commitments that name it.
import { defined } from '../domain/defined.ts';
import type { Observation, ObservationKind } from '../domain/schemas.ts';
import type { EntityClaim, FigureClaim } from './claims.ts';
import { lowerIsBetter } from './names.ts';
import { isSpan, overlaps, parsePeriod, periodLabel, type YearSpan } from '../domain/periods.ts';
import type { Verdict } from './report.ts';
import { convert } from './units.ts';

export interface Judgement {
  verdict: Verdict;
  reason: string;
  reasonEn: string;
  /** The prior figures the verdict rests on, most telling first. */
  basis: Observation[];
}

const TARGET_KINDS: ReadonlySet<ObservationKind> = new Set(['target', 'growth_target']);
const CHANGE_KINDS: ReadonlySet<ObservationKind> = new Set(['growth', 'growth_target']);

export function isTarget(kind: ObservationKind): boolean {
  return TARGET_KINDS.has(kind);
}

/** Whether two kinds state the same sort of figure: a level (or share) or a change. */
export function sameMeasure(a: ObservationKind, b: ObservationKind): boolean {
  return CHANGE_KINDS.has(a) === CHANGE_KINDS.has(b);
}

interface Dated {
  observation: Observation;
  span: YearSpan;
  /** The value in the claim's unit. */
  value: number;
}

const TOLERANCE = 1e-9;

const BOUNDS_EN: Readonly<Record<string, string>> = { 以上: '≥', 以内: '≤', 左右: 'about ' };

function formatValue(value: number, unit: string, comparator: string | null, language: 'zh' | 'en' = 'zh'): string {
  const number = `${Number(value.toFixed(4))}${unit}`;
  if (!comparator || !(comparator in BOUNDS_EN)) return number;
  return language === 'zh' ? number + comparator : BOUNDS_EN[comparator] + number;
}

function describe(d: Dated, unit: string, language: 'zh' | 'en'): string {
  const o = d.observation;
  const what = isTarget(o.kind) ? (language === 'zh' ? '目标' : ' target') : language === 'zh' ? '实际' : ' actual';
  const value = formatValue(d.value, unit, o.comparator, language);
  return language === 'zh' ? `${periodLabel(d.span, 'zh')}${what}(${value})` : `the ${periodLabel(d.span, 'en')}${what} (${value})`;
}

/** The figures a reason names, each said once (a target restated in two places is one target). */
function describeAll(items: Dated[], unit: string, language: 'zh' | 'en'): string {
  return [...new Set(items.map((d) => describe(d, unit, language)))].join(language === 'zh' ? '、' : ', ');
}

function latest(items: Dated[]): Dated[] {
  const end = Math.max(...items.map((d) => d.span.end));
  return items.filter((d) => d.span.end === end);
}

/** Judges a figure of the draft against the prior figures of the same indicator (already matched by name and unit). */
export function judgeFigure(claim: FigureClaim, priors: Observation[], draftYear: number | null): Judgement {
  const claimSpan = parsePeriod(claim.period) ?? (draftYear === null ? null : { start: draftYear, end: draftYear });
  const dated: Dated[] = priors.flatMap((observation) => {
    const span = parsePeriod(observation.period);
    const value = convert(observation.value, observation.unit, claim.unit);
    return span && value !== null && sameMeasure(observation.kind, claim.observationKind) ? [{ observation, span, value }] : [];
  });
  if (dated.length === 0 || claimSpan === null) return novelFigure(claim, priors);
  const lower = lowerIsBetter(claim.subject, [claim.comparator, ...dated.map((d) => d.observation.comparator)]);
  const ambition = (value: number) => (lower ? -value : value);
  const lessAmbitious = (d: Dated) => ambition(claim.value) < ambition(d.value) - TOLERANCE;
  const before = dated.filter((d) => d.span.end <= claimSpan.end);
  const targets = before.filter((d) => isTarget(d.observation.kind));
  const actuals = before.filter(
    (d) => !isTarget(d.observation.kind) && d.span.end < claimSpan.start + (isTarget(claim.observationKind) ? 0 : 1),
  );
  const annualTargets = targets.filter((d) => !isSpan(d.span));
  const spanTargets = dated.filter((d) => isTarget(d.observation.kind) && isSpan(d.span) && overlaps(d.span, claimSpan));

  if (!isTarget(claim.observationKind)) return judgeResult(claim, claimSpan, dated, lessAmbitious);

  const claimIsSpan = isSpan(claimSpan);
  // A multi-year claim answers to the multi-year commitments; an annual one to the latest annual target.
  const commitments = claimIsSpan
    ? spanTargets.length
      ? spanTargets
      : annualTargets.length && !claim.flow
        ? latest(annualTargets)
        : []
    : annualTargets.length
      ? latest(annualTargets)
      : [];
  // A level below a multi-year level target is on its way there; a yearly amount cannot be set against a total.
  const levelTargets = claim.flow || claimIsSpan ? [] : spanTargets;
  // The latest result of one year, or of a span (五年来) when no single year is stated.
  const yearlyActuals = actuals.filter((d) => !isSpan(d.span));
  const achieved = latest(yearlyActuals.length ? yearlyActuals : actuals);
  // Several targets for one period (确保7.5%、力争8%): matching the firm one keeps the commitment.
  const weakerThan = commitments.every(lessAmbitious) ? commitments.filter(lessAmbitious) : [];
  const belowLevelTargets = levelTargets.filter(lessAmbitious);
  // Going below an achieved level goes backwards; a lower growth rate or a smaller yearly amount does not.
  const belowAchieved = claim.flow || CHANGE_KINDS.has(claim.observationKind) ? [] : achieved.filter(lessAmbitious);
  const unit = claim.unit;
  const value = formatValue(claim.value, unit, claim.comparator);
  const valueEn = formatValue(claim.value, unit, claim.comparator, 'en');
  const list = (items: Dated[], language: 'zh' | 'en') => describeAll(items, unit, language);
  const worse = lower ? '高于' : '低于';
  const worseEn = lower ? 'above' : 'below';

  if (belowAchieved.length && (weakerThan.length || belowLevelTargets.length)) {
    const promised = [...weakerThan, ...belowLevelTargets];
    return {
      verdict: 'conflict',
      reason: `${value}${worse}${list(promised, 'zh')}，也${worse}已达到的${list(belowAchieved, 'zh')}，与已有承诺的方向相反。`,
      reasonEn: `${valueEn} is ${worseEn} ${list(promised, 'en')} and even ${worseEn} ${list(belowAchieved, 'en')}: it reverses the committed trajectory.`,
      basis: [...promised, ...belowAchieved, ...dated.filter((d) => !promised.includes(d) && !belowAchieved.includes(d))].map(
        (d) => d.observation,
      ),
    };
  }
  if (weakerThan.length) {
    return {
      verdict: 'weaker_than_commitment',
      reason: `${value}${worse}${list(weakerThan, 'zh')}，比已有承诺弱。`,
      reasonEn: `${valueEn} is ${worseEn} ${list(weakerThan, 'en')}: less ambitious than the prior commitment.`,
      basis: [...weakerThan, ...dated.filter((d) => !weakerThan.includes(d))].map((d) => d.observation),
    };
  }
  const reference = commitments.length ? commitments : spanTargets.length ? spanTargets : latest(dated);
  // `dated` is not empty here, so neither is its latest.
  const kept = isTarget(defined(reference[0], 'reference figure').observation.kind);
  return {
    verdict: 'consistent',
    reason: kept
      ? `${value}不${worse}${list(reference, 'zh')}，与已有承诺一致。`
      : `${value}延续了以往报告中的${list(reference, 'zh')}，没有与之相悖的承诺。`,
    reasonEn: kept
      ? `${valueEn} is at least as ambitious as ${list(reference, 'en')}: consistent with the prior commitment.`
      : `${valueEn} continues ${list(reference, 'en')}; no prior commitment contradicts it.`,
    basis: [...reference, ...dated.filter((d) => !reference.includes(d))].map((d) => d.observation),
  };
}

/** A reported result: the same period stated differently before contradicts it; a missed target weakens it. */
function judgeResult(claim: FigureClaim, span: YearSpan, dated: Dated[], lessAmbitious: (d: Dated) => boolean): Judgement {
  const unit = claim.unit;
  const value = formatValue(claim.value, unit, claim.comparator);
  const valueEn = formatValue(claim.value, unit, claim.comparator, 'en');
  const samePeriod = dated.filter((d) => d.span.start === span.start && d.span.end === span.end);
  const stated = samePeriod.filter((d) => !isTarget(d.observation.kind));
  const differing = stated.filter((d) => Math.abs(d.value - claim.value) > Math.max(1e-6, Math.abs(d.value) * 0.005));
  if (stated.length && differing.length === stated.length) {
    return {
      verdict: 'conflict',
      reason: `${value}与以往报告所述${describeAll(differing, unit, 'zh')}不符。`,
      reasonEn: `${valueEn} differs from ${describeAll(differing, unit, 'en')} stated before.`,
      basis: [...differing, ...dated.filter((d) => !differing.includes(d))].map((d) => d.observation),
    };
  }
  const targets = samePeriod.filter((d) => isTarget(d.observation.kind));
  const missed = targets.filter(lessAmbitious);
  if (missed.length) {
    return {
      verdict: 'weaker_than_commitment',
      reason: `${value}未达到${describeAll(missed, unit, 'zh')}。`,
      reasonEn: `${valueEn} falls short of ${describeAll(missed, unit, 'en')}.`,
      basis: [...missed, ...dated.filter((d) => !missed.includes(d))].map((d) => d.observation),
    };
  }
  const reference = stated.length ? stated : targets.length ? targets : latest(dated);
  return {
    verdict: 'consistent',
    reason: `${value}与以往报告中的${describeAll(reference, unit, 'zh')}相符。`,
    reasonEn: `${valueEn} agrees with ${describeAll(reference, unit, 'en')}.`,
    basis: [...reference, ...dated.filter((d) => !reference.includes(d))].map((d) => d.observation),
  };
}

function novelFigure(claim: FigureClaim, priors: Observation[]): Judgement {
  return {
    verdict: 'novel',
    reason: `以往报告中没有与“${claim.subject}”可比的指标或承诺。`,
    reasonEn: `No earlier report states a comparable figure for “${claim.subject}”.`,
    basis: priors,
  };
}

export interface EntityPrior {
  /** Prior passages that name the entity. */
  passages: Array<{ text: string }>;
  /** The earliest deadline a prior passage sets for it (建成 by that year), if any. */
  deadline: number | null;
}

/** Judges a project or initiative statement against the prior passages that name the same entity. */
export function judgeEntity(claim: EntityClaim, prior: EntityPrior): Omit<Judgement, 'basis'> {
  const name = claim.subject;
  if (prior.passages.length === 0) {
    return {
      verdict: 'novel',
      reason: `以往报告没有提到“${name}”，这是新的内容。`,
      reasonEn: `No earlier report mentions “${name}”: this is new.`,
    };
  }
  const verb = claim.status;
  if (verb?.effect === 'reverses') {
    return {
      verdict: 'conflict',
      reason: `草案“${verb.verb}”${name}，与以往报告推进该项工作的承诺相反。`,
      reasonEn: `The draft says “${verb.verb}” for ${name}, reversing the earlier commitment to carry it out.`,
    };
  }
  if (verb?.effect === 'shrinks') {
    return {
      verdict: 'weaker_than_commitment',
      reason: `草案“${verb.verb}”${name}，比以往报告的承诺弱。`,
      reasonEn: `The draft says “${verb.verb}” for ${name}: it scales back the earlier commitment.`,
    };
  }
  if (verb?.effect === 'delays' || (claim.deadline !== null && prior.deadline !== null && claim.deadline > prior.deadline)) {
    const when = [prior.deadline !== null ? `原定${prior.deadline}年` : '', claim.deadline !== null ? `现为${claim.deadline}年` : '']
      .filter(Boolean)
      .join('，');
    return {
      verdict: 'weaker_than_commitment',
      reason: `草案推迟了${name}${when ? `(${when})` : ''}，比已有承诺弱。`,
      reasonEn: `The draft delays ${name}${prior.deadline !== null ? ` (committed for ${prior.deadline}${claim.deadline !== null ? `, now ${claim.deadline}` : ''})` : ''}: weaker than the commitment.`,
    };
  }
  return {
    verdict: 'consistent',
    reason: `以往报告已提出${name}，草案${verb ? `“${verb.verb}”` : ''}延续了这一承诺。`,
    reasonEn: `Earlier reports already commit to ${name}; the draft${verb ? ` (“${verb.verb}”)` : ''} continues it.`,
  };
}
