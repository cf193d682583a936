// Reading what each figure of a sentence states: the metric it belongs to (named before it, counted after it, or
// continued from the figure before: …773.22亿元、增长7%; 分别达到A和B), whether it is a level, a growth rate or a
// share, its sign and its qualifier (以上, 左右, 力争 …).
import type { Comparator, ObservationKind } from '../../../domain/schemas.ts';
import {
  ASCII_INDICATORS,
  ONE_CHARACTER_PRODUCTS,
  CHANGE_VERBS,
  COMPARED_WITH,
  GROWTH_AFTER,
  HEAD_NOUNS,
  LEAGUE_VERBS,
  LEVEL_AFTER_CHANGE,
  MEASURE_WORDS,
  SHARE_PATTERN,
} from './lexicon.ts';
import { afterVerbs, asGroupOf, indicatorName, isAttributeWord, isOnlyVerbs, splitMetrics, trimMetricText } from './metrics.ts';
import { tagDictionaryWords } from '../lexicon/jieba.ts';
import type { Token } from './tokens.ts';
import { peopleUnit } from './units.ts';

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
  /** The works the run's figures count actions on (保障性安居工程 of 新开工700万套，基本建成500万套). */
  works?: { text: string; start: number };
}

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
    if (words.includes('确保') || words.includes('保证')) return '确保';
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

export interface Statement {
  token: Token;
  name: string;
  unit: string;
  surface: { start: number; text: string } | null;
  kind: ObservationKind;
  value: number;
  comparator: Comparator | null;
  textStart: number;
  seg: string;
}

/** A figure per head (人均超过4000美元) is of a metric of its own, whatever the sentence opened with. */
const PER_HEAD = /人均|每/;
/** A preposition ends the metric a sentence opens with (外贸出口|从7月份开始回升). */
const AFTER_SUBJECT_TAGS = new Set(['p']);
/** Dates, which state no figure (从7月份开始). */
const DATES = /[0-9]+\s*(?:年|月份?|日|季度|号)/g;
/** The word classes a metric opens with (外贸出口, 城镇居民); a clause opening with a verb or adverb (有效发挥投资) names a work. */
const SUBJECT_TAGS = new Set(['n', 'nz', 'ns', 'nt', 'vn', 'j', 'l', 'ng']);
const SENTENCE_END = /[。!?;！？；]/;
/** A figure measured against the plan (超过年度计划, 超额完成计划): the run's metric goes on after it. */
const OVER_PLAN = /^(?:超过|超额完成|超出)(?:了)?(?:年度|全年)?计划$/;
const LEADING_YEAR = /^(?:19|20)\d{2}年(?:度|底|末)?的?/;

/** The first clause of the sentence a clause belongs to, when it comes before that clause, with its offset. */
function openingClause(text: string, clauseStart: number): { clause: string; start: number } | null {
  let start = clauseStart - 1;
  while (start > 0 && !SENTENCE_END.test(text.charAt(start - 1))) start--;
  const clause = /^[^,，、]*[,，]/.exec(text.slice(start, clauseStart))?.[0].slice(0, -1);
  return clause === undefined ? null : { clause, start };
}

/**
 * The metric a sentence opens with, in a clause of its own that states no figure (外贸出口从7月份开始大幅度回升，全年达到
 * 1949亿美元): for a figure whose clause names no metric.
 */
function sentenceSubject(text: string, clauseStart: number): { text: string; start: number } | null {
  const head = openingClause(text, clauseStart);
  // 1958年农业和农副业总产值，拟定为…: the year the sentence opens with dates the metric, it is no part of it.
  const dated = head ? (LEADING_YEAR.exec(head.clause)?.[0].length ?? 0) : 0;
  const start = (head?.start ?? 0) + dated;
  const first = head?.clause.slice(dated);
  if (!first || /[0-9]/.test(first.replace(DATES, ''))) return null;
  const words = tagDictionaryWords(first);
  const [opening] = words;
  if (!opening || !SUBJECT_TAGS.has(opening.tag)) return null;
  let at = 0;
  for (const word of words) {
    if (at > 0 && AFTER_SUBJECT_TAGS.has(word.tag)) break;
    at += word.word.length;
  }
  // The metric ends at its last head noun (财政收入占国内生产总值的比重; 农牧民人均纯收入|连续8年保持两位数增长).
  const phrase = first.slice(0, at);
  const headEnd = Math.max(
    ...HEAD_NOUNS.map((head) => {
      const i = phrase.lastIndexOf(head);
      return i < 0 ? -1 : i + head.length;
    }),
  );
  if (headEnd < 0) return null;
  const metric = trimMetricText(phrase.slice(0, headEnd));
  return metric.text.length >= 2 ? { text: metric.text, start: start + metric.offset } : null;
}

/** Actions that count works done (新开工700万套, 基本建成500万套), said alone before their figure. */
const WORKS_ACTIONS = '新开工|基本建成|开工建设|开工|建成|竣工';
const WORKS_ACTION = new RegExp(`^(?:再|又|共|全年)?(${WORKS_ACTIONS})$`);
const WORKS_ACTION_END = new RegExp(`(?:${WORKS_ACTIONS})$`);
/** A sentence opening with the works it goes on to count: 推进保障性安居工程建设, 加快棚户区改造. */
const WORKS_OPENING = /^(?:继续|加快|大力|全面|积极|着力|扎实)?(?:推进|实施|抓好|做好|加快)([\u4e00-\u9fa5]{2,12}?)(?:建设|工作)?$/;

/** The works a sentence's first clause names when it states no figure (推进保障性安居工程建设，…). */
function worksOpening(text: string, clauseStart: number): { text: string; start: number } | null {
  const head = openingClause(text, clauseStart);
  const match = head ? WORKS_OPENING.exec(head.clause) : null;
  const object = match?.[1];
  if (!head || !match || !object || /[0-9]/.test(object)) return null;
  return { text: object, start: head.start + match[0].indexOf(object) };
}

/** The works of a metric named with an action (保障性安居工程新开工 → 保障性安居工程), or null. */
function worksOfMetric(metric: string, start: number): { text: string; start: number } | null {
  const action = WORKS_ACTION_END.exec(metric);
  return action && action.index >= 2 ? { text: metric.slice(0, action.index), start } : null;
}

/** Reads the metric of every figure in one sentence. */
export function readSentence(text: string, tokens: Token[], frameIsPlan: (t: Token) => boolean): Statement[] {
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

  /** How many figures are listed from the one at `from` on (41.6%和40.4%, 2.7倍、2.5倍、2.4倍). */
  const listedAfter = (from: number): number => {
    let size = 1;
    for (const next of live.slice(from + 1)) {
      if (!/^[、,，和及与\s]*$/.test(text.slice(next.segStart, next.start))) break;
      size++;
    }
    return size;
  };

  /** A run over the last `size` metrics the sentence named, when it named that many (two or more). */
  const spreadOver = (size: number): MetricRun | null => {
    if (size < 2) return null;
    const named = new Map<string, number>();
    for (const statement of statements) {
      named.delete(statement.name);
      named.set(statement.name, statement.textStart);
    }
    const last = [...named].slice(-size);
    const [first] = last;
    if (last.length < size || !first) return null;
    return { names: last.map(([name]) => name), full: first[0], textStart: first[1], verb: null, index: 0 };
  };

  live.forEach((token, i) => {
    const seg = text.slice(token.segStart, token.start);
    const lead = text.slice(token.clauseStart, token.start);
    const trimmed = trimMetricText(seg);
    // Verbs are read after the metric only: 增加值 and 增长率 name metrics, they state no change.
    const growthAfter = token.family === 'percent' && GROWTH_AFTER.test(text.slice(token.qualifierEnd, token.clauseEnd));
    const ownVerb =
      verbIn(trimmed.text ? seg.slice(trimmed.offset + trimmed.text.length) : seg) ?? (growthAfter ? { direction: 1, level: false } : null);
    let name: string | null = null;
    let alsoNames: string[] = [];
    let surface: Statement['surface'] = null;
    let textStart = token.clauseStart;
    let verb = ownVerb;
    const action = WORKS_ACTION.exec((trimmed.text || seg).trim())?.[1] ?? null;
    const works = action ? (run ? (run.works ?? worksOfMetric(run.full, run.textStart)) : worksOpening(text, token.clauseStart)) : null;
    const openingMetric = !run && !trimmed.text && !PER_HEAD.test(seg) ? sentenceSubject(text, token.clauseStart) : null;
    // 居民消费价格总水平逐季回落，全年涨幅控制在5.6%: an attribute said alone is the attribute of the sentence's subject.
    const subject = !run && isAttributeWord(trimmed.text) ? sentenceSubject(text, token.clauseStart) : null;
    const attributeOf = run ?? (subject ? { full: subject.text, textStart: subject.start } : null);
    // What a measure word (总产) or a group word (城镇) after a metric of the run makes of it, for the branches below.
    const measured = run && MEASURE_WORDS.includes(trimmed.text) ? measuredThing(run.full) : null;
    const group = run && trimmed.text.length <= 2 ? asGroupOf(run.full, trimmed.text) : null;

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
      const base = !before.text
        ? (run?.full ?? '')
        : isAttributeWord(before.text) && run
          ? run.full + before.text
          : indicatorName(before.text);
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
    } else if (
      run &&
      trimmed.text &&
      isOnlyVerbs(trimmed.text) &&
      /^[\u4e00-\u9fa5]/.test(afterVerbs(run.full)) &&
      afterVerbs(run.full) !== run.full
    ) {
      // 关停企业74家、整治提升100家: another action on the same things.
      name = trimmed.text + afterVerbs(run.full);
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    } else if (run && NOUN_LIKE_VERBS.test(trimmed.text)) {
      // 重大项目2500个左右、完成投资5000亿元: the investment in them.
      name = run.full + trimmed.text;
      textStart = run.textStart;
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    } else if (action && works) {
      // 推进保障性安居工程建设，新开工700万套，基本建成500万套: each count is an action done to the works named.
      name = works.text + action;
      surface = { start: works.start, text: works.text };
      run = { names: [name], full: name, textStart: works.start, verb: ownVerb, index: 0, works };
      textStart = works.start;
    } else if (openingMetric) {
      // 外贸出口从7月份开始大幅度回升，全年达到1949亿美元: the metric the sentence opened with.
      name = indicatorName(openingMetric.text);
      surface = { start: openingMetric.start, text: openingMetric.text };
      run = { names: [name], full: name, textStart: openingMetric.start, verb: ownVerb, index: 0 };
      textStart = openingMetric.start;
    } else if (!trimmed.text || (run && isOnlyVerbs(trimmed.text))) {
      // 接待游客2.09亿人次，实现旅游收入3452.65亿元，分别增长41.6%和40.4%: one change for each metric named before, in order.
      const spread = seg.includes('分别') ? spreadOver(listedAfter(i)) : null;
      if (spread) run = spread;
      const current: MetricRun | null = run;
      if (current) {
        if (ownVerb) {
          current.index = 0;
          current.verb = ownVerb;
        } else if (!spread) current.index += 1;
        verb = ownVerb ?? current.verb;
        name = current.names[Math.min(current.index, current.names.length - 1)] ?? null;
        textStart = current.textStart;
      }
    } else if (OVER_PLAN.test(trimmed.text) && run) {
      // 工业总产值…628.1亿元，超过年度计划4.1%，比上一年增长6.9%: by how much the plan was beaten, the metric still the run's.
      name = `${run.full}${trimmed.text}`;
      textStart = run.textStart;
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    } else if (trimmed.text.startsWith('占') && run) {
      name = `${run.full}${trimmed.text}${/(比重|比例)$/.test(trimmed.text) ? '' : '比重'}`;
      textStart = run.textStart;
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    } else if (measured !== null) {
      // 棉花面积稳定在1600万亩，总产达到175万吨: the output of the cotton.
      name = measured + trimmed.text;
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    } else if (isAttributeWord(trimmed.text) && attributeOf) {
      name = attributeOf.full + trimmed.text;
      textStart = attributeOf.textStart;
    } else if (run && group !== null) {
      name = group;
      textStart = run.textStart;
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    } else {
      const size = continuationSize(i);
      const names = splitMetrics(trimmed.text, size);
      run = { names, full: indicatorName(trimmed.text), textStart, verb: ownVerb, index: 0 };
      name = names[0] ?? null;
      // 城镇和农村居民收入分别增长8%左右: one figure for each of the metrics.
      if (size === 1 && seg.includes('分别')) [name, ...alsoNames] = splitMetrics(trimmed.text, 2) as [string, ...string[]];
      surface = { start: token.segStart + trimmed.offset, text: trimmed.text };
    }
    if (!name) return;
    // 每人每月148元, 月人均增加158元: money per month or year, said between the metric and the figure.
    const between = trimmed.text ? seg.slice(trimmed.offset + trimmed.text.length) : seg;
    const perUnit = /每(?:[人生户床]每)?(月|年|天|日|人|亩)|(月|年)人均/.exec(between);
    const people = token.bare ? peopleUnit(token.unit, name) : null;
    const unit =
      people ??
      (perUnit && token.family === 'money' && !token.unit.includes('/') ? `${token.unit}/${perUnit[1] ?? perUnit[2]}` : token.unit);
    // The name as written still says whether it is a rate (居民消费价格涨幅), even where the canonical name does not.
    const written = name;
    for (const read of new Set([name, ...alsoNames].map(indicatorName))) {
      // 钢六千六百零四万吨: old reports list output by the product's one-character name.
      const indicator =
        ONE_CHARACTER_PRODUCTS.includes(read) && (token.family === 'weight' || token.family === 'percent') ? `${read}产量` : read;
      if (indicator.length < 2 || !(/[\u4e00-\u9fa5]/.test(indicator) || ASCII_INDICATORS.test(indicator))) continue;
      // 实施18万人的…工程: a verb names no metric.
      if (isOnlyVerbs(indicator) && !NOUN_LIKE_VERBS.test(indicator)) continue;
      const kind0 = baseKind(token, GROWTH_NAME.test(written) ? written : indicator, verb, seg);
      const plan = frameIsPlan(token);
      const kind: ObservationKind = plan ? (kind0 === 'growth' ? 'growth_target' : 'target') : kind0;
      // 涨幅回落到14.8%: a rate reached after a fall is that rate, not a fall by it.
      const value = kind0 === 'growth' && verb?.direction === -1 && !verb.level ? -token.value : token.value;
      statements.push({ token, name: indicator, unit, surface, kind, value, comparator: comparatorOf(token, seg, lead), textStart, seg });
    }
  });
  return statements.filter((statement, i) => !isPassedThreshold(statement, statements[i + 1]) && !isThresholdOfCount(statement, text));
}

/**
 * 人均纯收入过3000元的11个(县), 超过1000亿元的5个: a bound on what is counted after it states no level of its own
 * (总投资654亿元的155个项目 does: it is their total).
 */
function isThresholdOfCount(statement: Statement, text: string): boolean {
  const words = statement.seg.trimEnd();
  const bounded = EXCEEDS.test(words) || /(?<![通经度越穿])过$/.test(words) || statement.token.qualifier === '以上';
  return bounded && /^的[\d一二三四五六七八九十两几]/.test(text.slice(statement.token.qualifierEnd));
}

/** What a metric measures when it ends in a measure (棉花面积 → 棉花); none when it is no such metric. */
function measuredThing(metric: string): string | null {
  const measure = MEASURE_WORDS.find((m) => metric.endsWith(m));
  const thing = measure ? metric.slice(0, -measure.length) : null;
  return thing && thing.length >= 2 ? thing : null;
}

/** 首破百亿、达到103.72亿元: the threshold passed is said on the way to the figure itself. */
function isPassedThreshold(statement: Statement, next: Statement | undefined): boolean {
  return (
    next !== undefined &&
    next.name === statement.name &&
    next.unit === statement.unit &&
    EXCEEDS.test(statement.seg.trimEnd()) &&
    /(达到|达)$/.test(next.seg) &&
    next.value >= statement.value
  );
}
