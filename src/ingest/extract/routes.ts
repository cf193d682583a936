// Transport routes named by their ends (敦煌至格尔木铁路, 郑州经周口至合肥高铁, 两当至徽县高速公路), national and
// provincial roads by number (国道324线) and numbered metro lines (兰州轨道交通1号线, 地铁2号线): the whole name is the place, not its tail (格尔木铁路).
import { adminStem } from '../../geo/admin-stem.ts';
import { findAdminUnit } from '../../geo/find-unit.ts';
import { gazetteer } from '../../geo/gazetteer.ts';
import type { ExtractionParagraph } from './context.ts';
import { type Candidate, candidateAt } from './lexicon/candidate.ts';
import { standsAsWord } from './lexicon/jieba.ts';
import { extensionLength } from './lexicon/place-passes.ts';

const ROUTE =
  /([\u4e00-\u9fa5]{2,5}?)(?:经[\u4e00-\u9fa5]{2,4})?至([\u4e00-\u9fa5]{2,5}?)(?:[二三四]+线|复线|[\u4e00-\u9fa5]{0,3}段)?等?(城际铁路|高速铁路|高速公路|铁路支线|铁路|高铁|客运专线|客专|城际|快速通道|快速路|高速|国道|公路)/g;
/** A route named by its stops joined with dashes (长春-长岭-乌斯台铁路, 呼和浩特—包头高速公路). */
const DASHED_ROUTE =
  /([\u4e00-\u9fa5]{2,5}?)((?:[-—－][\u4e00-\u9fa5]{2,5}?)+)(城际铁路|高速铁路|高速公路|铁路|高铁|客运专线|客专|城际|高速公路|公路)/g;
/** A route written before another in a 、-list that shares its kind (两当至徽县、渭源至武都段高速公路). */
const LISTED_ROUTE = /([\u4e00-\u9fa5]{2,5})至([\u4e00-\u9fa5]{2,5})$/;
/** National and provincial roads written by number after their class (国道324线, 省道217线). */
const NUMBERED_ROAD = /(?:国道|省道)[0-9]{2,4}线/g;
const METRO = /([\u4e00-\u9fa5]{2,4}?)?(城市轨道交通|轨道交通|地铁|轻轨|有轨电车)([0-9]+|[一二三四五六七八九十]+)号线/g;
/** A line written by its number alone (地铁2号线一期、3号线), after a line of a named system in the same paragraph. */
const BARE_LINE = /(?<![0-9一二三四五六七八九十])([0-9]+|[一二三四五六七八九十]+)号线/g;

/** A route end the gazetteer knows, full or bare (敦煌, 格尔木, 徽县). */
function knownEnd(name: string): boolean {
  const g = gazetteer();
  return g.byName(name).length > 0 || g.byStem(name).length > 0 || g.byStem(adminStem(name)).length > 0;
}

/** Marks that end a list item or clause: a route's left end written right after one is the whole item. */
const ITEM_BOUNDARY = /[、，,；;：:（(]/;
/** Left ends the gazetteer does not know (得胜口, a pass) stand only as a whole list item of a few characters. */
const MAX_UNKNOWN_END = 4;

/**
 * The shortest left part that is a known place and starts where a word starts; else, for a route written as a list
 * item of its own (…、得胜口至大同高速公路), the whole item.
 */
function routeStart(text: string, matchStart: number, left: string): number | null {
  for (let cut = 0; cut <= left.length - 2; cut++) {
    const name = left.slice(cut);
    if (knownEnd(name) && standsAsWord(text, matchStart + cut, matchStart + left.length)) return matchStart + cut;
  }
  const before = text[matchStart - 1];
  return left.length <= MAX_UNKNOWN_END && (before === undefined || ITEM_BOUNDARY.test(before)) ? matchStart : null;
}

export function routesIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (const match of text.matchAll(ROUTE)) {
    const [, left, right, mode] = match;
    if (left === undefined || right === undefined || mode === undefined) continue;
    const start = routeStart(text, match.index, left);
    if (start === null || !knownEnd(right)) continue;
    const end = match.index + match[0].length;
    const kind = /公路|高速|国道|快速/.test(mode) ? 'road' : 'rail';
    // 庄浪至天水等高速公路 names one of a class: the route is 庄浪至天水高速公路.
    const name = text.slice(start, end).replace(/等(?=[^等]+$)/, '');
    found.push(candidateAt(paragraph, start, end, { type: 'place', kind, name, rule: 'route', priority: 8 }));
    // The ends are places too: a route makes a bare name (额济纳, 合作) a unit even outside the jurisdiction.
    // Routes listed in front share the kind (两当至徽县、渭源至武都陇南段高速公路): each is a route of its own.
    for (let listEnd = start - 1; text[listEnd] === '、'; ) {
      const [item, itemLeft, itemRight] = LISTED_ROUTE.exec(text.slice(Math.max(0, listEnd - 11), listEnd)) ?? [];
      if (item === undefined || itemLeft === undefined || itemRight === undefined) break;
      const itemStart = routeStart(text, listEnd - item.length, itemLeft);
      if (itemStart === null || !knownEnd(itemRight)) break;
      found.push(
        candidateAt(paragraph, itemStart, listEnd, {
          type: 'place',
          kind,
          name: `${text.slice(itemStart, listEnd)}${mode}`,
          rule: 'route',
          priority: 8,
        }),
      );
      listEnd = itemStart - 1;
    }
    const rightStart = match.index + match[0].indexOf(`至${right}`) + 1;
    // A route from a place the gazetteer does not know (尼木县城至江口) runs inside a county: its far end is no county elsewhere.
    const leftEnd = text.slice(start, match.index + left.length);
    if (!knownEnd(leftEnd)) continue;
    for (const [endStart, name] of [
      [start, leftEnd],
      [rightStart, right],
    ] as const) {
      const unit = findAdminUnit(name, { deepest: 'county' });
      if (!unit) continue;
      found.push(
        candidateAt(paragraph, endStart, endStart + name.length, {
          type: 'place',
          kind: unit.level === 'province' ? 'province' : unit.level === 'prefecture' ? 'city' : 'county',
          name: unit.name,
          rule: 'route-end',
          priority: 9,
          code: unit.code,
          aliases: name === unit.name ? [] : [name],
        }),
      );
    }
  }
  for (const match of text.matchAll(DASHED_ROUTE)) {
    const [, first, dashedStops, mode] = match;
    if (first === undefined || dashedStops === undefined || mode === undefined) continue;
    const start = routeStart(text, match.index, first);
    // The stops after the first: one at least is a unit, none empty (一—二 is no route).
    const stops = dashedStops.split(/[-—－]/).slice(1);
    if (start === null || !stops.some(knownEnd) || found.some((c) => c.start < match.index + match[0].length && start < c.end)) continue;
    const kind = /公路|高速/.test(mode) ? 'road' : 'rail';
    found.push(
      candidateAt(paragraph, start, match.index + match[0].length, {
        type: 'place',
        kind,
        name: text.slice(start, match.index + match[0].length),
        rule: 'route',
        priority: 8,
      }),
    );
  }
  for (const match of text.matchAll(NUMBERED_ROAD)) {
    found.push(
      candidateAt(paragraph, match.index, match.index + match[0].length, {
        type: 'place',
        kind: 'road',
        name: match[0],
        rule: 'route',
        priority: 8,
      }),
    );
  }
  const lines: Array<{ start: number; end: number; system: string }> = [];
  for (const match of text.matchAll(METRO)) {
    const [, before = '', , number] = match;
    if (number === undefined) continue;
    // The city is the longest tail of the words before the system that names a unit (以及|长春|地铁2号线).
    const cut = [...before].findIndex((_, i) => before.length - i >= 2 && findAdminUnit(before.slice(i), { deepest: 'county' }) !== null);
    const start = match.index + (cut >= 0 ? cut : before.length);
    const lineEnd = match.index + match[0].length;
    const end = lineEnd + extensionLength(text, lineEnd);
    lines.push({ start, end, system: text.slice(start, lineEnd - number.length - 2) });
    found.push(
      candidateAt(paragraph, start, end, { type: 'place', kind: 'rail', name: text.slice(start, end), rule: 'route', priority: 8 }),
    );
    if (end > lineEnd)
      found.push(
        candidateAt(paragraph, start, lineEnd, {
          type: 'place',
          kind: 'rail',
          name: text.slice(start, lineEnd),
          rule: 'route',
          priority: 8,
        }),
      );
  }
  for (const match of text.matchAll(BARE_LINE)) {
    const end = match.index + match[0].length;
    if (lines.some((l) => l.start <= match.index && end <= l.end)) continue;
    const system = lines.filter((l) => l.end <= match.index).at(-1)?.system;
    if (!system) continue;
    found.push(
      candidateAt(paragraph, match.index, end, {
        type: 'place',
        kind: 'rail',
        name: `${system}${match[0]}`,
        rule: 'route',
        priority: 8,
        aliases: [match[0]],
      }),
    );
  }
  return found;
}
