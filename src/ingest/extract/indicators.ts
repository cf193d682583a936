// Indicators and their numeric observations in a report: every figure (773.22亿元, 增长7%, 全省第八 …) is read
// with the metric it belongs to, what it states (a result, a growth rate, a share, or a target), the period it
// refers to and the qualifier around it (以上, 左右, 力争 …). Works sentence by sentence: the metric stands before
// the figure (地区生产总值773.22亿元), or after it when the figure counts a noun (建成7家养老服务中心), and a
// figure without words of its own continues the metric before it (…773.22亿元、增长7%; 分别达到A和B).
import { pinyin } from 'pinyin-pro';
import { stableId } from '../../domain/ids.ts';
import type { Comparator, Entity, Mention, Observation, ObservationKind } from '../../domain/schemas.ts';
import type { ExtractionContext, ExtractionParagraph } from './context.ts';
import {
  ASCII_INDICATORS, CHANGE_VERBS, COMPARED_WITH, FORWARD_WORDS, GROWTH_AFTER, LEVEL_AFTER_CHANGE, SHARE_PATTERN,
} from './indicators/lexicon.ts';
import {
  afterVerbs, asGroupOf, enumerationCount, indicatorName, isAttributeWord, isLeadOnly, isOnlyVerbs, nounPhraseAfter, splitMetrics, startsNoun,
  trimMetricText,
} from './indicators/metrics.ts';
import { documentYear, frameAt, paragraphFrames, statementPeriod, type FrameChange } from './indicators/periods.ts';
import { scanQuantities, type Quantity } from './indicators/quantities.ts';
import { peopleUnit, type UnitFamily } from './indicators/units.ts';

export interface IndicatorExtraction {
  indicators: Entity[];
  observations: Observation[];
  mentions: Mention[];
}

type Role = 'modifier' | 'pre' | 'post' | 'drop';

interface Token extends Quantity {
  role: Role;
  clauseStart: number;
  clauseEnd: number;
  /** Where the words belonging to this figure start (after the previous figure and what it consumed). */
  segStart: number;
  /** End of what this figure consumed: its qualifier, or the counted noun after it. */
  consumedEnd: number;
  noun: { start: number; text: string } | null;
}

interface Verb {
  direction: 1 | -1;
  /** 提高到 / 降至: a level reached, not a change. */
  level: boolean;
}

interface MetricRun {
  names: string[];
  full: string;
  /** Offset in the paragraph where the statement that named the metric begins. */
  textStart: number;
  verb: Verb | null;
  index: number;
}

const LEAGUE_VERBS = /入围|入选|评为|列入|跻身|进入|位列|荣膺|获|居/;
/** Verbs after which a Chinese numeral with a classifier counts what is done (完成五大城市门户), not a slogan. */
const COMPLETION_VERBS = ['完成', '建成', '新建', '新增', '建设', '创成', '启动'];
const RANK_SCOPES = [/(全国|全省|全市|全区|全县|全球|省内|市内)[\u4e00-\u9fa5]{0,8}$/, /(省|市)[\u4e00-\u9fa5]{0,8}$/];

/** Position of the last 、 outside brackets (工业强县(市、区)综合评价 has none), or -1. */
function lastTopLevelComma(text: string): number {
  let depth = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (text[i] === '、' && depth === 0) last = i;
  }
  return last;
}

/** Where the scope of a rank starts when no verb introduces it (生态环境公众满意度全市第一). */
function rankScope(seg: string): { index: number; text: string } {
  for (const pattern of RANK_SCOPES) {
    const match = pattern.exec(seg);
    if (match) return { index: match.index, text: match[0] };
  }
  return { index: seg.length, text: '' };
}
/** Verbs that also name what a figure measures about the things before (…项目2500个、完成投资5000亿元). */
const NOUN_LIKE_VERBS = /^(投资|投入|开工|竣工|签约|融资)$/;
const GROWTH_NAME = /(增速|增幅|增长率|增长速度|涨幅|降幅)$/;
const EXCEEDS = /(超过|超出|突破|首破|破|超|逾|均超)$/;

function spans(text: string, from: number, to: number, separators: RegExp): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (separators.test(text[i]!)) {
      if (i > start) result.push([start, i]);
      start = i + 1;
    }
  }
  if (to > start) result.push([start, to]);
  return result;
}

/** The last change verb in the words before a figure, and whether it states a level (提高到) instead. */
function verbIn(seg: string): Verb | null {
  let found: { at: number; verb: Verb } | null = null;
  for (const [word, direction] of CHANGE_VERBS) {
    const at = seg.lastIndexOf(word);
    if (at < 0 || (found && found.at >= at)) continue;
    const next = seg[at + word.length] ?? '';
    found = { at, verb: { direction, level: LEVEL_AFTER_CHANGE.includes(next) } };
  }
  if (!found && /(达到|达|为|控制在|保持在|稳定在)$/.test(seg)) return { direction: 1, level: true };
  return found?.verb ?? null;
}

/** The qualifier of a figure: its own bound (以上, 以内, 左右) first, then the words leading to it. */
function comparatorOf(token: Token, seg: string, lead: string): Comparator | null {
  if (token.qualifier === '以上' || token.approximate) return '以上';
  if (token.qualifier === '以下' || token.qualifier === '以内') return '以内';
  if (token.qualifier === '左右') return '左右';
  const bound = seg.trimEnd().replace(/每[人生户床亩吨]?每?[月年天日]?$/, '');
  if (EXCEEDS.test(bound) || /(不低于|不少于|高于|多于|最低|最少)$/.test(bound)) return '以上';
  if (/(低于|少于|不高于|不超过|最高|最多|最长)$/.test(bound)) return '以内';
  if (/(约|大约|近)$/.test(seg)) return '左右';
  for (const words of [seg, lead]) {
    if (words.includes('确保')) return '确保';
    if (words.includes('力争')) return '力争';
  }
  if (/(达到|达)$/.test(seg)) return '达到';
  return null;
}

function isShare(name: string): boolean {
  return SHARE_PATTERN.test(name);
}

/** What the figure states, before the plan/review frame is applied. */
function baseKind(token: Token, name: string, verb: Verb | null, seg: string): 'actual' | 'growth' | 'ratio' {
  if (token.family === 'multiple') return 'growth';
  if (token.family !== 'percent') return verb && !verb.level && COMPARED_WITH.test(seg) ? 'growth' : 'actual';
  if (token.unit === '个百分点' || token.unit === '百分点') return isShare(name) ? 'ratio' : 'growth';
  if ((verb && !verb.level) || GROWTH_NAME.test(name)) return 'growth';
  return isShare(name) ? 'ratio' : 'actual';
}

/** Marks figures that only qualify the noun of a later figure (5亿元以上项目24只, 四大千亿级产业集群). */
function markModifiers(text: string, tokens: Token[]): void {
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    // 20个3A级村落景区: the grade describes what the count counts.
    if (token.form === 'grade' && previous?.qualifierEnd === token.start && previous.family === 'count') token.role = 'modifier';
    if (token.qualifier === '级' && previous && previous.qualifierEnd === token.start && previous.clauseStart === token.clauseStart) {
      token.role = 'modifier';
    }
  });
  // 新开工3210个投资3000万元以上项目: a threshold inside the noun a count counts.
  tokens.forEach((token, i) => {
    if (token.role === 'modifier' || token.form !== 'measure' || !(token.qualifier || token.family === 'money')) return;
    const previous = tokens.slice(0, i).reverse().find((t) => t.role !== 'modifier');
    if (!previous || previous.clauseStart !== token.clauseStart || previous.family !== 'count') return;
    const between = text.slice(previous.qualifierEnd, token.start);
    if (between && /^[\u4e00-\u9fa5]+$/.test(between) && !/[和及与或]/.test(between) && startsNoun(between)
      && startsNoun(text.slice(token.qualifierEnd, token.clauseEnd))) token.role = 'modifier';
  });
  tokens.forEach((token, i) => {
    if (token.role === 'modifier' || (token.form !== 'measure' && token.form !== 'grade')) return;
    const after = text.slice(token.qualifierEnd, token.clauseEnd).replace(/^的/, '');
    if (token.qualifier !== '级' && !startsNoun(after)) return;
    const next = tokens.slice(i + 1).find((t) => t.role !== 'modifier');
    if (!next || next.clauseStart !== token.clauseStart || next.form !== 'measure') return;
    const between = text.slice(token.qualifierEnd, next.start);
    // Only a plain noun may stand between (项目24只); a verb in it (企业入围…) makes two statements.
    if (/[和及与、或,;]/.test(between) || nounPhraseAfter(between.replace(/^的/, '')).length < between.replace(/^的/, '').length) return;
    token.role = 'modifier';
  });
}

/** Decides for each figure whether it counts the noun after it, closes the words before it, or is no indicator. */
function assignRoles(text: string, tokens: Token[]): void {
  let consumed = -1;
  let previous: Token | null = null;
  tokens.forEach((token, i) => {
    if (token.role === 'modifier') return;
    if (previous && previous.clauseStart !== token.clauseStart) consumed = -1;
    token.segStart = Math.max(token.clauseStart, consumed);
    const seg = text.slice(token.segStart, token.start);
    const next = tokens.slice(i + 1).find((t) => t.role !== 'modifier' && t.clauseStart === token.clauseStart);
    const tail = text.slice(token.qualifierEnd, next ? next.start : token.clauseEnd);
    const noun = startsNoun(tail) ? nounPhraseAfter(tail) : '';
    const othersInClause = tokens.some((t) => t !== token && t.clauseStart === token.clauseStart && t.role !== 'modifier' && t.form !== 'streak');

    token.role = 'post';
    // 100天内, 3个月后: a time window, not a figure.
    if (token.family === 'time' && token.form === 'measure' && /^(内|后|前|来|间|期间|以来)/.test(text.slice(token.qualifierEnd))) token.role = 'drop';
    else if (token.form === 'streak' && othersInClause) token.role = 'drop';
    // 52家企业入围中国民营企业500强: the league only says which list the counted ones entered.
    else if (token.form === 'league' && (!LEAGUE_VERBS.test(seg) || othersInClause)) token.role = 'drop';
    else if (token.form === 'measure') {
      const trimmedSeg = seg.trim();
      const counts = noun.length >= 2 && (
        trimmedSeg.endsWith('等')
        || enumerationCount(seg) === token.value
        || (previous?.role === 'pre' && /^[和及与、]?$/.test(trimmedSeg))
      );
      if (token.chinese && token.family === 'count') {
        token.role = noun.length >= 2 ? 'pre' : 'drop';
      } else if (noun.length >= 2) {
        token.role = counts || isLeadOnly(seg) ? 'pre' : 'drop';
      }
    }
    if (token.role === 'pre') token.noun = { start: token.qualifierEnd, text: noun };
    token.consumedEnd = token.role === 'pre' ? token.qualifierEnd + noun.length : token.qualifierEnd;
    // A figure that is no indicator leaves its words to the next one (直接融资增量连续三年超百亿元).
    if (token.role !== 'drop') {
      consumed = token.consumedEnd;
      previous = token;
    }
  });
}

/**
 * A Chinese numeral with a classifier is mostly a slogan (四个全面, 一批企业, 二次创业); it counts only after 等,
 * after a completion verb (完成五大城市门户, 完成A、B、C三条精品线), or next to such a count (…和三条示范街).
 */
function isCountingChineseNumeral(text: string, token: Quantity, clauseStart: number, previous: Quantity | undefined): boolean {
  if (token.value <= 1) return false;
  const seg = text.slice(previous && previous.start >= clauseStart ? previous.qualifierEnd : clauseStart, token.start);
  const trimmed = seg.trim();
  if (trimmed.endsWith('等')) return true;
  if (COMPLETION_VERBS.includes(trimMetricText(seg).text || trimmed)) return true;
  if (COMPLETION_VERBS.some((v) => trimmed.startsWith(v)) && enumerationCount(seg) === token.value) return true;
  return /(^|[和及与、])$/.test(trimmed) && previous !== undefined && previous.start >= clauseStart;
}

interface Statement {
  token: Token;
  name: string;
  unit: string;
  surface: { start: number; text: string } | null;
  kind: ObservationKind;
  value: number;
  textStart: number;
  seg: string;
  lead: string;
}

/** Reads the metric of every figure in one sentence. */
function readSentence(text: string, tokens: Token[], frameIsPlan: (t: Token) => boolean): Statement[] {
  const statements: Statement[] = [];
  let run: MetricRun | null = null;
  const live = tokens.filter((t) => t.role === 'pre' || t.role === 'post');

  const continuationSize = (from: number): number => {
    let size = 1;
    for (const next of live.slice(from + 1)) {
      if (next.role !== 'post' || next.form !== 'measure') break;
      const seg = text.slice(next.segStart, next.start);
      if (trimMetricText(seg).text || verbIn(seg)) break;
      size++;
    }
    return size;
  };

  live.forEach((token, i) => {
    const seg = text.slice(token.segStart, token.start);
    const lead = text.slice(token.clauseStart, token.start);
    const trimmed = trimMetricText(seg);
    // Verbs are read after the metric only: 增加值 and 增长率 name metrics, they state no change.
    const growthAfter = token.family === 'percent' && GROWTH_AFTER.test(text.slice(token.qualifierEnd, token.clauseEnd));
    const ownVerb = verbIn(trimmed.text ? seg.slice(trimmed.offset + trimmed.text.length) : seg)
      ?? (growthAfter ? { direction: 1, level: false } : null);
    let name: string | null = null;
    let alsoNames: string[] = [];
    let surface: Statement['surface'] = null;
    let textStart = token.clauseStart;
    let verb = ownVerb;

    if (token.role === 'pre' && token.noun) {
      name = token.noun.text;
      surface = token.noun;
      run = { names: [name], full: name, textStart, verb: ownVerb, index: 0 };
    } else if (token.form === 'rank') {
      // 增幅居全国副省级城市第一: what is ranked, then (after 居/列/排名) among what.
      const verb = /(位居|位列|跃居|稳居|跻身|居于|居|列|排名|排)(?!.*(?:位居|位列|跃居|稳居|跻身|居|列|排名|排))/.exec(seg);
      const scope = verb ? { index: verb.index + verb[0].length, text: seg.slice(verb.index + verb[0].length) } : rankScope(seg);
      const ranked = seg.slice(0, verb ? verb.index : scope.index);
      const lastItem = ranked.slice(lastTopLevelComma(ranked) + 1);
      const before = trimMetricText(lastItem || ranked);
      const offset = token.segStart + (lastItem ? ranked.length - lastItem.length : 0) + before.offset;
      // 跻身全球科研城市第12位: nothing named before the verb, the scope is what the rank is of.
      const base = !before.text ? (run?.full ?? '') : isAttributeWord(before.text) && run ? run.full + before.text : indicatorName(before.text);
      if (base || scope.text) {
        name = `${base.replace(/排名$/, '')}${scope.text}排名`;
        if (before.text) surface = { start: offset, text: before.text };
        else textStart = run?.textStart ?? textStart;
      }
    } else if (token.form === 'league') {
      const verb = LEAGUE_VERBS.exec(seg);
      const verbAt = verb?.index ?? 0;
      const after = trimMetricText(seg.slice(verbAt + (verb?.[0].length ?? 0))).text;
      const before = trimMetricText(seg.slice(0, verbAt));
      name = after.length >= 4 ? after : `${before.text}${after}排名`;
      if (before.text) surface = { start: token.segStart + before.offset, text: before.text };
    } else if (token.form === 'streak') {
      const predicate = /^[^,;。、的(]{0,6}/.exec(text.slice(token.end, token.clauseEnd))?.[0] ?? '';
      const subject = trimMetricText(seg.replace(/连续$/, ''));
      if (subject.text) {
        name = `${subject.text}${predicate}年数`;
        surface = { start: token.segStart + subject.offset, text: subject.text };
      }
    } else if (token.unit === 'A级') {
      name = 'A级景区';
    } else if (run && trimmed.text && isOnlyVerbs(trimmed.text) && /^[\u4e00-\u9fa5]/.test(afterVerbs(run.full)) && afterVerbs(run.full) !== run.full) {
      // 关停企业74家、整治提升100家: another action on the same things.
      name = trimmed.text + afterVerbs(run.full);
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    } else if (run && NOUN_LIKE_VERBS.test(trimmed.text)) {
      // 重大项目2500个左右、完成投资5000亿元: the investment in them.
      name = run.full + trimmed.text;
      textStart = run.textStart;
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    } else if (!trimmed.text || (run && isOnlyVerbs(trimmed.text))) {
      const current: MetricRun | null = run;
      if (current) {
        if (ownVerb) { current.index = 0; current.verb = ownVerb; } else current.index += 1;
        verb = ownVerb ?? current.verb;
        name = current.names[Math.min(current.index, current.names.length - 1)]!;
        textStart = current.textStart;
      }
    } else if (trimmed.text.startsWith('占') && run) {
      name = `${run.full}${trimmed.text}${/(比重|比例)$/.test(trimmed.text) ? '' : '比重'}`;
      textStart = run.textStart;
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    } else if (isAttributeWord(trimmed.text) && run) {
      name = run.full + trimmed.text;
      textStart = run.textStart;
    } else if (run && asGroupOf(run.full, trimmed.text) !== null && trimmed.text.length <= 2) {
      name = asGroupOf(run.full, trimmed.text)!;
      textStart = run.textStart;
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    } else {
      const size = continuationSize(i);
      const names = splitMetrics(trimmed.text, size);
      run = { names, full: indicatorName(trimmed.text), textStart, verb: ownVerb, index: 0 };
      name = names[0]!;
      // 城镇和农村居民收入分别增长8%左右: one figure for each of the metrics.
      if (size === 1 && seg.includes('分别')) [name, ...alsoNames] = splitMetrics(trimmed.text, 2) as [string, ...string[]];
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    }
    if (!name) return;
    // 每人每月148元, 月人均增加158元: money per month or year, said between the metric and the figure.
    const between = trimmed.text ? seg.slice(trimmed.offset + trimmed.text.length) : seg;
    const perUnit = /每(?:[人生户床]每)?(月|年|天|日|人|亩)|(月|年)人均/.exec(between);
    const people = token.bare ? peopleUnit(token.unit, name) : null;
    const unit = people ?? (perUnit && token.family === 'money' && !token.unit.includes('/') ? `${token.unit}/${perUnit[1] ?? perUnit[2]}` : token.unit);
    // The name as written still says whether it is a rate (居民消费价格涨幅), even where the canonical name does not.
    const written = name;
    for (const indicator of new Set([name, ...alsoNames].map(indicatorName))) {
      if (indicator.length < 2 || !(/[\u4e00-\u9fa5]/.test(indicator) || ASCII_INDICATORS.test(indicator))) continue;
      // 实施18万人的…工程: a verb names no metric.
      if (isOnlyVerbs(indicator) && !NOUN_LIKE_VERBS.test(indicator)) continue;
      const kind0 = baseKind(token, GROWTH_NAME.test(written) ? written : indicator, verb, seg);
      const plan = frameIsPlan(token);
      const kind: ObservationKind = plan ? (kind0 === 'growth' ? 'growth_target' : 'target') : kind0;
      const value = kind0 === 'growth' && verb?.direction === -1 ? -token.value : token.value;
      statements.push({ token, name: indicator, unit, surface, kind, value, textStart, seg, lead });
    }
  });
  return statements.filter((statement, i) => !isPassedThreshold(statement, statements[i + 1]));
}

/** 首破百亿、达到103.72亿元: the threshold passed is said on the way to the figure itself. */
function isPassedThreshold(statement: Statement, next: Statement | undefined): boolean {
  return next !== undefined && next.name === statement.name && next.unit === statement.unit
    && EXCEEDS.test(statement.seg.trimEnd()) && /(达到|达)$/.test(next.seg) && next.value >= statement.value;
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
  const frames = paragraphFrames(ctx);
  const observations: Observation[] = [];
  const mentions: Mention[] = [];
  const entities = new Map<string, { entity: Entity; surfaces: Set<string>; families: Set<UnitFamily> }>();
  const mentionKeys = new Set<string>();

  ctx.paragraphs.forEach((paragraph, p) => {
    for (const statement of readParagraph(paragraph, frames[p]!, year)) {
      const { token, name, surface, kind, value, textStart, seg, lead, period, clauseEnd } = statement;
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
        comparator: comparatorOf(token, seg, lead),
        documentId: ctx.documentId,
        paragraphId: paragraph.id,
        text: paragraph.text.slice(textStart, clauseEnd),
        charStart,
        charEnd,
      });
      if (surface && surface.text) {
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

interface DatedStatement extends Statement {
  period: string;
  clauseEnd: number;
}

function readParagraph(paragraph: ExtractionParagraph, changes: FrameChange[], year: number | null): DatedStatement[] {
  const { text } = paragraph;
  const quantities = scanQuantities(text);
  if (quantities.length === 0) return [];
  const result: DatedStatement[] = [];
  for (const [sentenceStart, sentenceEnd] of spans(text, 0, text.length, /[。!?;]/)) {
    const clauses = spans(text, sentenceStart, sentenceEnd, /[,:]/);
    const tokens: Token[] = [];
    for (const q of quantities) {
      if (q.start < sentenceStart || q.start >= sentenceEnd) continue;
      const clause = clauses.find(([s, e]) => q.start >= s && q.start < e) ?? [sentenceStart, sentenceEnd];
      if (q.chinese && q.family === 'count' && !isCountingChineseNumeral(text, q, clause[0], tokens.at(-1))) continue;
      tokens.push({ ...q, role: 'post', clauseStart: clause[0], clauseEnd: clause[1], segStart: clause[0], consumedEnd: q.qualifierEnd, noun: null });
    }
    if (tokens.length === 0) continue;
    markModifiers(text, tokens);
    assignRoles(text, tokens);
    const sentence = text.slice(sentenceStart, sentenceEnd);
    const isPlan = (token: Token) => {
      const frame = frameAt(changes, token.start);
      if (frame.mode === 'plan' || (frame.mode === 'unknown' && FORWARD_WORDS.test(sentence))) return true;
      // 到2030年地区生产总值达到3.2万亿元, even when said in a review.
      const deadline = /(?:到|至)((?:19|20)\d{2})年/.exec(text.slice(token.clauseStart, token.end));
      return deadline !== null && year !== null && Number(deadline[1]) >= year;
    };
    for (const statement of readSentence(text, tokens, isPlan)) {
      const frame = frameAt(changes, statement.token.start);
      const clauseText = text.slice(statement.textStart, statement.token.clauseEnd);
      // Without a heading to go by, a forward-looking sentence speaks of the document's year.
      const plan = isPlan(statement.token);
      const dated = frame.mode !== 'plan' && plan && year !== null
        ? { mode: 'plan' as const, start: year, end: year }
        : { ...frame, mode: frame.mode === 'unknown' ? 'review' as const : frame.mode };
      // 从2011年的7037.28亿元提升到2016年的11050.49亿元: each figure is dated right before it.
      const dateBefore = /(?<!是|为|比|较|相当于)((?:19|20)\d{2})年(?:底|末)?的$/.exec(statement.seg);
      const period = dateBefore ? dateBefore[1]! : statementPeriod(dated, clauseText, year);
      result.push({ ...statement, period, clauseEnd: statement.token.clauseEnd });
    }
  }
  return result;
}
