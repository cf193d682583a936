// The direct answer: one or two sentences in the question's language that state what the cited passages say —
// an indicator's value with unit, place, period and kind; both values and their difference for a comparison;
// the tasks with their report; otherwise the most relevant sentence, quoted. Templates over the graph's facts
// (observations, tasks, documents), no language model; every claim names the passage it comes from.
import type { DocumentSummary } from '../../graph/store.ts';
import { defined } from '../domain/defined.ts';
import { adminStem } from '../geo/admin-stem.ts';
import { canonicalIndicatorsIn } from '../domain/indicator-names.ts';
import { isSpan, parsePeriod } from '../domain/periods.ts';
import type { Observation } from '../domain/schemas.ts';
import type { FusedPassage } from './fuse.ts';
import { policyWordsFor } from './everyday-words.ts';
import { askedYears } from './observations.ts';
import { pinyinReadings } from './pinyin-readings.ts';
import { planningYear, reportPlace, reportYearsNamed } from './scope.ts';

export interface Citation {
  /** The cited passage (its paragraph id, as in `passages`). */
  passageId: string;
  documentId: string;
  /** The words of the passage the claim rests on. */
  quote: string;
}

/** A figure the answer states, as the graph holds it. */
export interface AnswerFact {
  indicator: string;
  value: number;
  unit: string;
  period: string;
  kind: Observation['kind'];
  place: string | null;
  passageId: string;
}

export interface DirectAnswer {
  text: string;
  citations: Citation[];
  facts: AnswerFact[];
}

export interface AnswerTask {
  id: string;
  documentId: string;
  number: number;
  title: string;
}

export interface AnswerInputs {
  question: string;
  language: 'zh' | 'en';
  intent: string;
  passages: FusedPassage[];
  /** Observations of the linked indicators, and of the cited passages. */
  observations: Observation[];
  tasks: AnswerTask[];
  documents: DocumentSummary[];
  /** Reports the question names (place and year); their facts come first. */
  scope: Set<string>;
  /** Chinese terms an English question was translated into: they name its indicator. */
  terms: string[];
  /** How close in meaning each figure's clause is to the question (0–1, by observation id; see fact-similarity.ts). */
  similarity?: Map<string, number>;
}

const KIND_ZH: Record<Observation['kind'], string> = {
  actual: '为',
  target: '目标为',
  growth: '增长',
  growth_target: '目标增长',
  ratio: '占比为',
};
const KIND_EN: Record<Observation['kind'], string> = {
  actual: 'actual',
  target: 'target',
  growth: 'growth',
  growth_target: 'growth target',
  ratio: 'share',
};

/** Passages considered when picking facts: what the answer cites first. */
const CITED = 8;

function reportName(documentId: string, documents: DocumentSummary[], language: 'zh' | 'en'): string {
  const d = documents.find((x) => x.id === documentId);
  if (!d) return language === 'zh' ? '已存报告' : 'a stored report';
  const place = reportPlace(d) ?? '';
  if (language === 'zh') return `${place}${d.year ?? ''}${d.year ? '年' : ''}政府工作报告`;
  return `the ${d.year ?? ''} ${place ? `${romanized(place)} (${place})` : ''} government work report`.replace(/\s+/g, ' ');
}

/** "Guiyangshi" for 贵阳市: English readers get the name's sound beside the characters. */
function romanized(name: string): string {
  const reading = pinyinReadings(name)[0] ?? name;
  return reading.charAt(0).toUpperCase() + reading.slice(1);
}

const formatValue = (value: number) => String(Number(value.toFixed(4)));

/**
 * 粮食总产, 粮食总产量 and 粮食产量 name one output (not 总产值, a value); 人均GDP is 人均生产总值. Brackets and 的 join no
 * words: 粮食（不包括大豆）产量 asks for 粮食(不包括大豆)的产量.
 */
const sameOutputWord = (text: string) =>
  text
    .replace(/总产(?!值)量?/g, '产量')
    .replace(/GDP/gi, '生产总值')
    .replace(/[()（）]|的(?=[\u4e00-\u9fff])/g, '');

/** Characters of the indicator's name found in the question: how well a figure fits what was asked. */
function nameOverlap(question: string, indicator: string): number {
  return overlapWithNormalized(sameOutputWord(question), indicator);
}

/** Pairs of adjacent characters of the indicator's name that the text (through sameOutputWord) holds. */
function sharedBigrams(text: string, indicator: string): { shared: number; of: number } {
  const name = sameOutputWord(indicator);
  let shared = 0;
  for (let i = 0; i + 1 < name.length; i++) if (text.includes(name.slice(i, i + 2))) shared++;
  return { shared, of: Math.max(1, name.length - 1) };
}

/** nameOverlap for a text already through sameOutputWord (the question, once per ranking, not once per figure). */
function overlapWithNormalized(text: string, indicator: string): number {
  const { shared, of } = sharedBigrams(text, indicator);
  return shared / of;
}

/**
 * How well a name fits the question: the share of the name asked, and a little for each pair asked, so that of two
 * names the question holds whole the longer one, which says more of what was asked, comes first (粮食（不包括大豆）产量
 * is 粮食(不包括大豆)的产量 before 粮食).
 */
const SPECIFICITY_PER_PAIR = 0.05;
const SPECIFICITY_MAX_PAIRS = 6;
function nameFit(text: string, indicator: string): number {
  const { shared, of } = sharedBigrams(text, indicator);
  return (2 * shared) / of + SPECIFICITY_PER_PAIR * Math.min(SPECIFICITY_MAX_PAIRS, shared);
}

/** Words that ask for a plan's figure, a change (提高 is one, 提高到 a level), a share or a result. */
const ASKS = {
  target: /目标|计划|预期|力争|要|今年|target|aim|goal|plan|will/i,
  growth:
    /(?:增长|提高|下降|增加|减少)(?![到至])|增速|多了|少了|涨|growth|grow|increase|decrease|rise|\b(?:go|goes|went|gone|going) (?:up|down)\b|\b(?:fall|fell|drop|dropped|climb|climbed|expand|expanded)\b|how (?:fast|quickly|rapidly)/i,
  share: /比重|占比|比例|share|ratio|proportion/i,
  /** A rate of something (赤字率, 城镇化率, 失业率): its figure is in percent, not the amount (财政赤字8000亿元). */
  rate: /[\u4e00-\u9fff]率|\brate\b|percentage/i,
  /** A figure asked for in percent (涨了百分之几, by what percentage). */
  percent:
    /百分之几|百分之多少|几个百分点|百分比是多少|几成|多少成|占了?多少(?=[？?，。]|$)|what percent(?:age)?|how many percent|in percent(?:age)?(?: terms)?\b/i,
  /** A change asked for as such (增长了多少, by how much): a level is no answer to it. */
  changeOnly:
    /增长了?多少|增长几|增速|增幅|涨了?多少|涨幅|(?:增加|减少|提高|下降)了多少|[多少]了多少|by how much|how much did .* (?:grow|go up|go down|rise|fall)|how much (?:more|less|higher|lower)\b|how (?:fast|quickly|rapidly)|growth rate/i,
  result: /完成|实现了|达到了|实际|去年|上年|achieved|actual|last year/i,
};

/** How well a figure's kind fits what the question asks for (a target, a change, a share, a result). */
function kindFit(question: string, kind: Observation['kind'], indicator = ''): number {
  const target = kind === 'target' || kind === 'growth_target';
  const growth = kind === 'growth' || kind === 'growth_target';
  // 新增公交车2000辆 counts what was added: an answer to 多了多少辆, though stated as a level (and still one to 新增多少).
  const added = ADDED.test(indicator);
  const asksChange = ASKS.growth.test(question);
  // A question that asks for no change ("What was the GDP in 2007?") asks for a level, not a growth rate.
  return (
    (ASKS.target.test(question) && target ? 1 : 0) +
    (ASKS.result.test(question) && !target ? 1 : 0) +
    (asksChange && (growth || added) ? 0.5 : 0) +
    (!asksChange && growth ? -1 : 0) +
    (ASKS.changeOnly.test(question) && !growth && !added ? -1 : 0) +
    (ASKS.share.test(question) && kind === 'ratio' ? 0.5 : 0)
  );
}

const PERCENT_UNITS = new Set(['%', '个百分点', '百分点']);
/** Figures that count what was added (新增, 净增, 增加): a change, whatever kind of figure states them. */
const ADDED = /^(?:新增|净增|增加)/;

/**
 * The measure word a question asks its figure in (多少辆, 几块, 几个百分点 → 个); everyday words map to the unit
 * reports write (块 → 元).
 */
const ASKED_MEASURE = /(?:多少|几)(?:万|亿)?([\u4e00-\u9fff])/;
const WRITTEN_UNIT: Record<string, string> = { 块: '元', 毛: '元', 钱: '元', 口: '人' };
/**
 * Characters that measure what follows 多少 or 几 (多少辆, 几所, 多少公里); any other is the thing counted, which says
 * nothing of its unit (多少粮食 is asked in 吨 or 斤).
 */
const MEASURE_WORDS = new Set(
  '个辆所家座条项户人元块毛钱口吨亩套张台名位间床次件部处栋艘架头只株棵斤度天倍公千平立米批本册场届支种片'.split(''),
);
/** How long or how far, in everyday words: a length (公里, 千米, 米). */
const ASKS_LENGTH = /多长|多远/;
const LENGTH_UNIT = /(?:公里|千米|米|里)$/;
/** Per thousand people (每一千人, 千分之几): a rate in ‰ (人口自然增长率). */
const ASKS_PER_MILLE = /每一?千人|千分之/;
/** The thing an English question counts (how many tonnes, how many tourists). */
const HOW_MANY = /\bhow many\s+([a-z]+)/i;
/** English measure words and the unit reports write them in. */
const ENGLISH_MEASURE: Record<string, string> = {
  tons: '吨',
  tonnes: '吨',
  yuan: '元',
  kilometres: '公里',
  kilometers: '公里',
  mu: '亩',
  hectares: '公顷',
  households: '户',
  people: '人',
  persons: '人',
  // Visits and travellers are counted in 人次 or 万人: both hold 人.
  tourist: '人',
  tourists: '人',
  visitors: '人',
  visits: '人',
  passengers: '人',
  trips: '人',
};
const MONEY_UNIT = /元$/;

/**
 * 1 when the figure is in the unit the question asks for, -1 when in another, 0 when the question names none
 * (or only 个, which stands for any counted thing).
 */
function unitFit(question: string, unit: string): number {
  if (ASKS.rate.test(question) && !PERCENT_UNITS.has(unit) && !ASKED_MEASURE.test(question)) return -1;
  if (ASKS_PER_MILLE.test(question)) return unit === '‰' ? 1 : -1;
  if (ASKS.percent.test(question)) return PERCENT_UNITS.has(unit) ? 1 : -1;
  if (ASKS_LENGTH.test(question)) return LENGTH_UNIT.test(unit) ? 1 : -1;
  const howMany = HOW_MANY.exec(question)?.[1]?.toLowerCase();
  if (howMany !== undefined) {
    const measure = ENGLISH_MEASURE[howMany];
    if (measure) return unit.includes(measure) ? 1 : -1;
    // How many tourists, cars, firms: a count, never a sum of money or a percentage.
    return MONEY_UNIT.test(unit) || PERCENT_UNITS.has(unit) ? -1 : 0;
  }
  const measure = question.match(ASKED_MEASURE)?.[1];
  if (!measure || !MEASURE_WORDS.has(measure)) return 0;
  // 多少个: any counted thing, but not a sum of money or a percentage.
  if (measure === '个') return MONEY_UNIT.test(unit) || PERCENT_UNITS.has(unit) ? -1 : 0;
  return unit.includes(WRITTEN_UNIT[measure] ?? measure) ? 1 : -1;
}

/** A plan's floor (确保, 保证, at least) and its stretch goal (力争, strive): 保证达到4900亿公斤，力争达到5000亿公斤. */
const ASKS_FLOOR = /确保|保证|at least|guarantee|minimum/i;
const ASKS_STRETCH = /力争|争取|strive|aspire|hope to|try to/i;

/** 0.5 for the bound a question asks (the guaranteed figure, or the one striven for), -0.5 for the other one. */
function boundFit(question: string, comparator: Observation['comparator']): number {
  if (comparator !== '确保' && comparator !== '力争') return 0;
  const floor = ASKS_FLOOR.test(question);
  const stretch = ASKS_STRETCH.test(question);
  if (floor === stretch) return 0;
  return (floor ? comparator === '确保' : comparator === '力争') ? 0.5 : -0.5;
}

/** "This year" is the year the report plans for, "last year" the one before: relative to each report. */
const THIS_YEAR = /今年|本年|this year/i;
const LAST_YEAR = /去年|上年|过去一年|last year|past year/i;

/** The base year of a change (比1977年, over 1976): it dates no asked figure. */
const BASE_YEAR = /(?:比|较|(?:over|than|compared (?:with|to))(?: the| in)?)\s*((?:19|20)\d{2})/gi;

/**
 * A question about a span of years (2021-2025, 1998—1999, over the past five years, 累计, 年均, average annual) asks
 * for the span's figure: a multi-year figure keeps its span, and a year inside it is no exact fit.
 */
/** 2016-2020, 1998年至2002年, from 2016 to 2020, between 2016 and 2020 (2015 and 2020 alone are two years). */
const ASKED_SPAN =
  /((?:19|20)\d{2})年?\s*(?:-|—|–|~|～|至|到|to|through)\s*((?:19|20)\d{2})|between\s+((?:19|20)\d{2})\s+and\s+((?:19|20)\d{2})/i;
const SPAN_WORDS =
  /五年来|五年间|几年来|(?:过去|前|这|近)[几两三四五]年|[几两三四五]年(?:里|中|内|下来)|累计|年均|average annual|annual average|\bin total\b(?! [a-z])|cumulative|over (?:the )?(?:past |previous |last )?(?:two|three|four|five) years/i;

/** The five years to 2020, the three years through 2019: a span named by its length and its last year. */
const YEARS_TO = /\b(two|three|four|five) years (?:to|up to|through|ending(?: in)?)\s+((?:19|20)\d{2})\b/i;
const YEAR_COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

function askedSpan(question: string): { start: number; end: number } | null {
  const yearsTo = YEARS_TO.exec(question);
  if (yearsTo) {
    const end = Number(yearsTo[2]);
    return { start: end - (YEAR_COUNTS[(yearsTo[1] ?? '').toLowerCase()] ?? 1) + 1, end };
  }
  const match = ASKED_SPAN.exec(question);
  const [start, end] = [Number(match?.[1] ?? match?.[3]), Number(match?.[2] ?? match?.[4])];
  return match && start < end ? { start, end } : null;
}

function asksSpan(question: string): boolean {
  return askedSpan(question) !== null || SPAN_WORDS.test(question);
}

/** The years whose figures a question asks for: not its base years, nor the year that names the report. */
function figureYears(question: string): number[] {
  const years = askedYears(question);
  const notAsked = new Set([...[...question.matchAll(BASE_YEAR)].map((m) => Number(m[1])), ...reportYearsNamed(question)]);
  const asked = years.filter((y) => !notAsked.has(y));
  // The report's year alone asks for that year's figures, unless the question asks for a span in words (过去五年).
  return asked.length || SPAN_WORDS.test(question) ? asked : years;
}

/**
 * The two years a comparison sets side by side: every year written, less one mention for each time it names the
 * report or a change's base (Urumqi's 2022 report … 2021's growth against the target for 2022 → 2021, 2022).
 */
function comparedYears(question: string): number[] {
  const left = new Map<number, number>();
  for (const y of askedYears(question)) left.set(y, (left.get(y) ?? 0) + 1);
  for (const y of [...reportYearsNamed(question), ...[...question.matchAll(BASE_YEAR)].map((m) => Number(m[1]))])
    left.set(y, (left.get(y) ?? 0) - 1);
  return [...left]
    .filter(([, n]) => n > 0)
    .map(([y]) => y)
    .sort((a, b) => a - b);
}

function yearsAsked(question: string, document: DocumentSummary | undefined): number[] {
  const years = figureYears(question);
  const planned = planningYear(document);
  if (years.length || planned === null) return years;
  return [...(THIS_YEAR.test(question) ? [planned] : []), ...(LAST_YEAR.test(question) ? [planned - 1] : [])];
}

/**
 * A figure of exactly the year asked outweighs one ranked a whole passage list higher: the year a question names is
 * what it asks (By how much did GDP grow in 2013? is not the plan's 2014 target, however well its passage ranks).
 */
const EXACT_YEAR_FIT = 1.5;

/**
 * EXACT_YEAR_FIT for a figure of exactly the year (or the span) asked, 0.5 for one overlapping it, 0 otherwise (or
 * when no year is asked); 1 for any span's figure when only a span is asked, in words (过去五年, 年均).
 */
function periodFit(years: number[], asked: { start: number; end: number } | null, spanAsked: boolean, period: string): number {
  const span = parsePeriod(period);
  if (!span) return 0;
  // 过去五年…年均增长多少 names no year: a span's figure fits it, a year's does not.
  if (!asked && !years.length && spanAsked) return isSpan(span) ? 1 : 0;
  if (asked) {
    if (span.start === asked.start && span.end === asked.end) return EXACT_YEAR_FIT;
    return span.start <= asked.end && asked.start <= span.end ? 0.5 : 0;
  }
  if (!years.length) return 0;
  if (!isSpan(span) && years.includes(span.start)) return EXACT_YEAR_FIT;
  return years.some((y) => y >= span.start && y <= span.end) ? 0.5 : 0;
}

/**
 * A question naming no year, asked of several reports of a place (杭州的地区生产总值增长目标是多少？), asks for the
 * current figure: the latest report's figures lead by more than a cited passage and a close clause give an older one.
 */
const LATEST_REPORT_FIT = 2.5;

/** The latest of several reports a question is scoped to when it names no year or span, else null. */
export function latestReportAsked(question: string, scope: ReadonlySet<string>, documents: DocumentSummary[]): string | null {
  if (scope.size < 2 || askedYears(question).length || asksSpan(question)) return null;
  const dated = documents.filter((d) => scope.has(d.id) && d.year !== null);
  const [first] = dated.sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  return first?.id ?? null;
}

/** The weight of a figure's closeness in meaning to the question (0–1), beside name, period, kind and unit fit. */
export const SIMILARITY_WEIGHT = 1;

/**
 * The policy words a question asks with when it does not use the report's own (an English question's Chinese terms,
 * an everyday phrase's policy words): years and place names left out, since every figure of the report shares them.
 */
function askedTerms(inputs: AnswerInputs): string[] {
  const words = [...(inputs.language === 'en' ? inputs.terms : []), ...policyWordsFor(inputs.question)];
  return [...new Set(words.filter((w) => /^[\u4e00-\u9fff]+$/.test(w)))];
}

/**
 * The share of the asked words an indicator's name holds. The name overlap above measures how much of the name was
 * asked, which favours short names (低收入人口 for "people … earn per head"); this measures how much of what was asked
 * the name holds (农村居民人均纯收入 holds 村, 人均 and 收入).
 */
function termCoverage(asked: string[], indicator: string): number {
  if (!asked.length) return 0;
  const name = sameOutputWord(indicator);
  return asked.filter((w) => name.includes(sameOutputWord(w))).length / asked.length;
}
const TERM_COVERAGE_WEIGHT = 1;

/** A figure per head asked (人均, per capita, per person, the average farmer): the total is no answer to it. */
const PER_HEAD_ASKED = /人均|per (?:capita|head|person)|\baverage (?!annual|yearly|growth|rate|increase|speed)/i;

/** -1 for a total when a figure per head was asked. */
function perHeadFit(asked: boolean, indicator: string): number {
  return asked && !/人均|平均|每人/.test(indicator) ? -1 : 0;
}

/**
 * A figure of part of the place (山区农民人均纯收入, 贫困县…, 城区…) is no answer to a question about the whole place:
 * an area word opening the indicator's name that the question does not say costs the figure.
 */
const AREA_QUALIFIER =
  /^(?:南部|北部|东部|西部|中部)?(?:山区|川区|城区|市区|郊区|县域|牧区|农区|林区|垦区|库区|灌区|沿海|边境|贫困地区|贫困县|重点县|民族地区|少数民族地区|革命老区|老区|开发区|园区)/;
function areaFit(named: string, indicator: string): number {
  const area = AREA_QUALIFIER.exec(indicator)?.[0];
  return area && !named.includes(area) ? -0.5 : 0;
}

/** Which of exports and imports a question asks about (出口, 进口, 进出口 in its words or its translated terms). */
function tradeDirectionsAsked(named: string): { exports: boolean; imports: boolean } {
  const both = /进出口|外贸/.test(named);
  return { exports: both || /(?<!进)出口/.test(named), imports: both || /进口/.test(named) };
}

/** -1 for the total of both trades (进出口总额) when only one was asked, or for one trade when the other was asked. */
function tradeFit(asked: { exports: boolean; imports: boolean }, indicator: string): number {
  if (asked.exports === asked.imports) return 0;
  if (/进出口/.test(indicator)) return -1;
  if (asked.exports && /进口/.test(indicator)) return -1;
  if (asked.imports && /(?<!进)出口/.test(indicator)) return -1;
  return 0;
}

/**
 * Figures best first: of the named reports, of the year asked, of the kind asked, whose indicator the question
 * names (an English one through its translated terms and everyday words), stated in a passage ranked high.
 */
export function rankFacts(inputs: AnswerInputs): Observation[] {
  const rank = new Map(inputs.passages.slice(0, CITED).map((p, i) => [p.paragraphId, i]));
  const named = sameOutputWord(
    [inputs.question, ...inputs.terms, ...policyWordsFor(inputs.question), ...canonicalIndicatorsIn(inputs.question)].join(' '),
  );
  const documents = new Map(inputs.documents.map((d) => [d.id, d]));
  const span = askedSpan(inputs.question);
  const keepSpan = asksSpan(inputs.question);
  const latest = latestReportAsked(inputs.question, inputs.scope, inputs.documents);
  const asked = askedTerms(inputs);
  const tradeAsked = tradeDirectionsAsked(named);
  const perHead = PER_HEAD_ASKED.test(named);
  // The figure's own place in its name (西藏共安排资金) is no word of the indicator: every figure of the report shares it.
  const nameOf = (o: Observation) => {
    const stem = o.place ? adminStem(o.place) : '';
    return stem.length >= 2 ? o.indicator.replaceAll(o.place ?? '', '').replaceAll(stem, '') : o.indicator;
  };
  const score = (o: Observation) =>
    (inputs.scope.size && !inputs.scope.has(o.documentId) ? -10 : 0) +
    tradeFit(tradeAsked, o.indicator) +
    perHeadFit(perHead, o.indicator) +
    areaFit(named, o.indicator) +
    (latest !== null && o.documentId === latest ? LATEST_REPORT_FIT : 0) +
    nameFit(named, nameOf(o)) +
    TERM_COVERAGE_WEIGHT * termCoverage(asked, o.indicator) +
    periodFit(
      yearsAsked(inputs.question, documents.get(o.documentId)),
      span,
      keepSpan,
      answerPeriod(o, planningYear(documents.get(o.documentId)), keepSpan),
    ) +
    kindFit(inputs.question, inputs.intent === 'indicator_value' ? changeKind(o) : o.kind, o.indicator) +
    unitFit(inputs.question, o.unit) +
    boundFit(inputs.question, o.comparator) -
    0.2 * (rank.get(o.paragraphId) ?? CITED) +
    SIMILARITY_WEIGHT * (inputs.similarity?.get(o.id) ?? 0);
  const ranked = inputs.observations
    .filter((o) => rank.has(o.paragraphId) || inputs.scope.has(o.documentId))
    .map((o) => ({ o, s: score(o) }))
    .sort((a, b) => b.s - a.s)
    .map(({ o }) => o);
  return preciseFirst(ranked);
}

/** Magnitude prefixes of units (1.39万亿元 is 13900亿元). */
const UNIT_MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 1e12],
  ['千万', 1e7],
  ['百万', 1e6],
  ['亿', 1e8],
  ['万', 1e4],
];

function inBaseUnit(value: number, unit: string): { value: number; unit: string } {
  const [prefix, factor] = UNIT_MAGNITUDES.find(([p]) => unit.startsWith(p) && unit.length > p.length) ?? ['', 1];
  return { value: value * factor, unit: unit.slice(prefix.length) };
}

const significantDigits = (value: number) => formatValue(Math.abs(value)).replace('.', '').replace(/^0+/, '').length;

/**
 * A report may give one figure twice, rounded once (全市生产总值1.39万亿元 … 13902.67亿元): the best-ranked figure gives
 * way to its more precise twin (same indicator, report, kind and last year, the same amount to its rounding).
 */
function preciseFirst(ranked: Observation[]): Observation[] {
  const [top] = ranked;
  if (!top) return ranked;
  const base = inBaseUnit(top.value, top.unit);
  const twin = ranked.find((o) => {
    // A level a review of several years gives is its last year's: 2021-2025 and 2025 can hold one figure.
    const sameEnd = parsePeriod(o.period)?.end === parsePeriod(top.period)?.end;
    if (o === top || o.indicator !== top.indicator || o.documentId !== top.documentId || !sameEnd || o.kind !== top.kind) return false;
    const other = inBaseUnit(o.value, o.unit);
    const rounding = 10 ** (Math.floor(Math.log10(Math.abs(base.value))) - significantDigits(top.value) + 1);
    return (
      other.unit === base.unit &&
      Math.abs(other.value - base.value) <= rounding / 2 &&
      significantDigits(o.value) > significantDigits(top.value)
    );
  });
  return twin ? [twin, ...ranked.filter((o) => o !== twin)] : ranked;
}

/**
 * A figure the sentence gives as a change (农牧民人均纯收入2269元，增加163元): the level's indicator, but not its level.
 * It answers a question about the change, not one about the level (its kind stays as extracted: an amount added is an
 * actual figure, as the seed's gold has 增加床位1010张).
 */
const CHANGE_BEFORE_FIGURE = /(?:增加|增长|提高|减少|下降|降低|上涨|上升|增收|减收|增产|减产|(?<!至)多|(?<!至)少)了?(?:近|约|超过|逾)?$/;

function statesChange(o: Pick<Observation, 'text' | 'value'>): boolean {
  const at = o.text.indexOf(formatValue(o.value));
  return at > 0 && CHANGE_BEFORE_FIGURE.test(o.text.slice(Math.max(0, at - 6), at));
}

/**
 * The kind a figure is ranked as for a question asking one value: a level's kind turns to its change's when the
 * sentence gives a change. (A comparison may set a change target against a level: 提高0.1个百分点 against 2.7%.)
 */
function changeKind(o: Observation): Observation['kind'] {
  if (o.unit === '‰') return 'ratio';
  // A figure in points is a rate's change (比重提高2.8个百分点), never its level.
  if (o.unit === '个百分点' || o.unit === '百分点') return o.kind === 'target' || o.kind === 'growth_target' ? 'growth_target' : 'growth';
  if (!statesChange(o)) return o.kind;
  return o.kind === 'actual' ? 'growth' : o.kind === 'target' ? 'growth_target' : o.kind;
}

/** A rate or share: stated in percent (or points) of something named as a rate, share or proportion. */
const RATE_NAME = /率|比重|占比|比例|占.*比/;
/** A change: a percentage of something named as growing or rising. */
const GROWTH_NAME = /增长|增速|提高|上涨|下降/;

/**
 * The kind the answer states. A rate or share is a ratio whatever the sentence does with it; a change or level
 * for the report's own year or later is a plan (reports are given at the year's start), so it is a target even
 * where the sentence carries no target word.
 */
export function answerKind(o: Pick<Observation, 'kind' | 'unit' | 'indicator' | 'period'>, reportYear: number | null): Observation['kind'] {
  // A rate per thousand (人口自然增长率6.73‰) is a rate whatever its name says.
  if (o.unit === '‰' || ((o.unit === '%' || o.unit === '个百分点') && RATE_NAME.test(o.indicator))) return 'ratio';
  const from = Number(o.period.slice(0, 4));
  const planned = reportYear !== null && from >= reportYear;
  const growth = o.kind === 'growth' || o.kind === 'growth_target' || (o.unit === '%' && GROWTH_NAME.test(o.indicator));
  if (growth) return planned ? 'growth_target' : 'growth';
  if (o.kind === 'actual' || o.kind === 'target') return planned ? 'target' : o.kind;
  return o.kind;
}

/** Amounts added up over the years (累计, 新增, 完成投资, 脱贫): a review's span stays theirs. */
const ADDED_UP_NAME = /累计|新增|完成|建成|新建|改造|减少|脱贫|引进|培育|投资|增加|年均|共/;

/**
 * The period the answer states a figure for: a level or rate a review of several years states (五年来…农民人均纯收入
 * 达到5315元, 城镇化率54.6%) is the last year's; growth, amounts added up, a plan's figures and any figure of a
 * question that asks for a span (keepSpan) keep their period.
 */
export function answerPeriod(
  o: Pick<Observation, 'kind' | 'unit' | 'indicator' | 'period'>,
  reportYear: number | null,
  keepSpan = false,
): string {
  const span = parsePeriod(o.period);
  const kind = answerKind(o, reportYear);
  if (keepSpan || !span || !isSpan(span) || ADDED_UP_NAME.test(o.indicator)) return o.period;
  // A rate or share a plan sets over its years (城镇化率达到54% in the 2016-2020 part) is the level at its end.
  if (o.kind === 'target' && PERCENT_UNITS.has(o.unit) && reportYear !== null && span.end >= reportYear) return String(span.end);
  if (kind !== 'actual' && kind !== 'ratio') return o.period;
  return reportYear !== null && span.end < reportYear ? String(span.end) : o.period;
}

const reportYearOf = (o: Observation, documents: readonly DocumentSummary[]) => planningYear(documents.find((d) => d.id === o.documentId));

function factOf(o: Observation, inputs: AnswerInputs): AnswerFact {
  const d = inputs.documents.find((x) => x.id === o.documentId);
  const year = planningYear(d);
  return {
    indicator: o.indicator,
    value: o.value,
    unit: o.unit,
    period: answerPeriod(o, year, asksSpan(inputs.question)),
    kind: answerKind(o, year),
    place: d ? reportPlace(d) : null,
    passageId: o.paragraphId,
  };
}

function citeObservation(o: Observation): Citation {
  return { passageId: o.paragraphId, documentId: o.documentId, quote: o.text };
}

function statesValue(o: Observation, inputs: AnswerInputs): string {
  const report = reportName(o.documentId, inputs.documents, inputs.language);
  const year = reportYearOf(o, inputs.documents);
  const kind = answerKind(o, year);
  const period = answerPeriod(o, year, asksSpan(inputs.question));
  // 左右 and 以上 follow the figure; 力争 and 确保 go before it.
  const before = o.comparator === '力争' || o.comparator === '确保' ? o.comparator : '';
  const after = o.comparator && !before && o.comparator !== '达到' ? o.comparator : '';
  // A negative change reads as a fall (能耗目标下降2.11%), not as growth of −2.11%.
  const falls = (kind === 'growth' || kind === 'growth_target') && o.value < 0;
  const value = formatValue(falls ? -o.value : o.value);
  if (inputs.language === 'zh') {
    const stated = falls ? (kind === 'growth' ? '下降' : '目标下降') : KIND_ZH[kind];
    return `${report}：${period}年${o.indicator}${stated}${before}${value}${o.unit}${after}`;
  }
  const stated = falls ? (kind === 'growth' ? 'decrease' : 'decrease target') : KIND_EN[kind];
  return `${report}: ${o.indicator} (${stated}, ${period}) ${value} ${o.unit}${o.comparator ? ` (${o.comparator})` : ''}`;
}

/**
 * A question asking for a target and what was achieved ("目标是多少，实际完成多少") gets one figure of each; one naming
 * two years for its figures (produced in 1994, and the target for 1995) one of each year.
 */
function answeredFigures(inputs: AnswerInputs): Observation[] {
  const ranked = rankFacts(inputs);
  const byYear = pairByYear(ranked, inputs);
  if (byYear) return byYear;
  const best = ranked[0];
  if (!best || !ASKS.target.test(inputs.question) || !ASKS.result.test(inputs.question)) return best ? [best] : [];
  const isTarget = (o: Observation) => ['target', 'growth_target'].includes(answerKind(o, reportYearOf(o, inputs.documents)));
  const other = ranked.find(
    (o) => isTarget(o) !== isTarget(best) && o.period === best.period && nameOverlap(o.indicator, best.indicator) >= 0.5,
  );
  if (!other) return [best];
  return isTarget(best) ? [best, other] : [other, best];
}

function indicatorAnswer(inputs: AnswerInputs): DirectAnswer | null {
  const figures = answeredFigures(inputs);
  if (!figures.length) return null;
  const end = inputs.language === 'zh' ? '。' : '.';
  const text = figures.map((o) => `${statesValue(o, inputs)}[${o.paragraphId}]`).join(inputs.language === 'zh' ? '；' : '; ') + end;
  return { text, citations: figures.map(citeObservation), facts: figures.map((o) => factOf(o, inputs)) };
}

/** Figures stated in one unit, or a share and its change in points. */
const comparable = (a: string, b: string) => a === b || (PERCENT_UNITS.has(a) && PERCENT_UNITS.has(b));

/** Share of pieces two names of one indicator have in common, at least. */
const SAME_NAME = 0.75;

/** How much of the shorter of two indicator names the longer holds (城镇化率 in 常住人口城镇化率: all of it). */
const sharedName = (a: string, b: string) => Math.max(nameOverlap(a, b), nameOverlap(b, a));

/**
 * Two names of one indicator: most of their pieces shared, or the word the question names standing in both
 * (棉花产量 and 棉花总产 for "cotton output").
 */
function sameIndicator(a: string, b: string, inputs: AnswerInputs): boolean {
  if (nameOverlap(a, b) >= 0.5) return true;
  return wordsAsked(inputs).some((word) => a.includes(word) && b.includes(word));
}

/** The Chinese words a question asks with: its translated terms and the character pairs it writes (总产量 also as 产量). */
function wordsAsked(inputs: AnswerInputs): string[] {
  return [
    ...new Set([
      ...inputs.terms.filter((t) => /^[\u4e00-\u9fff]{2,}$/.test(t)),
      ...bigrams(inputs.question),
      ...bigrams(sameOutputWord(inputs.question)),
    ]),
  ];
}

function bigrams(text: string): string[] {
  const cjk = text.match(/[\u4e00-\u9fff]+/g) ?? [];
  return cjk.flatMap((run) => Array.from({ length: Math.max(0, run.length - 1) }, (_, i) => run.slice(i, i + 2)));
}

/**
 * A comparison of two years the question names (2021's growth against 2022's target): of the figures of each year,
 * the pair of one indicator and unit ranked highest together; null when no such pair is found.
 */
function pairByYear(ranked: Observation[], inputs: AnswerInputs): [Observation, Observation] | null {
  const years = comparedYears(inputs.question);
  if (years.length !== 2 || askedSpan(inputs.question)) return null;
  const ofYear = (year: number) =>
    ranked.filter((o) => {
      const span = parsePeriod(answerPeriod(o, reportYearOf(o, inputs.documents)));
      return span !== null && !isSpan(span) && span.start === year && (!inputs.scope.size || inputs.scope.has(o.documentId));
    });
  const [before, after] = years.map(ofYear) as [Observation[], Observation[]];
  const place = new Map(ranked.map((o, i) => [o, i]));
  // Two years of a figure the question does not name are no answer to it (关税总水平 由15.3%降到12% for 农民收入涨了多少).
  const asked = wordsAsked(inputs);
  const named = (indicator: string) => asked.some((word) => indicator.includes(word) || sameOutputWord(indicator).includes(word));
  const rankOf = (o: Observation) => defined(place.get(o), 'place of a ranked figure');
  let best: { pair: [Observation, Observation]; cost: number } | null = null;
  for (const a of before) {
    for (const b of after) {
      if (!comparable(a.unit, b.unit) || !sameIndicator(a.indicator, b.indicator, inputs) || !named(a.indicator)) continue;
      // Nearly all of a name shared (农村居民人均纯收入, 农民人均纯收入; 城镇化率 in 常住人口城镇化率) before a word of the
      // question shared (…人均…收入 of townspeople and of farmers are two indicators).
      const cost = (sharedName(a.indicator, b.indicator) >= SAME_NAME ? 0 : ranked.length) + rankOf(a) + rankOf(b);
      if (!best || cost < best.cost) best = { pair: [a, b], cost };
    }
  }
  return best?.pair ?? null;
}

/** Two figures of one indicator and unit from different periods or reports, and how far apart they are. */
function comparisonAnswer(inputs: AnswerInputs): DirectAnswer | null {
  const ranked = rankFacts(inputs);
  const byYear = pairByYear(ranked, inputs);
  const first = byYear?.[0] ?? ranked[0];
  if (!first) return null;
  const second =
    byYear?.[1] ??
    ranked.find(
      (o) =>
        o !== first &&
        comparable(o.unit, first.unit) &&
        sameIndicator(o.indicator, first.indicator, inputs) &&
        (!inputs.scope.size || inputs.scope.has(o.documentId)) &&
        (o.period !== first.period || o.documentId !== first.documentId),
    );
  if (!second) return indicatorAnswer(inputs);
  const [a, b] = first.period.localeCompare(second.period) <= 0 ? [first, second] : [second, first];
  const zh = inputs.language === 'zh';
  const both = zh
    ? `${statesValue(a, inputs)}[${a.paragraphId}]；${statesValue(b, inputs)}[${b.paragraphId}]`
    : `${statesValue(a, inputs)} [${a.paragraphId}]; ${statesValue(b, inputs)} [${b.paragraphId}]`;
  // A share and a change of it in points (2.7% and 提高0.1个百分点) are stated side by side: their difference means nothing.
  const difference = formatValue(Math.abs(b.value - a.value));
  const percentPoints = a.unit === '%' ? (zh ? '个百分点' : 'percentage points') : a.unit;
  const text =
    a.unit !== b.unit
      ? `${both}${zh ? '。' : '.'}`
      : zh
        ? `${both}；${b.value >= a.value ? '高' : '低'}${difference}${percentPoints}。`
        : `${both}; a difference of ${difference} ${percentPoints}.`;
  return { text, citations: [citeObservation(a), citeObservation(b)], facts: [factOf(a, inputs), factOf(b, inputs)] };
}

/** Tasks listed at most; the rest are counted. */
const LISTED_TASKS = 4;

function tasksAnswer(inputs: AnswerInputs): DirectAnswer | null {
  const cited = new Map(inputs.passages.map((p) => [p.taskId, p]));
  const tasks = inputs.tasks.filter((t) => cited.has(t.id));
  if (!tasks.length) return null;
  const byReport = new Map<string, AnswerTask[]>();
  for (const t of tasks) byReport.set(t.documentId, [...(byReport.get(t.documentId) ?? []), t]);
  const citations: Citation[] = [];
  const parts = [...byReport].slice(0, 2).map(([documentId, list]) => {
    const items = list.slice(0, LISTED_TASKS).map((t) => {
      const passage = defined(cited.get(t.id), 'passage citing a task');
      citations.push({ passageId: passage.paragraphId, documentId, quote: t.title });
      return inputs.language === 'zh'
        ? `第${t.number}项「${t.title}」[${passage.paragraphId}]`
        : `item ${t.number} "${t.title}" [${passage.paragraphId}]`;
    });
    const more =
      list.length > LISTED_TASKS ? (inputs.language === 'zh' ? `等${list.length}项` : ` and ${list.length - LISTED_TASKS} more`) : '';
    const report = reportName(documentId, inputs.documents, inputs.language);
    return inputs.language === 'zh' ? `${report}：${items.join('、')}${more}` : `${report}: ${items.join(', ')}${more}`;
  });
  const text = inputs.language === 'zh' ? `相关任务见${parts.join('；')}。` : `The tasks are in ${parts.join('; ')}.`;
  return { text, citations, facts: [] };
}

/** The sentence of the top passage that shares the most two-character pieces with the question. */
function quoteAnswer(inputs: AnswerInputs): DirectAnswer | null {
  const top = inputs.passages[0];
  if (!top) return null;
  const sentences = top.text
    .split(/(?<=[。；！？])/)
    .map((s) => s.trim())
    .filter(Boolean);
  const closeness = (s: string) => nameOverlap(inputs.question, s) * Math.min(1, s.length / 10);
  const best = sentences.reduce((a, b) => (closeness(b) > closeness(a) ? b : a), sentences[0] ?? top.text);
  const report = reportName(top.documentId, inputs.documents, inputs.language);
  const text =
    inputs.language === 'zh'
      ? `据${report}：「${best}」[${top.paragraphId}]`
      : `The most relevant passage, from ${report}: "${best}" [${top.paragraphId}]`;
  return { text, citations: [{ passageId: top.paragraphId, documentId: top.documentId, quote: best }], facts: [] };
}

export function directAnswer(inputs: AnswerInputs): DirectAnswer | null {
  switch (inputs.intent) {
    case 'indicator_value':
      return indicatorAnswer(inputs) ?? quoteAnswer(inputs);
    case 'indicator_comparison':
      return comparisonAnswer(inputs) ?? quoteAnswer(inputs);
    case 'tasks_touching_entity':
      return tasksAnswer(inputs) ?? quoteAnswer(inputs);
    default:
      return (inputs.tasks.length && /任务|哪些工作|tasks?\b/i.test(inputs.question) ? tasksAnswer(inputs) : null) ?? quoteAnswer(inputs);
  }
}
