// Which part of the report a statement sits in (review of past years or plan for coming ones) and the period
// its figures refer to. The headings set the frame (回顾 → last year, 今后五年 → the coming five years);
// a sentence opening with a time phrase (五年来, 2016年, 今年) moves it for the rest of the part.
import type { ExtractionContext, ExtractionParagraph } from '../context.ts';
import { normalizeWidth, numeralYearsAsDigits } from '../../normalize.ts';

/** A heading as the extractors read paragraphs: width-normalised, years in digits. */
const normalizeHeading = (heading: string) => numeralYearsAsDigits(normalizeWidth(heading));
import { parseChineseNumeral } from './numbers.ts';

export type Mode = 'review' | 'plan' | 'unknown';

export interface Frame {
  mode: Mode;
  start: number | null;
  end: number | null;
}

// 一、1990年计划的执行情况 reviews last year's plan, whatever 计划 says.
const REVIEW_HEADING = /回顾|总结|过去|成绩|成就|以来|来的工作|取得|执行情况|完成情况/;
const PLAN_HEADING = /今后|未来|目标|任务|安排|计划|部署|打算|展望|建议|意见|重点工作|主要工作|工作要点/;
const YEAR = /((?:19|20)\d{2})年/;
const SPAN_BACK =
  /(?<![\d一二三四五六七八九十两])(?:过去|近|这)?([一二三四五六七八九十两]|10|\d)年(?:来|以来|间)|(?:过去的?|回首|回顾)([一二三四五六七八九十两]|10|\d)年/;
const SPAN_AHEAD = /(?:今后|未来)([一二三四五六七八九十两]|10|\d)年/;
/** Runs and base years further back than this are history, not the period of a figure. */
const MAX_SPAN_YEARS = 30;
const TERM = /本届政府(?:任期)?(?:以来|内)|本届政府期间/;
const SINCE_YEAR = /^\s*((?:19|20)\d{2})年以来/;
const LAST_YEAR_PHRASE = /^\s*(?:去年|过去的?一年|一年来)/;
/** Phrases that look back whatever part they stand in (过去的一年，…增长10.2% in a part about this year's work). */
const LOOKS_BACK = new RegExp(`${LAST_YEAR_PHRASE.source}|${SINCE_YEAR.source}`);
/** Words that may stand before a sentence's opening year: 预计2002年…, 初步统计，2002年… (an estimate of a year reviewed). */
const ESTIMATE_LEAD = /^\s*(?:据|经)?(?:预计|初步统计|初步核算|初步测算)[,，]?/;

function count(text: string): number | null {
  if (text === '两') return 2;
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

export function formatPeriod(frame: Frame): string {
  if (frame.start === null || frame.end === null) return 'unknown';
  return frame.start === frame.end ? String(frame.start) : `${frame.start}-${frame.end}`;
}

/**
 * A report delivered in the winter before the year its plan is for (1981-11-30, for 1982): its 今年 is the year under
 * review and its 明年 the plan's, where a report delivered in the plan's year says 今年 for the plan and 去年 for the review.
 */
export function deliveredBeforePlanYear(ctx: ExtractionContext): boolean {
  return ctx.year !== null && ctx.planYear !== undefined && ctx.planYear !== null && ctx.planYear === ctx.year + 1;
}

/**
 * The year figures are dated against, the plan's: given (the plan year of a report delivered the winter before), or
 * the document's, or read from a dated plan heading (2017年工作安排) or review heading (2016年工作回顾).
 */
export function documentYear(ctx: ExtractionContext): number | null {
  if (deliveredBeforePlanYear(ctx)) return ctx.planYear ?? null;
  if (ctx.year !== null) return ctx.year;
  for (const paragraph of ctx.paragraphs) {
    const part = normalizeHeading(paragraph.headings[0] ?? '');
    const year = YEAR.exec(part);
    if (!year) continue;
    if (REVIEW_HEADING.test(part)) return Number(year[1]) + 1;
    if (PLAN_HEADING.test(part)) return Number(year[1]);
  }
  return null;
}

/** Item numbering that opens a paragraph (1. / (一) / 一是). */
const NUMBERED = /^\s*(?:\d{1,3}[.、](?!\d)|[(][一二三四五六七八九十]+[)]|[一二三四五六七八九十]+是)/;

/**
 * Whether a part heading itself says review or plan. A dated heading says it by its year, as in headingFrame
 * (一、1993年的主要工作情况 in the 1994 report is a review, though 主要工作 often heads a plan).
 */
function headingModeOf(heading: string, year: number | null): Mode {
  const text = normalizeHeading(heading);
  if (REVIEW_HEADING.test(text)) return 'review';
  const dated = YEAR.exec(text);
  if (dated && year !== null) return Number(dated[1]) < year ? 'review' : 'plan';
  return PLAN_HEADING.test(text) || dated ? 'plan' : 'unknown';
}

/** The plan frame of the coming years a text names (今后五年 → the report's year and the four after it). */
function comingYears(text: string, year: number | null): Frame | null {
  const ahead = SPAN_AHEAD.exec(text)?.[1];
  const n = ahead === undefined ? null : count(ahead);
  return n && year !== null ? { mode: 'plan', start: year, end: year + n - 1 } : null;
}

/** The frame a time phrase sets, if the text holds one; `early`: the report was delivered before its plan's year. */
function frameFromPhrase(text: string, year: number | null, fallbackMode: Mode, early: boolean): Frame | null {
  const coming = comingYears(text, year);
  if (coming) return coming;
  // SPAN_BACK writes its span in one of two forms (三年来, 过去(的)五年), so exactly one of its groups is set.
  const [, recent, past] = SPAN_BACK.exec(text) ?? [];
  const back = recent ?? past;
  if (back !== undefined) {
    const n = count(back);
    if (n && year !== null) return { mode: 'review', start: year - n, end: year - 1 };
  }
  if (TERM.test(text) && year !== null) return { mode: 'review', start: year - 5, end: year - 1 };
  // 1998年以来 (in the 2003 report): the years since then, up to the last one reviewed.
  const since = SINCE_YEAR.exec(text);
  if (since && year !== null && Number(since[1]) < year - 1 && year - Number(since[1]) <= MAX_SPAN_YEARS) {
    return { mode: 'review', start: Number(since[1]), end: year - 1 };
  }
  const explicit = YEAR.exec(text);
  if (explicit) {
    const y = Number(explicit[1]);
    if (year === null) return { mode: fallbackMode, start: y, end: y };
    if (y >= year - 6 && y <= year + 10) return { mode: y < year ? 'review' : 'plan', start: y, end: y };
  }
  if (early && /^\s*今年/.test(text) && year !== null) return { mode: 'review', start: year - 1, end: year - 1 };
  if (/^(今年|明年)/.test(text) && year !== null) return { mode: 'plan', start: year, end: year };
  if (early && /^\s*去年/.test(text) && year !== null) return { mode: 'review', start: year - 2, end: year - 2 };
  if (LAST_YEAR_PHRASE.test(text) && year !== null) return { mode: 'review', start: year - 1, end: year - 1 };
  return null;
}

/**
 * The frame a part heading opens: its mode, and the period its wording or year gives. A heading that says
 * neither (a topic such as 深化改革开放) continues the part before it, as does an undated one of the same mode.
 */
function headingFrame(heading: string, year: number | null, previous: Frame, early: boolean): Frame {
  const text = normalizeHeading(heading);
  const mode: Mode = REVIEW_HEADING.test(text) ? 'review' : PLAN_HEADING.test(text) ? 'plan' : 'unknown';
  const explicit = YEAR.exec(text);
  if (explicit && year !== null) {
    // A dated heading speaks of that year, whatever its wording (2013年主要工作 in a 2014 report is a review).
    const y = Number(explicit[1]);
    return { mode: y < year ? 'review' : 'plan', start: y, end: y };
  }
  // 二、“十三五”的奋斗目标和主要任务: a part on a five-year plan starting this year or the next plans over its years.
  const plan = fiveYearPlan(text);
  if (mode !== 'review' && year !== null && plan && plan.start >= year && plan.start <= year + 1) return { mode: 'plan', ...plan };
  const phrase = frameFromPhrase(text, year, mode, early);
  if (phrase) return { ...phrase, mode: mode === 'unknown' ? phrase.mode : mode };
  if (mode === 'unknown' || mode === previous.mode) return previous;
  return defaultFrame(mode, year);
}

function defaultFrame(mode: Mode, year: number | null): Frame {
  if (year === null) return { mode, start: null, end: null };
  if (mode === 'plan') return { mode, start: year, end: year };
  return { mode, start: year - 1, end: year - 1 };
}

/** A sentence opening with the year an assessment or award was of (2022年度…考核获…, 2023年度…评估). */
const ASSESSED_YEAR = /^\s*(?:19|20)\d{2}年度[^。]*?(?:考核|考评|评估|评价|评比|评选|表彰)/;

/** A clause opening on a year, 今年 or 明年; 刚刚过去的2010年 opens on its year as the year itself does. */
const DATED_OPENING = /^\s*(?:(?:刚刚|刚)?过去的)?(?:(?:19|20)\d{2}年|今年|明年)/;

/** The time phrase a sentence opens with (its first clause, or a clause that is nothing else). */
function openingPhrase(sentence: string): string | null {
  const clauses = sentence.replace(ESTIMATE_LEAD, '').split(/[,:;]/);
  const first = clauses[0] ?? '';
  if (SPAN_AHEAD.test(first) || SPAN_BACK.test(first) || TERM.test(first) || DATED_OPENING.test(first) || LAST_YEAR_PHRASE.test(first))
    return first;
  const bare = clauses.find((c) => /^\s*(?:[一二三四五六七八九十两\d]{1,2}年来|过去的?[一二三四五六七八九十两\d]{1,2}年)\s*$/.test(c));
  // 从国债投资的效果看,两年来… / 特别需要指出的是,刚刚过去的2015年…: a clause that only frames what follows leaves the
  // time phrase to the next one.
  const second = clauses[1] ?? '';
  if (!bare && /^\s*从.{1,16}(?:看|来看|而言)$/.test(first) && (SPAN_BACK.test(second) || SPAN_AHEAD.test(second))) return second;
  if (!bare && /^\s*[^,]{0,10}的是$/.test(first) && DATED_OPENING.test(second)) return second;
  return bare ?? null;
}

export interface FrameChange {
  /** Offset within the paragraph text from which the frame holds. */
  at: number;
  frame: Frame;
}

/** A paragraph's frames in text order: the one it opens with (at 0), then one for each time phrase in it. */
export type FrameChanges = [FrameChange, ...FrameChange[]];

/**
 * For each paragraph, the frames in force: the first holds from its start, later ones from the sentence whose
 * opening time phrase set them. Frames carry over to later paragraphs of the same part.
 */
export function paragraphFrames(ctx: ExtractionContext): FrameChanges[] {
  const year = documentYear(ctx);
  const early = deliveredBeforePlanYear(ctx);
  let currentPart: string | undefined;
  let currentSection: string | undefined;
  let frame: Frame = defaultFrame('unknown', year);
  /** The frame of the part's own lines: a time phrase inside one section (2007年，…) does not carry into the next. */
  let partFrame = frame;
  let headingMode: Mode = 'unknown';
  return ctx.paragraphs.map((paragraph: ExtractionParagraph) => {
    const part = paragraph.headings[0];
    // headings: part, then its section if the paragraph has one, then its task if it has one.
    const section = paragraph.headings.length > (paragraph.taskNumber !== null ? 2 : 1) ? paragraph.headings[1] : undefined;
    if (part !== currentPart) {
      currentPart = part;
      frame = part === undefined ? defaultFrame('unknown', year) : headingFrame(part, year, frame, early);
      partFrame = frame;
      headingMode = part === undefined ? 'unknown' : headingModeOf(part, year);
    } else if (section !== currentSection && section !== undefined) frame = partFrame;
    currentSection = section;
    for (const sub of paragraph.headings.slice(1)) {
      const phrase = openingPhrase(normalizeHeading(sub));
      const subFrame = phrase ? frameFromPhrase(phrase, year, frame.mode, early) : null;
      if (subFrame) frame = { ...subFrame, mode: frame.mode === 'unknown' ? subFrame.mode : frame.mode };
    }
    const changes: FrameChanges = [{ at: 0, frame }];
    let local = frame;
    const item = paragraph.taskNumber !== null || NUMBERED.test(paragraph.text);
    const sentences = [...paragraph.text.matchAll(/[^。!?;]+[。!?;]?/g)];
    sentences.forEach((match, index) => {
      // A last sentence without figures is a transition (…。五年来,我们始终…。) rather than a statement of its own.
      const transition = index === sentences.length - 1 && !/\d/.test(match[0]);
      const opening = index === 0 || (item && index === 1) || transition;
      const phrase = openingPhrase(match[0].replace(NUMBERED, ''));
      const next = phrase ? frameFromPhrase(phrase, year, local.mode, early) : null;
      if (!next) return;
      // Under a heading that says review or plan, a dated sentence does not change which; without one it does.
      // 过去的一年，… in a part about this year's work looks back for the rest of its paragraph only.
      const backInPlan = headingMode === 'plan' && phrase !== null && LOOKS_BACK.test(phrase);
      const dated = { ...next, mode: headingMode === 'unknown' || backInPlan ? next.mode : headingMode };
      // 2022年度巩固脱贫成果后评估考核获…: the year an assessment was of dates its own sentence, not the ones after it.
      if (ASSESSED_YEAR.test(match[0])) {
        changes.push({ at: match.index, frame: dated }, { at: match.index + match[0].length, frame: local });
        return;
      }
      local = dated;
      changes.push({ at: match.index, frame: local });
      // A time phrase opening a paragraph (or an item, after its title), or a transition, speaks for the
      // paragraphs that follow; one in between only for the rest of its paragraph.
      if (opening && !backInPlan) frame = local;
    });
    if (section === undefined) partFrame = frame;
    return changes;
  });
}

export function frameAt(changes: FrameChanges, offset: number): Frame {
  let found = changes[0].frame;
  for (const change of changes) if (change.at <= offset) found = change.frame;
  return found;
}

/**
 * The year a clause dates a change to when it compares two years (1977年比1976年增长 / 1978年又比1977年增长: the
 * first), whatever the part it stands in; null when it compares none, or a year after the report's.
 */
export function changeYear(clause: string, year: number | null): number | null {
  const pair = /((?:19|20)\d{2})年(?:又|再|还)?(?:比|较)((?:19|20)\d{2})年/.exec(clause);
  if (!pair || Number(pair[2]) >= Number(pair[1]) || (year !== null && Number(pair[1]) > year)) return null;
  return Number(pair[1]);
}

/**
 * The period of one statement: the frame's, unless the clause dates itself — 连续三年 before the figure (a run ending with the
 * frame), 较2014年 / 比2011年底 (a change since then, in a review), 到2020年 (a deadline in a plan), or a year of its own.
 */
export function statementPeriod(frame: Frame, clause: string, year: number | null, figureEnd = clause.length): string {
  // 粮食产量1395.4万吨、连续四年面积和产量双增长: a run said after the figure is of another predicate.
  const streak = /连续([一二三四五六七八九十\d]{1,2})年/.exec(clause.slice(0, figureEnd))?.[1];
  if (streak !== undefined && frame.end !== null) {
    const n = count(streak);
    if (n && n <= MAX_SPAN_YEARS) return formatPeriod({ ...frame, start: frame.end - n + 1 });
  }
  const changed = changeYear(clause, year);
  if (changed !== null) return String(changed);
  if (frame.mode !== 'plan') {
    // 钢产量在1952年是135万吨: a review's figure dated in its own clause, however long ago.
    // 粮食总产量在1992年首次达到100亿公斤: an adverb may stand between.
    const dated = /在((?:19|20)\d{2})年(?:底|末)?(?:首次|首度|就|已经?|曾)?(?:是|为|有|只有|仅有|达到|突破|超过)[^年]*$/.exec(clause)?.[1];
    if (dated !== undefined && (year === null || Number(dated) <= year)) return dated;
    const since = /(?:较|比|是|为|相当于)((?:19|20)\d{2})年(?:底|末)?/.exec(clause);
    const from = since ? Number(since[1]) : null;
    // 比1981年增长 in the review of 1982 is that one year's change, not a span.
    if (from !== null && frame.end !== null && from === frame.end - 1 && frame.start === frame.end) return String(frame.end);
    // 比1992年增长1.74倍 in the review of 1997 is the change over 1993-1997: the base year's own change is not in it.
    if (from !== null && frame.end !== null && from < frame.end && frame.end - from <= MAX_SPAN_YEARS) {
      return formatPeriod({ ...frame, start: from + 1 });
    }
  } else {
    const deadline = /(?:到|至|于)((?:19|20)\d{2})年(?:底|末)?/.exec(clause)?.[1];
    if (deadline !== undefined) return deadline;
  }
  const own = /^\s*((?:19|20)\d{2})年(?!度)/.exec(clause)?.[1];
  if (own !== undefined && year !== null && Number(own) >= year - 6 && Number(own) <= year + 10) return own;
  // 《纲要》提出，今后五年国内生产总值年均增长7.5%: the coming years a clause names before its figure are its period.
  return formatPeriod(comingYears(clause.slice(0, figureEnd), year) ?? frame);
}

const PLAN_NUMERALS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
  十三: 13,
  十四: 14,
  十五: 15,
};
/** A five-year plan named by its number (“十二五”, 十三五时期, 第六个五年计划, 第一个五年计划). */
const FIVE_YEAR_PLAN =
  /[“"](十[一二三四五]?|[六七八九])五[”"]|(十[一二三四五]?|[六七八九])五(?=规划|时期|期间|末|以来)|第(十[一二三四五]?|[一二三四五六七八九])个五年(?:计划|(?=期间|时期|内))/g;
/** The first two plans (1953-1957, 1958-1962); the third started after three years of readjustment. */
const EARLY_PLAN_STARTS: Readonly<Record<number, number>> = { 1: 1953, 2: 1958 };

/**
 * The years of the last five-year plan a text names: from the third plan on (1966-1970) each starts five years after
 * the one before, so “十二五” is 2011-2015.
 */
function fiveYearPlan(text: string): { start: number; end: number } | null {
  const named = [...text.matchAll(FIVE_YEAR_PLAN)].at(-1);
  const numeral = named?.[1] ?? named?.[2] ?? named?.[3];
  const n = numeral === undefined ? undefined : PLAN_NUMERALS[numeral];
  if (n === undefined) return null;
  const start = EARLY_PLAN_STARTS[n] ?? (n >= 3 ? 1966 + 5 * (n - 3) : undefined);
  return start === undefined ? null : { start, end: start + 4 };
}

/** fiveYearPlan as a period (2011-2015). */
export function fiveYearPlanSpan(text: string): string | null {
  const plan = fiveYearPlan(text);
  return plan && formatPeriod({ mode: 'plan', ...plan });
}

/** A sentence opening with a plan's period (第一个五年计划期间，… / “十三五”时期，…): its sums are the plan's. */
export const OPENS_WITH_PLAN_PERIOD = /^[在]?(?:[“"][^”"]{1,4}[”"]|第[一二三四五六七八九十]{1,2}个五年(?:计划)?)(?:期间|时期)/;
