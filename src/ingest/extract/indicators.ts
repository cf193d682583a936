// Indicators and their numeric observations in a report: every figure (773.22亿元, 增长7%, 全省第八 …) with the
// metric it belongs to, what it states (a result, a growth rate, a share, or a target), the period it refers to
// and its qualifier (以上, 左右, 力争 …). Paragraph by paragraph and sentence by sentence: quantities.ts finds the
// figures, tokens.ts decides their roles, statements.ts reads what each states, periods.ts dates it; this file
// records them as Indicator entities (one per normalised name, shared across documents), Observations and Mentions.
import { isSpan, parsePeriod } from '../../domain/periods.ts';
import { pinyin } from 'pinyin-pro';
import { defined } from '../../domain/defined.ts';
import { stableId } from '../../domain/ids.ts';
import type { Entity, Mention, Observation } from '../../domain/schemas.ts';
import type { ExtractionContext, ExtractionParagraph } from './context.ts';
import { FORWARD_WORDS } from './indicators/lexicon.ts';
import { indicatorName } from './indicators/metrics.ts';
import {
  changeYear,
  deliveredBeforePlanYear,
  documentYear,
  fiveYearPlanSpan,
  OPENS_WITH_PLAN_PERIOD,
  frameAt,
  paragraphFrames,
  statementPeriod,
  type FrameChanges,
} from './indicators/periods.ts';
import { type Quantity, scanQuantities } from './indicators/quantities.ts';
import { readSentence, type Statement } from './indicators/statements.ts';
import { sentenceTokens, spans, type Token } from './indicators/tokens.ts';
import type { UnitFamily } from './indicators/units.ts';

export interface IndicatorExtraction {
  indicators: Entity[];
  observations: Observation[];
  mentions: Mention[];
}

/**
 * A level or rate a plan sets for the year its sentence names as the deadline is that year's: 到2020年，…城镇化率达68.5% is
 * 2020's even under a 2016-2020 plan. Growth and amounts added up over the years keep the span, and so does a level
 * with no deadline named (a five-year goal).
 */
function levelPeriod(statement: { kind: string; name: string }, period: string, sentenceBefore: string): string {
  if ((statement.kind !== 'target' && statement.kind !== 'ratio') || /累计|新增|完成|投资|年均/.test(statement.name)) return period;
  const deadline = [...sentenceBefore.matchAll(/(?:到|至)((?:19|20)\d{2})年(?:底|末)?/g)].at(-1)?.[1];
  const span = parsePeriod(period);
  return deadline && span && isSpan(span) && Number(deadline) >= span.start && Number(deadline) <= span.end ? deadline : period;
}
/**
 * 起征点从2000元提高到3500元, 关税总水平由15.3%降到12%: the figure after 从 or 由 is the level before the change, the one
 * after 到 the period's.
 */
function isFromLevel(seg: string, afterFigure: string): boolean {
  return (
    // 由每人每年240元, 从年人均40元: a per-head qualifier may stand between 由 and the level.
    /[从由]\s*(?:每[人生户床亩吨]?每?[月年天日]?|[月年]?人均(?:每?[月年])?)?\s*$/.test(seg) &&
    /^[^，。；,;]*?(?:提高|增加|增长|提升|上升|扩大|下降|降低|减少|调整|回落|回升|缩小|收窄|调|升|降)(?:到|至)/.test(afterFigure)
  );
}

/**
 * The year before a one-year period (2011 → 2010). A span keeps its period: the level it started from is the
 * span's first figure (the seed's gold: 占比从28%提高到36.5% over 2012-2016, both of the span).
 */
function yearBefore(period: string): string | null {
  const span = parsePeriod(period);
  return span && !isSpan(span) ? String(span.start - 1) : null;
}

function indicatorEntity(name: string): Entity {
  return {
    id: stableId('ind', name),
    type: 'indicator',
    name,
    kind: null,
    aliases: [],
    pinyin: pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase().replace(/\s+/g, ''),
  };
}

/** The unit family an indicator is measured in: its level's family when it has one, else the rate's. */
function familyOf(families: Set<UnitFamily>): UnitFamily | null {
  const levels = [...families].filter((f) => f !== 'percent');
  return levels[0] ?? (families.size > 0 ? 'percent' : null);
}

export function extractObservations(ctx: ExtractionContext): IndicatorExtraction {
  const year = documentYear(ctx);
  const early = deliveredBeforePlanYear(ctx);
  const frames = paragraphFrames(ctx);
  const observations: Observation[] = [];
  const mentions: Mention[] = [];
  const entities = new Map<string, { entity: Entity; surfaces: Set<string>; families: Set<UnitFamily> }>();
  const mentionKeys = new Set<string>();

  ctx.paragraphs.forEach((paragraph, p) => {
    for (const statement of readParagraph(paragraph, defined(frames[p], 'frames of a paragraph'), year, early)) {
      const { token, name, surface, kind, value, comparator, textStart, period, clauseEnd } = statement;
      const record = entities.get(name) ?? { entity: indicatorEntity(name), surfaces: new Set<string>(), families: new Set<UnitFamily>() };
      entities.set(name, record);
      record.families.add(token.family);
      const charStart = paragraph.charStart + token.start;
      const charEnd = paragraph.charStart + token.end;
      observations.push({
        id: stableId('obs', ctx.documentId, charStart, charEnd, name),
        indicatorId: record.entity.id,
        indicator: name,
        value,
        unit: statement.unit,
        kind,
        period,
        comparator,
        documentId: ctx.documentId,
        paragraphId: paragraph.id,
        text: paragraph.text.slice(textStart, clauseEnd),
        charStart,
        charEnd,
      });
      if (surface?.text) {
        record.surfaces.add(surface.text);
        const key = `${record.entity.id}@${paragraph.charStart + surface.start}`;
        if (!mentionKeys.has(key)) {
          mentionKeys.add(key);
          mentions.push({
            entityId: record.entity.id,
            documentId: ctx.documentId,
            paragraphId: paragraph.id,
            surface: surface.text,
            charStart: paragraph.charStart + surface.start,
            charEnd: paragraph.charStart + surface.start + surface.text.length,
          });
        }
      }
    }
  });

  // Aliases are the other ways the text writes this indicator alone (实到外资 for 实际利用外资), not the wider
  // surfaces it was read from (城乡…收入 for 城镇…收入, 增幅 for a rank).
  const indicators = [...entities.values()].map(({ entity, surfaces, families }) => ({
    ...entity,
    kind: familyOf(families),
    aliases: [...surfaces].filter((s) => s !== entity.name && indicatorName(s) === entity.name).sort(),
  }));
  return { indicators, observations, mentions };
}

/** Whether a quantity (undefined past the last) starts before `offset`. */
function startsBefore(quantity: Quantity | undefined, offset: number): boolean {
  return quantity !== undefined && quantity.start < offset;
}

/** Words saying a figure adds up a period (累计完成, 共为, 总计). */
const ADDED_UP = /累计|共计|总计|合计|共为|共|总额/;
/** 去年 standing as a clause of its own after the sentence's opening one (…逐步提高，去年，…). */
const INNER_LAST_YEAR = /[，,]\s*去年\s*[，,]/;
const OPENS_WITH_DEADLINE = /^\s*(?:到|至)(?:19|20)\d{2}年(?:底|末)?[,，]/;
/** 五年共解决了67万人的温饱问题, 过去五年累计…, 五年新增…: in a review of one year, a sum over the government's five years. */
const FIVE_YEARS_BACK = /(?<!近)五年(?:来|间|中|里)?(?:共|累计|总共|合计|新增|共计)|(?:过去|这)五年/;
/** “九五”期间的宏观调控目标，…固定资产投资率为30%: the sentence sets a plan's goals, over the plan's years. */
const PLAN_GOALS = /(?:[“"][^”"]{1,4}[”"]|五年计划)(?:期间|时期)?的?[\u4e00-\u9fa5]{0,6}目标[是为:：]?[,，]/;
/** A clause dating its own figure (今年…, 2025年…) keeps its date against a plan named before it. */
const OWN_DATE = /(?:19|20)\d{2}年|今年|明年|本年/;

/** A year written right before a figure (2011年的7037亿元), not a multiple of it (是1978年的3.2倍). */
const DATED_BEFORE = /(?<!是|为|相当于)((?:19|20)\d{2})年(?:底|末)?的$/;

interface DatedStatement extends Statement {
  period: string;
  clauseEnd: number;
}

function readParagraph(paragraph: ExtractionParagraph, changes: FrameChanges, year: number | null, early: boolean): DatedStatement[] {
  const { text } = paragraph;
  const quantities = scanQuantities(text);
  if (quantities.length === 0) return [];
  const result: DatedStatement[] = [];
  // Quantities are in text order: each sentence gets its own run of them (scanning all per sentence was quadratic).
  let first = 0;
  for (const [sentenceStart, sentenceEnd] of spans(text, 0, text.length, /[。!?;]/)) {
    while (startsBefore(quantities[first], sentenceStart)) first++;
    let last = first;
    while (startsBefore(quantities[last], sentenceEnd)) last++;
    const tokens = sentenceTokens(text, quantities.slice(first, last), sentenceStart, sentenceEnd);
    if (tokens.length === 0) continue;
    const sentence = text.slice(sentenceStart, sentenceEnd);
    const isPlan = (token: Token) => {
      // A change dated to a past year by its own clause (1977年比1976年增长) is a result, in any part.
      const changed = changeYear(text.slice(token.clauseStart, token.clauseEnd), year);
      if (changed !== null && year !== null && changed < year) return false;
      // 比1958年的214亿元增长26%: the level a plan's change is measured from is an earlier year's result.
      const baseYear = DATED_BEFORE.exec(text.slice(token.clauseStart, token.start))?.[1];
      if (baseYear !== undefined && year !== null && Number(baseYear) < year) return false;
      const frame = frameAt(changes, token.start);
      // 今年 looks forward only in a report delivered in its plan's year.
      if (frame.mode === 'plan' || (frame.mode === 'unknown' && FORWARD_WORDS.test(early ? sentence.replaceAll('今年', '') : sentence)))
        return true;
      // 到2030年地区生产总值达到3.2万亿元, even when said in a review.
      const deadline = /(?:到|至)((?:19|20)\d{2})年/.exec(text.slice(token.clauseStart, token.end));
      return deadline !== null && year !== null && Number(deadline[1]) >= year;
    };
    for (const statement of readSentence(text, tokens, isPlan)) {
      const frame = frameAt(changes, statement.token.start);
      const clauseText = text.slice(statement.textStart, statement.token.clauseEnd);
      // Without a heading to go by, a forward-looking sentence speaks of the document's year.
      const plan = isPlan(statement.token);
      const dated =
        frame.mode !== 'plan' && plan && year !== null
          ? { mode: 'plan' as const, start: year, end: year }
          : { ...frame, mode: frame.mode === 'unknown' ? ('review' as const) : frame.mode };
      // 从2011年的7037.28亿元提升到2016年的11050.49亿元, 比1957年的126亿元增长70%: each figure is dated right before it
      // (是1978年的3.2倍 is a multiple, not that year's level).
      const dateBefore = DATED_BEFORE.exec(statement.seg)?.[1];
      // A figure continuing the metric of an earlier clause is dated by its own clause first (…，1978年又比1977年增长).
      const ownChange = changeYear(text.slice(statement.token.clauseStart, statement.token.clauseEnd), year);
      // “十二五”末，…年均增长10.1%: an average yearly change over a plan the sentence names is that plan's.
      // 第一个五年计划期间，…投资总额共为493亿元: an amount summed over a plan the sentence opens with is that plan's.
      const sentenceBefore = text.slice(sentenceStart, statement.token.start);
      // 一、2025年主要工作和“十四五”时期发展回顾 … 累计达4.2万亿元、年均增长1.2%: a yearly average or a sum in a
      // review of one year is over the plan its part heading names.
      const partPlan =
        frame.mode !== 'plan' && frame.start === frame.end && /年均|累计/.test(statement.seg)
          ? fiveYearPlanSpan(paragraph.headings[0] ?? '')
          : null;
      const planGoals = plan && PLAN_GOALS.test(sentenceBefore) && !OWN_DATE.test(clauseText);
      const planSpan =
        (/年均/.test(statement.seg) ||
        planGoals ||
        (OPENS_WITH_PLAN_PERIOD.test(sentenceBefore.trimStart()) && ADDED_UP.test(statement.seg))
          ? fiveYearPlanSpan(sentenceBefore)
          : null) ?? partPlan;
      const fiveYearsBack =
        year !== null &&
        frame.mode !== 'plan' &&
        !plan &&
        frame.start === frame.end &&
        // …，五年翻了一番，年均增长15.2%: a yearly average after the sentence names the five years is theirs too.
        (FIVE_YEARS_BACK.test(sentenceBefore) || (/年均/.test(statement.seg) && /(?<!近)五年/.test(sentenceBefore))) &&
        !OWN_DATE.test(clauseText)
          ? `${year - 5}-${year - 1}`
          : null;
      // 人民生活水平逐步提高，去年，全市职工年人均工资达40187元…: a 去年 set off inside the sentence dates what follows.
      const lastYear =
        year !== null && frame.mode !== 'plan' && INNER_LAST_YEAR.test(sentenceBefore) ? String(year - (early ? 2 : 1)) : null;
      const stated =
        dateBefore !== undefined
          ? dateBefore
          : ownChange !== null
            ? String(ownChange)
            : (planSpan ??
              fiveYearsBack ??
              lastYear ??
              statementPeriod(dated, clauseText, year, statement.token.end - statement.textStart));
      // A paragraph opening with its deadline (到2016年，…。城市化率超过71%) sets it for every sentence in it.
      const deadlineFrom = OPENS_WITH_DEADLINE.test(text) ? 0 : sentenceStart;
      const period = levelPeriod(statement, stated, text.slice(deadlineFrom, statement.token.start));
      const from = isFromLevel(statement.seg, text.slice(statement.token.end, statement.token.clauseEnd)) ? yearBefore(period) : null;
      // The level a plan raises (城市低保标准由596元提高到…) is one reached, not one planned.
      const kind = from !== null && statement.kind === 'target' ? 'actual' : statement.kind;
      result.push({ ...statement, kind, period: from ?? period, clauseEnd: statement.token.clauseEnd });
    }
  }
  return result;
}
