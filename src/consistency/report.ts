// The shapes `check` and `track` answer with, shared by the CLI, the HTTP API (routes/consistency.ts) and the
// drafter page in the web UI; inputs are validated with these schemas.
import { z } from 'zod';

export const CheckRequest = z.object({
  text: z.string().min(1).max(200_000),
  language: z.enum(['zh', 'en']).optional(),
});
export type CheckRequest = z.infer<typeof CheckRequest>;

export const Verdict = z.enum(['consistent', 'conflict', 'weaker_than_commitment', 'novel']);
export type Verdict = z.infer<typeof Verdict>;

export const ClaimKind = z.enum(['indicator', 'project', 'initiative', 'quantity', 'deadline']);
export type ClaimKind = z.infer<typeof ClaimKind>;

export const Evidence = z.object({
  documentId: z.string(),
  paragraphId: z.string(),
  /** The prior paragraph the commitment is stated in. */
  text: z.string(),
  /** Offsets of the matched commitment in its document, when known. */
  charStart: z.number().int().optional(),
  charEnd: z.number().int().optional(),
  /** The matched prior commitment itself (the clause stating it). */
  quote: z.string().optional(),
  /** The period and kind of the prior figure (2017 target, 2016 actual …), when it is one. */
  period: z.string().optional(),
  kind: z.string().optional(),
  value: z.number().optional(),
  unit: z.string().optional(),
  comparator: z.string().nullable().optional(),
  /** What the passage is to the claim: the prior commitment, a reported result, or only related context. */
  role: z.enum(['commitment', 'result', 'related']).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const CheckClaim = z.object({
  id: z.string(),
  /** The draft sentence the claim is made in. */
  text: z.string(),
  /** Offsets of the claim in the draft (the figure or the named entity with its verb). */
  charStart: z.number().int(),
  charEnd: z.number().int(),
  kind: ClaimKind,
  /** Indicator, project or initiative name. */
  subject: z.string(),
  value: z.number().optional(),
  unit: z.string().optional(),
  period: z.string().optional(),
  comparator: z.string().optional(),
  status: z.string().optional(),
  verdict: Verdict,
  /** One sentence, in Chinese. */
  reason: z.string(),
  reasonEn: z.string().optional(),
  evidence: z.array(Evidence),
});
export type CheckClaim = z.infer<typeof CheckClaim>;

export const CheckReport = z.object({
  claims: z.array(CheckClaim),
  summary: z.record(Verdict, z.number().int()),
  ms: z.number(),
});
export type CheckReport = z.infer<typeof CheckReport>;

export const TrackQuery = z.object({
  place: z.string().trim().min(1).max(200).optional(),
  period: z
    .string()
    .trim()
    .regex(/^(?:19|20)\d{2}(?:-(?:19|20)\d{2})?$/, 'a year such as 2018')
    .optional(),
});
export type TrackQuery = z.infer<typeof TrackQuery>;

export const TrackFigure = z.object({
  value: z.number(),
  unit: z.string(),
  kind: z.string(),
  comparator: z.string().nullable(),
  text: z.string(),
  documentId: z.string(),
  paragraphId: z.string(),
});
export type TrackFigure = z.infer<typeof TrackFigure>;

export const TrackVerdict = z.enum(['met', 'exceeded', 'missed', 'not_reported']);
export type TrackVerdict = z.infer<typeof TrackVerdict>;

export const TrackPair = z.object({
  indicator: z.string(),
  period: z.string(),
  place: z.string().nullable(),
  target: TrackFigure,
  result: TrackFigure.nullable(),
  verdict: TrackVerdict,
});
export type TrackPair = z.infer<typeof TrackPair>;

export const SeriesInconsistency = z.object({
  indicator: z.string(),
  place: z.string().nullable(),
  /** The stated change (增长8%) that the two stated levels do not bear out. */
  change: TrackFigure.extend({ period: z.string() }),
  from: TrackFigure.extend({ period: z.string() }),
  to: TrackFigure.extend({ period: z.string() }),
  /** The change the two levels imply, in the change's unit. */
  implied: z.number(),
  reason: z.string(),
});
export type SeriesInconsistency = z.infer<typeof SeriesInconsistency>;

export const TrackReport = z.object({
  pairs: z.array(TrackPair),
  inconsistencies: z.array(SeriesInconsistency),
  summary: z.record(TrackVerdict, z.number().int()),
  ms: z.number(),
});
export type TrackReport = z.infer<typeof TrackReport>;
