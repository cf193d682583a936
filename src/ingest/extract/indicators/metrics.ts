// Reading indicator names out of the text around a figure: trimming the verbs and time words that surround
// a metric, the counted noun after a figure, and enumerations that share one head (城乡居民收入分别…).
import { canonicalIndicator, isKnownIndicator } from '../../../domain/indicator-names.ts';
import { tagDictionaryWords } from '../lexicon/jieba.ts';
import {
  ATTRIBUTE_WORDS,
  GROUP_WORDS,
  HEAD_NOUNS,
  LEAD_VERBS,
  LEADING_FILLERS,
  NOUN_PHRASE_ENDERS,
  NOUN_PHRASE_TAILS,
  PREDICATE_STARTS,
  SCOPE_PREFIXES,
  SHORT_HEAD,
  TRAILING_PREDICATES,
} from './lexicon.ts';

const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const LEADING = byLength(LEADING_FILLERS);
const TRAILING = byLength(TRAILING_PREDICATES);
const LEADS = byLength(LEAD_VERBS);
const PREDICATES = byLength(PREDICATE_STARTS);
const ENDER = new RegExp(byLength(NOUN_PHRASE_ENDERS).join('|'), 'y');
const TAILS = byLength(NOUN_PHRASE_TAILS);
/** Characters a nominal verb may still have after it and end the phrase (幼儿园建设工作). */
const MAX_AFTER_TAIL = 2;
const HEADS = byLength(HEAD_NOUNS);

const LEADING_TIME =
  /^(?:(?:到|至)?(?:19|20)\d{2}年(?:底|末|度)?|年度|连续[一二三四五六七八九十\d]{1,2}年|(?:今后|未来|过去)?[一二三四五六七八九十\d]{1,2}年(?:来|内|间|以来)?|今年|去年|明年|当年|年内|提前|(?:[“"](?:十[一二三四五]?|[六七八九])五[”"]|第[一二三四五六七八九十]{1,2}个五年(?:计划)?)(?:期间|时期|以来|内))/;
/** 比1957年的预计数|增加了, 较上年实际|提高: the earlier figure a change is measured from, no part of the metric. */
const LEADING_COMPARISON =
  /^(?:将|要)?(?:比|较)(?:上年|去年|上一年|(?:19|20)\d{2}年)(?:底|末|同期)?(?:的?(?:预计数|实际数|实际完成数|完成数|实际))?/;
const TRAILING_TIME =
  /(?:(?:较|比)(?:上年|去年|上年同期|年初|上年末|上年底|(?:19|20)\d{2}年(?:底|末)?)|(?:从|由|到|至)?(?:19|20)\d{2}年(?:底|末)?的?|每[人生户床亩吨]?每?[月年天日]?|(?:月|年)?人均|连续[一二三四五六七八九十\d]{1,2}年|[一二三四五六七八九十两]+(?:个|大|项|条))$/;

/** The text before a figure, without the words that open clauses or link a metric to its figure. */
/** An item's number opening the text (1. 1、 (1) 一、 (一) ①): the list's, not the metric's (1.全县生产总值). */
const ITEM_NUMBER =
  /^(?:\d{1,3}[.、](?!\d)|\(\d{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|[\u2460-\u2473])\s*/;

export function trimMetricText(raw: string): { text: string; offset: number } {
  let text = raw;
  let offset = 0;
  // 特别是明确提出了到2030年地区生产总值: the deadline opens the metric, whatever was said before it.
  const deadline = /^.*?(?:到|至)(?:19|20)\d{2}年(?:底|末)?/.exec(text);
  if (deadline && deadline[0].length < text.length) {
    text = text.slice(deadline[0].length);
    offset += deadline[0].length;
  }
  for (let changed = true; changed; ) {
    changed = false;
    // 今年|的目标是…: a 的 left at the start once a time word is trimmed opens no metric.
    const edge = /^(?:[\s、,;:和及与]+|的(?=[\u4e00-\u9fa5]{3})|\((?:下同|注[^)]*)\))/.exec(text) ?? ITEM_NUMBER.exec(text);
    if (edge) {
      text = text.slice(edge[0].length);
      offset += edge[0].length;
      changed = true;
    }
    const time = LEADING_TIME.exec(text) ?? LEADING_COMPARISON.exec(text);
    if (time && time[0].length < text.length) {
      text = text.slice(time[0].length);
      offset += time[0].length;
      changed = true;
    }
    const filler = LEADING.find((w) => text.startsWith(w) && text.length > w.length);
    if (filler) {
      text = text.slice(filler.length);
      offset += filler.length;
      changed = true;
    }
    const scope = SCOPE_PREFIXES.find((w) => text.startsWith(w) && text.length - w.length >= 2);
    if (scope) {
      text = text.slice(scope.length);
      offset += scope.length;
      changed = true;
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    const trimmed = text.replace(/[\s、,;:和及与的]+$/, '');
    if (trimmed !== text) {
      text = trimmed;
      changed = true;
    }
    const time = TRAILING_TIME.exec(text);
    if (time) {
      text = text.slice(0, time.index).replace(COMPARED_ADVERB, '');
      changed = true;
    }
    // 工农业总产值将比1958年的二千零五十亿元|增长…: the base of a comparison and its figure end the metric.
    const base = COMPARISON_BASE.exec(text);
    if (base && base.index >= 2) {
      text = text.slice(0, base.index).replace(COMPARED_ADVERB, '');
      changed = true;
    }
    const predicate = TRAILING.find((w) => text.endsWith(w));
    if (predicate) {
      text = text.slice(0, text.length - predicate.length);
      changed = true;
    }
    // 工业总产值（不包括手工业产值，下同）: a bracketed note cut open at its comma is no part of the metric.
    const note = /[(（][^)）]+$/.exec(text);
    if (note && note.index >= 2) {
      text = text.slice(0, note.index);
      changed = true;
    }
  }
  // 1978年又比1977年增长…: an adverb left alone names nothing; the figure continues the metric before it. So does a
  // time phrase left alone (生产总值…，五年翻了一番，年均增长15.2%).
  const lone = LEADING_TIME.exec(text);
  if (LONE_ADVERB.test(text) || (lone && lone[0].length === text.length)) return { text: '', offset: offset + text.length };
  // 1959年的|工农业总产值: the possessive after a trimmed time is no part of the metric.
  if (text.startsWith('的') && text.length > 2) return { text: text.slice(1), offset: offset + 1 };
  return { text, offset };
}

const LONE_ADVERB = /^(?:又|再|还|也|亦)$/;
/** 钢产量又|比上年: an adverb before the comparison that was cut off. */
const COMPARED_ADVERB = /(?<=[\u4e00-\u9fff]{2})[又再还也将要]$/;
const COMPARISON_BASE = /(?:将|要|会|可)?(?:比|较)(?:上年|去年|(?:19|20)\d{2}年)/;

/** Whether the text after a figure begins a noun (the figure counts it) rather than a predicate. */
export function startsNoun(text: string): boolean {
  if (/^[1-5]A级|^\d+[类级型]/.test(text)) return true;
  if (!/^[\u4e00-\u9fa5“"A-Za-z]/.test(text)) return false;
  return !PREDICATES.some((w) => text.startsWith(w));
}

/** The counted noun after a figure: up to a boundary, a conjunction before the next figure, or a verb. */
export function nounPhraseAfter(text: string): string {
  let end = text.length;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[,;。:!?、]/.test(char)) {
      end = i;
      break;
    }
  }
  const conjunction = /[和及与](?=[\d一二两三四五六七八九十])/.exec(text.slice(0, end));
  if (conjunction) end = conjunction.index;
  for (let i = 1; i < end; i++) {
    ENDER.lastIndex = i;
    if (ENDER.test(text)) {
      end = i;
      break;
    }
    const tail = TAILS.find((w) => text.startsWith(w, i));
    if (tail && end - (i + tail.length) <= MAX_AFTER_TAIL) {
      end = i;
      break;
    }
  }
  return text.slice(0, end).replace(/[和及与、]+$/, '');
}

/** The text after the verbs it opens with (开工建设保障性住房 → 保障性住房); all of it is verbs when this is empty. */
export function afterVerbs(text: string): string {
  let rest = text;
  while (rest.length > 0) {
    const verb =
      LEADS.find((w) => rest.startsWith(w)) ??
      PREDICATES.find((w) => rest.startsWith(w) && w.length > 1) ??
      TRAILING.find((w) => rest.startsWith(w) && w.length > 1);
    if (!verb) return rest;
    rest = rest.slice(verb.length);
  }
  return rest;
}

/** Whether a text is nothing but verbs (竣工, 基本建成, 安排), which name no metric. */
export function isOnlyVerbs(text: string): boolean {
  return afterVerbs(text) === '';
}

/** Whether the words before a figure only lead into it (建成 / 在 / …和), so the figure counts what follows. */
export function isLeadOnly(seg: string): boolean {
  const { text } = trimMetricText(seg);
  if (text.length === 0) return true;
  if (/[和及与的等在]$/.test(seg.trim())) return true;
  if (LEADS.some((w) => text.endsWith(w))) return true;
  let rest = text;
  while (rest.length > 0) {
    const lead = LEADS.find((w) => rest.startsWith(w));
    if (!lead) break;
    rest = rest.slice(lead.length);
  }
  return rest.length === 0 || text.length <= 2;
}

/** Dictionary tags of the words a verb phrase before a count is made of: verbs, adverbs, aspect particles. */
const VERB_PHRASE_TAGS = /^(?:v|vd|vn|d|ul|uz|ug)$/;

/**
 * Whether the words before a figure are one short verb phrase (集中扶持, 共解决了), so the figure counts the noun after
 * it (集中扶持29个重点县, 培训了3000名): the dictionary tags every word a verb (培训 as a verbal noun too), an adverb or an
 * aspect particle, one of them a verb.
 */
export function isVerbPhrase(seg: string): boolean {
  const { text } = trimMetricText(seg);
  if (text.length < 2 || text.length > 6 || !/^[\u4e00-\u9fa5]+$/.test(text)) return false;
  const words = tagDictionaryWords(text);
  return words.every((w) => VERB_PHRASE_TAGS.test(w.tag)) && words.some((w) => w.tag === 'v' || w.tag === 'vn');
}

/** Items of an enumeration before a figure (A、B、C三条…), or 0 if there is none. */
export function enumerationCount(seg: string): number {
  const items = splitTopLevel(trimMetricText(seg).text, /[、]/);
  return items.length >= 2 ? items.length : 0;
}

/** Splits at separators outside brackets and quotes. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('(“《「'.includes(char)) depth++;
    if (')”》」'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separator.test(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** What the last item of an enumeration shares with the others: from its first head noun on (…增加值占规上工业增加值比重). */
function sharedTail(name: string): string | undefined {
  let first = -1;
  for (const head of HEADS) {
    const at = name.indexOf(head);
    if (at > 0 && (first < 0 || at < first)) first = at;
  }
  return first > 0 ? name.slice(first) : headOf(name);
}

function headOf(name: string): string | undefined {
  const head = HEADS.find((h) => name.endsWith(h) && name.length > h.length);
  if (head) return head;
  const short = SHORT_HEAD.exec(name);
  return short && name.length > short[0].length ? short[0] : undefined;
}

const THREE_SECTORS = /^(?:第?一[、,，]?第?二[、,，]?(?:和|及)?第?三|三次)产业(.*)$/;

/**
 * The metrics a paired statement distributes its figures over: 城乡X → 城镇X, 农村X; 城镇和农村X → 城镇X, 农村X;
 * A、B增加值 → A增加值, B增加值; 事故起数和死亡人数 → 事故起数, 事故死亡人数. One name when it does not split.
 */
export function splitMetrics(name: string, values: number): string[] {
  if (values < 2) return [name];
  // 一二三产业, 第一、二、三产业增加值, 三次产业 … 分别增长4%、10%和9%: the three sectors in order.
  const sectors = THREE_SECTORS.exec(name);
  if (sectors && values === 3) return ['第一', '第二', '第三'].map((ordinal) => `${ordinal}产业${sectors[1] ?? ''}`);
  if (name.startsWith('城乡') && !/[、和及与]/.test(name)) {
    const rest = name.slice(2);
    return [`城镇${rest}`, `农村${rest}`];
  }
  const parts = splitTopLevel(name, /[、和及与]/);
  const [first] = parts;
  const last = parts.at(-1);
  if (parts.length < 2 || first === undefined || last === undefined) return [name];
  const lastGroup = GROUP_WORDS.find((g) => last.startsWith(g));
  const lastHead = sharedTail(last);
  const firstHead = headOf(first);
  return parts.map((part, i) => {
    if (i < parts.length - 1) {
      if (GROUP_WORDS.includes(part) && lastGroup) return part + last.slice(lastGroup.length);
      const complete = HEADS.includes(part) || headOf(part) !== undefined || canonicalIndicator(part) !== part;
      if (!complete && lastHead && !part.endsWith(lastHead)) return part + lastHead;
      return part;
    }
    // 事故起数和死亡人数 → 事故死亡人数; a name known on its own (…零售总额、外贸出口) stays as it is.
    if (i > 0 && firstHead && part.length <= 4 && first.length >= part.length + 2 && headOf(part) && !isKnownIndicator(part)) {
      return first.slice(0, first.length - firstHead.length) + part;
    }
    return part;
  });
}

/** A short word that names a group instead of a metric (…城区70%、农村60%). */
export function asGroupOf(previous: string, group: string): string | null {
  if (!GROUP_WORDS.includes(group)) return null;
  const prefix = GROUP_WORDS.find((g) => previous.startsWith(g));
  return prefix ? group + previous.slice(prefix.length) : group + previous;
}

export function isAttributeWord(text: string): boolean {
  return ATTRIBUTE_WORDS.includes(text);
}

/** The indicator name a metric text stands for: inner linking verbs dropped, aliases resolved. */
export function indicatorName(text: string): string {
  const name = text
    .trim()
    .replace(/分别/g, '')
    // A share of output is a share of 地区生产总值 however the report writes it (占GDP, 占全市生产总值).
    .replace(/占(?:全市|全区|全县|全省|本地区)?(?:GDP|生产总值)/g, '占地区生产总值')
    .replace(/的(比重|比例)$/, '$1')
    .replace(/([\u4e00-\u9fa5])(?:实现|完成)([\u4e00-\u9fa5]{2,})/, '$1$2');
  return canonicalIndicator(name);
}
