// The report as a tree of enumerated units: parts (一、 or unnumbered headings) › sections ((一), bold heading
// lines) › numbered items, nested by style (1. › (1) › ①), and bold lead sentences; every line is owned by the
// innermost unit open when it comes. Horizons are resolved per unit from headings and announcement lines.
import { defined } from '../../domain/defined.ts';
import { announcementHorizon, APPENDIX, explicitHorizon, headingHorizon, namesPlanPeriodOnly, type Horizon } from './horizon.ts';
import { matchBoldLead, matchItem, type ItemStyle } from './items.ts';
import { leadLength, leadPhraseEnd, leadsOf, MAX_PARALLEL_LEAD } from './leads.ts';
import { isHeadingOnly, PART, SECTION, type Line } from './lines.ts';
import { chineseNumeral, numeralOf } from './numerals.ts';

export interface Unit {
  kind: 'root' | 'part' | 'section' | 'item';
  style: ItemStyle | null;
  number: number;
  path: string;
  /** The heading or lead, matched on the normalised line (shown in the document's characters later). */
  titleAt: { start: number; end: number } | null;
  start: number;
  end: number;
  /** The heading or lead title in normalised characters ('' for the root). */
  title: string;
  /** The opening line is a heading alone, not a paragraph. */
  headingOnly: boolean;
  /** Horizon an announcement line had set in the parent when this unit opened. */
  cue: Horizon | null;
  horizon: Horizon;
  parent: Unit | null;
  children: Unit[];
  /** Lines of running text owned by this unit, its own opening line first when it is not a heading alone. */
  lines: Line[];
  /** Horizon announced by the last announcement line inside this unit, for the units opened after it. */
  announced: Horizon | null;
  /** A 一、 heading under an unnumbered bold part: a section that (一) sections nest in. */
  chapter: boolean;
}

export interface TreeOptions {
  planYear: number | null;
}

/** A 一、 or 第一部分 line: its number, and its text after the numeral, which starts at offset `bodyAt` in the line. */
interface PartHeading {
  number: number;
  body: string;
  bodyAt: number;
}

function partHeading(raw: string): PartHeading | null {
  const match = PART.exec(raw);
  // PART numbers a part in one of two forms (第一部分 or 一、), so exactly one of its numeral groups is set.
  const numeral = match?.[1] ?? match?.[2];
  const body = match?.[3];
  if (!match || numeral === undefined || body === undefined) return null;
  return { number: chineseNumeral(numeral), body, bodyAt: match[0].length - body.length };
}

/**
 * End of a heading set off by spaces from the sentence it runs into (2005年 主要任务 今年是全面实现…), within the body:
 * the last run of spaces before the first stop, with at most 24 characters before it.
 */
function spacedRunInEnd(body: string): number | null {
  const stop = body.search(/[。;!?，,]/);
  if (stop < 0) return null;
  const gaps = [...body.slice(0, stop).matchAll(/[ \u3000]+(?=\S)/g)];
  const last = gaps.at(-1);
  return last && last.index <= 24 && last.index >= 4 ? last.index : null;
}

/** A 一、 heading alone on its line (not one run into its paragraph). */
function isPartHeadingLine(raw: string): boolean {
  const heading = partHeading(raw);
  return heading !== null && isHeadingOnly(heading.body);
}

function lineAt(lines: Line[], index: number): Line {
  return defined(lines[index], 'line at a heading index');
}

/** Reports without numbered parts head them with bold or Markdown-heading lines instead. */
function isBoldPartHeading(line: Line): boolean {
  return (
    line.bold &&
    isHeadingOnly(line.raw) &&
    !/[:：]$/.test(line.raw) &&
    !/^[—-]/.test(line.raw) &&
    !/工作报告$/.test(line.raw) &&
    !SECTION.test(line.raw) &&
    !matchItem(line.raw)
  );
}

/** Without bold either, a short line with no punctuation at all stands as a heading (过去五年回顾及2021年主要工作). */
function isPlainPartHeading(line: Line): boolean {
  const raw = line.raw.trim();
  return (
    raw.length >= 4 &&
    raw.length <= 30 &&
    !/[。;!?,:：，；！？()（）《》]/.test(raw) &&
    !/工作报告$/.test(raw) &&
    !/\d{4}\s*年\d{1,2}月\d{1,2}日/.test(raw) &&
    !SECTION.test(raw) &&
    !matchItem(raw)
  );
}

/** The report proper starts after the salutation (各位代表：); before it come titles, dates and the speaker. */
function bodyStartIndex(lines: Line[]): number {
  const salutation = lines.slice(0, 30).findIndex((l) => /^(各位代表|同志们|各位委员)/.test(l.raw.trim()));
  if (salutation >= 0) return salutation + 1;
  const firstProse = lines.findIndex((l) => !l.bold && l.raw.length > 40);
  return Math.max(0, firstProse);
}

/**
 * Line indexes that open parts in a report without 一、 numbering: bold headings, else plain short ones. Where a
 * bold part names its period (**2009年工作回顾**), a plain line naming one too (2010年总体要求和目标任务) is its
 * sibling whose markup was lost.
 */
function unnumberedPartHeadings(lines: Line[], planYear: number | null): Set<number> {
  const start = bodyStartIndex(lines);
  const candidates = (test: (line: Line) => boolean) => lines.flatMap((line, i) => (i >= start && test(line) ? [i] : []));
  const bold = candidates(isBoldPartHeading);
  if (!bold.length) return new Set(candidates(isPlainPartHeading));
  const namesPeriod = (line: Line) => explicitHorizon(line.raw, planYear) !== null;
  if (!bold.some((i) => namesPeriod(lineAt(lines, i)))) return new Set(bold);
  return new Set([...bold, ...candidates((line) => isPlainPartHeading(line) && namesPeriod(line))].sort((a, b) => a - b));
}

/**
 * Reports that head their parts with unnumbered bold lines (**2013年工作回顾**, **2014年工作安排**) and number
 * the sections inside each part 一、 二、 again: the bold lines naming a period are the parts, and the 一、
 * headings are sections. Recognised when such a line precedes the first 一、 and the 一、 numbering restarts.
 */
function boldPartsOverNumbered(lines: Line[], planYear: number | null): Set<number> {
  const numbered = lines.flatMap((line, i) => {
    const heading = partHeading(line.raw);
    return heading && isHeadingOnly(heading.body) ? [{ i, number: heading.number }] : [];
  });
  // Each run of 一、 numbering: the line it starts on, and the line of the numbered heading before it (-1 for the first).
  const runs = numbered.flatMap((n, k) => (k === 0 || n.number === 1 ? [{ start: n.i, after: numbered[k - 1]?.i ?? -1 }] : []));
  const [firstRun, ...restarts] = runs;
  if (!firstRun) return new Set();
  const start = bodyStartIndex(lines);
  // Heading lines without a number: bold, or (where the markup was lost) short and unpunctuated.
  const worded = (line: Line) => (line.raw.match(/[\u4e00-\u9fff]/g) ?? []).length >= 4; // not a stray "1993"
  const headings = lines.flatMap((line, i) =>
    i >= start && (isBoldPartHeading(line) || isPlainPartHeading(line)) && worded(line) && !PART.test(line.raw) ? [i] : [],
  );
  const cued = headings.filter((i) => headingHorizon(lineAt(lines, i).raw, planYear) !== null);
  if (!restarts.length) {
    // 1998年工作的回顾 … 1999年的主要任务 … 一、…十、: the review is running text, only the plan numbers its chapters. Two
    // or more heading lines before the first 一、, each naming a period of its own, are the parts.
    const before = cued
      .filter((i) => i < firstRun.start)
      .map((i) => ({ i, period: explicitHorizon(lineAt(lines, i).raw, planYear) }))
      .filter((h) => h.period !== null);
    return before.length >= 2 && new Set(before.map((h) => h.period)).size === before.length ? new Set(before.map((h) => h.i)) : new Set();
  }
  /** The heading that opens a run of 一、 numbering: the last one between it and the numbered heading before it. */
  const opener = (run: { start: number; after: number }, among: number[]) => among.filter((i) => i < run.start && i > run.after).at(-1);
  // The first run is opened by a heading naming its period; every restart by a heading of any kind.
  const openers = runs.map((run) => opener(run, headings)).filter((i) => i !== undefined);
  if (opener(firstRun, cued) === undefined || openers.length < runs.length) return new Set();
  return new Set([...cued, ...openers]);
}

/** 名词解释, 注释, 附件1, 附录一：… — a glossary or annex after the report proper (horizon other). */
function isAppendixHeading(raw: string): boolean {
  const trimmed = raw.trim();
  return trimmed.length <= 30 && APPENDIX.test(trimmed);
}

/** A heading naming the plan year's (or this year's) practical matters for the people (民生实事, 十件实事). */
function namesThisYearsWork(raw: string, planYear: number | null): boolean {
  const year = /((?:19|20)\d{2})年/.exec(raw)?.[1];
  return /实事/.test(raw) && (/^今年/.test(raw.trim()) || (year !== undefined && Number(year) === planYear));
}

/** Closing words end any open list: what follows them belongs to the part, not to its last item. */
const CLOSING = /^(各位代表|同志们|各位委员)[!！,，:：]/;

/** A part without a cue in its heading: its first lines may say (一年来 … / 今年 …). */
function textHorizon(lines: Line[], planYear: number | null): Horizon | null {
  const head = lines
    .slice(0, 2)
    .map((l) => l.raw.slice(0, 60))
    .join('');
  if (/^(过去|刚刚过去|一年来|五年来|去年|上年)|过去的一年|一年来/.test(head)) return 'review';
  const [firstYear] = [...head.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
  // A part opening on a year (2011年，面对… / 2012年是…关键一年) is about that year.
  const opening = /^\s*((?:19|20)\d{2})年/.exec(head);
  if (planYear !== null && opening) {
    const year = Number(opening[1]);
    if (year < planYear) return 'review';
    if (year === planYear) return 'year';
  }
  if (planYear !== null && firstYear !== undefined && firstYear < planYear && /是.{0,20}(一年|之年)/.test(head)) return 'review';
  if (/^(今年|今后|明年)/.test(head)) return 'year';
  return null;
}

export function buildTree(lines: Line[], { planYear }: TreeOptions): Unit {
  const root = unit('root', null, 0, '', null, null, true, null);
  const numberedParts = lines.some((l) => isPartHeadingLine(l.raw));
  const partHeadings = numberedParts ? boldPartsOverNumbered(lines, planYear) : unnumberedPartHeadings(lines, planYear);
  const chaptered = numberedParts && partHeadings.size > 0;
  const bodyStart = bodyStartIndex(lines);
  /** After a glossary or annex heading nothing opens a part: the rest of the report is that appendix. */
  let appendix = false;
  const stack: Unit[] = [root];
  const parts: Unit[] = [];
  let lastPartNumber = 0;
  let boldOrdinal = 0;
  const lastNumber = new Map<ItemStyle, number>();

  const top = () => defined(stack.at(-1), 'open unit');
  // The root, at the bottom of the stack, is no item: the search ends there at the latest.
  const container = () => [...stack].reverse().find((u) => u.kind !== 'item') ?? root;
  const part = () => stack.find((u) => u.kind === 'part') ?? null;
  let previousLineEnd = 0;
  /** End of the line before the one being read: where units closed by this line end. */
  let endBeforeLine = 0;
  /** Closes the units above target: the line that closes them is not theirs, so they end with the line before. */
  const popTo = (target: Unit) => {
    for (let closed = top(); closed !== target; closed = top()) {
      stack.pop();
      closed.end = Math.max(closed.start, Math.min(closed.end, endBeforeLine));
    }
  };
  const open = (child: Unit) => {
    defined(child.parent, 'parent of an opened unit').children.push(child);
    stack.push(child);
    return child;
  };

  const openPart = (number: number, numeral: string, titleStart: number, line: Line) => {
    // The heading line was counted into the open units: they end with the line before it.
    for (const u of stack) if (u !== root) u.end = Math.min(u.end, endBeforeLine);
    popTo(root);
    lastPartNumber = number;
    const created = open(unit('part', null, number, numeral, { start: titleStart, end: line.end }, line, true, root));
    parts.push(created);
    return created;
  };
  /** A section's siblings are opened in its parent, except under a chapter, which sections nest in. */
  const sectionHost = (current: Unit) =>
    current.kind === 'section' && !current.chapter ? defined(current.parent, 'parent of a section') : current;

  for (const [index, line] of lines.entries()) {
    for (const u of stack) u.end = Math.max(u.end, line.end);
    endBeforeLine = previousLineEnd;
    previousLineEnd = line.end;

    if (!appendix && index >= bodyStart && isAppendixHeading(line.raw)) {
      openPart(lastPartNumber + 1, numeralOf(lastPartNumber + 1), line.start, line);
      appendix = true;
      continue;
    }
    // An annex listing this year's practical matters (2010年市政府十件实事, 2017年省十件民生实事) is year work again.
    if (appendix && isHeadingOnly(line.raw) && line.raw.trim().length <= 20 && namesThisYearsWork(line.raw, planYear)) {
      openPart(lastPartNumber + 1, numeralOf(lastPartNumber + 1), line.start, line);
      appendix = false;
      continue;
    }
    if (!appendix && partHeadings.has(index)) {
      openPart(lastPartNumber + 1, numeralOf(lastPartNumber + 1), line.start, line);
      continue;
    }
    const partMatch = partHeading(line.raw);
    const chapterHost = chaptered ? part() : null;
    if (!appendix && partMatch && isHeadingOnly(partMatch.body) && chapterHost) {
      popTo(chapterHost);
      const number = partMatch.number;
      const created = open(
        unit(
          'section',
          null,
          number,
          `${chapterHost.path}/${numeralOf(number)}、`,
          { start: line.start + partMatch.bodyAt, end: line.end },
          line,
          true,
          chapterHost,
        ),
      );
      created.chapter = true;
      continue;
    }
    // **二、2005年主要任务** 今年是…: the next part's heading in bold, run into its paragraph; or set off from it by
    // spaces where the markup was lost (二、2005年 主要任务 今年是…).
    const spacedTitleEnd = partMatch && line.boldLeadEnd === null ? spacedRunInEnd(partMatch.body) : null;
    const runInEnd = line.boldLeadEnd ?? (partMatch && spacedTitleEnd !== null ? line.start + partMatch.bodyAt + spacedTitleEnd : null);
    if (!appendix && !chaptered && partMatch && runInEnd !== null && partMatch.number === lastPartNumber + 1) {
      const titleStart = line.start + partMatch.bodyAt;
      const title = line.raw.slice(titleStart - line.start, runInEnd - line.start).trim();
      if (titleStart < runInEnd && isHeadingOnly(title)) {
        const created = openPart(lastPartNumber + 1, numeralOf(lastPartNumber + 1), titleStart, line);
        created.titleAt = { start: titleStart, end: titleStart + title.length };
        created.title = title;
        created.headingOnly = false;
        created.lines.push(line);
        continue;
      }
    }

    if (!appendix && partMatch && isHeadingOnly(partMatch.body)) {
      const number = partMatch.number;
      const opensNumbering = lastPartNumber === 0 && number <= 3;
      // A misprinted repeat of the last number (二、 … 二、) or one skipped number still opens a new part.
      if (
        number === lastPartNumber + 1 ||
        opensNumbering ||
        ((number === lastPartNumber || number === lastPartNumber + 2) && lastPartNumber > 0)
      ) {
        const next = opensNumbering ? number : lastPartNumber + 1;
        openPart(next, numeralOf(next), line.start + partMatch.bodyAt, line);
        continue;
      }
    }

    // 一、进入新世纪，…取得可喜成就“十五”计划是… : the first part's heading run into its paragraph, unmarked, while
    // 二、 and the parts after it are heading lines. The part opens here, titled by the line's first sentence.
    if (
      !appendix &&
      !chaptered &&
      partMatch &&
      lastPartNumber === 0 &&
      index >= bodyStart &&
      partMatch.number === 1 &&
      lines.slice(index + 1).some((l) => {
        const next = partHeading(l.raw);
        return next !== null && isHeadingOnly(next.body) && next.number === 2;
      })
    ) {
      const titleStart = line.start + partMatch.bodyAt;
      const created = openPart(1, numeralOf(1), titleStart, line);
      // Unmarked, the heading phrase ends with its review noun (…取得可喜成就) where it names one.
      const head = partMatch.body.slice(0, leadLength(partMatch.body.slice(0, RUN_IN_TITLE_CHARS)));
      const cue = /成就|成绩|成效|进展|回顾/.exec(head);
      created.titleAt = { start: titleStart, end: titleStart + (cue ? cue.index + cue[0].length : head.length) };
      created.title = line.raw.slice(created.titleAt.start - line.start, created.titleAt.end - line.start);
      created.headingOnly = false;
      created.lines.push(line);
      continue;
    }

    const current = container();
    const [, sectionNumeral, sectionBody] = SECTION.exec(line.raw) ?? [];
    if (sectionNumeral !== undefined && sectionBody !== undefined) {
      const number = chineseNumeral(sectionNumeral);
      const host = sectionHost(current);
      const previous = host.children.filter((c) => c.kind === 'section' && c.style === null).at(-1);
      if (number === (previous?.number ?? 0) + 1) {
        popTo(host);
        const headingOnly = isHeadingOnly(sectionBody);
        const bodyStart = line.start + line.raw.length - sectionBody.length;
        const titleEnd = headingOnly ? line.end : bodyStart + leadLength(sectionBody);
        const created = open(
          unit(
            'section',
            null,
            number,
            `${host.path}/（${numeralOf(number)}）`,
            { start: bodyStart, end: titleEnd },
            line,
            headingOnly,
            host,
          ),
        );
        if (!headingOnly) created.lines.push(line);
        continue;
      }
    }

    const item = matchItem(line.raw);
    // 加强政府自身建设 as a bold line of its own after the numbered parts is a part of its own (other).
    if (!appendix && line.bold && isHeadingOnly(line.raw) && !item && part() && headingHorizon(line.raw, planYear) === 'other') {
      openPart(lastPartNumber + 1, numeralOf(lastPartNumber + 1), line.start, line);
      continue;
    }
    // A bold line ending in a colon announces what follows (**今年，我们将抓好以下重点工作：**): running text.
    if (line.bold && isHeadingOnly(line.raw) && !item && current.kind !== 'root' && !/[:：]$/.test(line.raw)) {
      const host = sectionHost(current);
      popTo(host);
      boldOrdinal += 1;
      open(unit('section', 'bold', boldOrdinal, `${host.path}/b${boldOrdinal}`, { start: line.start, end: line.end }, line, true, host));
      continue;
    }

    const listItem = item ?? matchBoldLead(line);
    if (listItem && placeItem(listItem.style, listItem.number, line, listItem.bodyAt)) continue;

    const enclosingPart = part();
    if (CLOSING.test(line.raw) && enclosingPart) popTo(enclosingPart);
    const announced = announcementHorizon(line.raw, planYear);
    if (announced && announced !== (container().announced ?? container().cue)) {
      // An announcement of another horizon starts a new list: close the items before it.
      popTo(container());
      container().announced = announced;
    }
    top().lines.push(line);
  }

  for (const u of walk(root)) if (u.kind === 'section' || u.kind === 'part') splitLeadParagraphs(u);
  resolveHorizons(root, parts, planYear);
  return root;

  function placeItem(style: ItemStyle, number: number, line: Line, bodyAt: number): boolean {
    const sibling = stack.slice(stack.indexOf(container()) + 1).findLast((u) => u.style === style);
    let parent: Unit;
    let n = number;
    if (sibling) {
      if (style === 'bold') n = sibling.number + 1;
      else if (number !== sibling.number + 1 && number !== 1) return false;
      parent = defined(sibling.parent, 'parent of a list item');
    } else {
      parent = top();
      if (style === 'bold') n = 1;
      // A list starts at one, except right under a heading: an abridged list may open at its second item, and
      // a report may number its items straight through its sections (（一） 1.–18. （二） 19.–25.).
      else if (
        number !== 1 &&
        !(parent.kind !== 'item' && parent.children.length === 0 && (number <= 2 || number === (lastNumber.get(style) ?? 0) + 1))
      )
        return false;
      // 一、 in running text only numbers items inside a part that is numbered otherwise.
      if (style === 'enumerated' && parent.kind === 'root') return false;
    }
    popTo(parent);
    const body = line.raw.slice(bodyAt);
    const titleEnd = style === 'bold' ? defined(line.boldLeadEnd, 'end of a bold lead') : line.start + bodyAt + leadLength(body);
    // A numbered heading line (1.做好…政策储备，突出优供给扩需求) may head a list of its own, like a section.
    const headingOnly = style !== 'bold' && isHeadingOnly(body);
    const created = open(
      unit('item', style, n, `${parent.path}/${style}${n}`, { start: line.start + bodyAt, end: titleEnd }, line, headingOnly, parent),
    );
    created.lines.push(line);
    lastNumber.set(style, n);
    return true;
  }
}

function* walk(u: Unit): Generator<Unit> {
  yield u;
  for (const child of [...u.children]) yield* walk(child);
}

/** Lines of a unit that are its own opening paragraph (a heading run into it): 1, or 0 for a heading alone. */
function ownLines(u: Unit): 0 | 1 {
  return u.lines[0]?.start === u.start && !u.headingOnly ? 1 : 0;
}

/**
 * Heading-less lists: a section (or a part without sections) whose paragraphs open with lead phrases holds one
 * item per such paragraph; paragraphs without a lead continue the item before them. Two leads make a list. A part
 * with sections may hold such a list after them, past a 各位代表！ interlude (政府自身建设 in the plan's last lines).
 */
function splitLeadParagraphs(u: Unit): void {
  const lastChild = u.children.at(-1);
  if (!lastChild && u.kind === 'part' && splitAreaParagraphs(u)) {
    for (const area of u.children) splitLeadParagraphs(area);
    return;
  }
  if (!lastChild) {
    const [firstLine] = u.lines;
    const own = ownLines(u);
    // A section whose heading runs into an opening paragraph of work ((七)加快发展科技和教育。抓好…。…。…) followed by
    // a lead paragraph (坚持优先发展教育。…): the opening paragraph, led by the heading, is the list's first item.
    const opening = firstLine && own && u.kind === 'section' && isContentParagraph(firstLine.raw) ? firstLine : null;
    u.lines = [...u.lines.slice(0, own), ...splitRun(u, u.lines.slice(own), opening)];
    if (opening && u.children.length) u.lines = u.lines.filter((line) => line !== opening);
    return;
  }
  if (u.kind === 'section') {
    // Lead paragraphs before a section's numbered list are items too (扎实做好扶贫帮困工作。… then 今年重点抓好以下8个
    // 方面：1、…): the section's running text before its first child, past its heading line.
    const firstStart = defined(u.children[0], 'first child').start;
    const own = ownLines(u);
    const before = u.lines.slice(own).filter((line) => line.end <= firstStart);
    const numbered = u.children;
    u.children = [];
    const kept = splitRun(u, before);
    u.children.push(...numbered);
    u.lines = [...u.lines.slice(0, own), ...kept, ...u.lines.slice(own).filter((line) => line.end > firstStart)];
    return;
  }
  if (u.kind !== 'part') return;
  const lastChildEnd = lastChild.end;
  const head = u.lines.filter((line) => line.start < lastChildEnd);
  let run: Line[] = [];
  const runs: Line[][] = [run];
  for (const line of u.lines.filter((l) => l.start >= lastChildEnd)) {
    if (CLOSING.test(line.raw) || /^(各位代表|同志们|各位委员)[!！]?$/.test(line.raw.trim())) {
      run = [];
      runs.push([line], run);
    } else run.push(line);
  }
  u.lines = [...head, ...runs.flatMap((run) => (run.length > 1 ? splitRun(u, run) : run))];
}

/** An area's lead: two clauses of a few characters each (聚力实体经济振兴，构建现代产业体系。). */
const AREA_LEAD = /^[^,，;；:：]{4,14}[,，][^,，;；:：]{4,14}$/;
/** Areas of a part head at least this many, each over at least two lead paragraphs of its own. */
const MIN_AREAS = 3;
const MIN_AREA_ITEMS = 2;

/**
 * A heading-less part whose areas are lead paragraphs opening with the same word (聚力…，…。 over 大力改造提升传统产业。…
 * 放大能源资源优势。…, then 聚力…，…。 again): each area opens a section over the lead paragraphs up to the next one.
 * Returns whether the part was so divided.
 */
function splitAreaParagraphs(u: Unit): boolean {
  const own = ownLines(u);
  const lines = u.lines.slice(own);
  const areaEnd = (line: Line) => {
    const end = leadPhraseEnd(line.raw, MAX_PARALLEL_LEAD);
    return end >= 0 && AREA_LEAD.test(line.raw.slice(0, end)) ? end : -1;
  };
  const openings = new Map<string, number>();
  for (const line of lines) if (areaEnd(line) >= 0) openings.set(line.raw.slice(0, 2), (openings.get(line.raw.slice(0, 2)) ?? 0) + 1);
  const [opening] = [...openings].find(([, count]) => count >= MIN_AREAS) ?? [];
  if (opening === undefined) return false;
  const areaAt = lines.flatMap((line, i) => (line.raw.startsWith(opening) && areaEnd(line) >= 0 ? [i] : []));
  // Between one area and the next (and after the last), lead paragraphs of other openings; none before the first.
  const itemsUnder = areaAt.map((at, k) =>
    lines.slice(at + 1, areaAt[k + 1] ?? lines.length).filter((line) => leadPhraseEnd(line.raw) >= 0 && !line.raw.startsWith(opening)),
  );
  const firstArea = defined(areaAt[0], 'first area');
  const leadsBefore = lines.slice(0, firstArea).filter((line) => leadPhraseEnd(line.raw) >= 0).length;
  if (leadsBefore > 0 || itemsUnder.some((items) => items.length < MIN_AREA_ITEMS)) return false;
  areaAt.forEach((at, k) => {
    const line = defined(lines[at], 'area line');
    const area = unit(
      'section',
      'bold',
      k + 1,
      `${u.path}/a${k + 1}`,
      { start: line.start, end: line.start + areaEnd(line) },
      line,
      false,
      u,
    );
    area.lines = lines.slice(at, areaAt[k + 1] ?? lines.length);
    area.end = defined(area.lines.at(-1), 'last line of an area').end;
    u.children.push(area);
  });
  u.lines = [...u.lines.slice(0, own), ...lines.slice(0, firstArea)];
  return true;
}

/** Past its heading a run-in section's opening paragraph is work of its own, not an intro of one or two sentences. */
const MIN_CONTENT_CHARS = 200;
const MIN_CONTENT_SENTENCES = 3;
function isContentParagraph(raw: string): boolean {
  return raw.length >= MIN_CONTENT_CHARS && (raw.match(/[。；;]/g) ?? []).length > MIN_CONTENT_SENTENCES;
}

/**
 * Turns the lead paragraphs of a run of lines into items of u; returns the lines before the first lead. A run-in
 * section's opening line, when given, counts as the first lead, titled by the section's heading.
 */
function splitRun(u: Unit, lines: Line[], opening: Line | null = null): Line[] {
  const leads = leadsOf(lines, u.kind === 'section');
  // After an opening paragraph of work, only a short lead phrase (坚持优先发展教育。) opens another item.
  if (opening && !lines.some((line) => leadPhraseEnd(line.raw) >= 0)) return lines;
  if (leads.filter((lead) => lead.end >= 0).length + (opening ? 1 : 0) < 2) return lines;
  const kept: Line[] = [];
  let current: Unit | null = null;
  if (opening) {
    current = unit('item', 'lead', 1, `${u.path}/lead1`, u.titleAt, opening, false, u);
    current.lines.push(opening);
    u.children.push(current);
  }
  for (const { line, end } of leads) {
    if (end >= 0) {
      const number = u.children.filter((c) => c.style === 'lead').length + 1;
      current = unit('item', 'lead', number, `${u.path}/lead${number}`, { start: line.start, end: line.start + end }, line, false, u);
      u.children.push(current);
    }
    if (current) {
      current.lines.push(line);
      current.end = line.end;
    } else kept.push(line);
  }
  return kept;
}

/** A run-in part heading is read for its horizon cue up to here at most. */
const RUN_IN_TITLE_CHARS = 40;

function unit(
  kind: Unit['kind'],
  style: ItemStyle | null,
  number: number,
  path: string,
  titleAt: Unit['titleAt'],
  line: Line | null,
  headingOnly: boolean,
  parent: Unit | null,
): Unit {
  const title = titleAt && line ? line.raw.slice(titleAt.start - line.start, titleAt.end - line.start) : '';
  return {
    kind,
    style,
    number,
    path,
    titleAt,
    title,
    start: line?.start ?? 0,
    end: line?.end ?? 0,
    headingOnly,
    cue: parent?.announced ?? null,
    horizon: 'year',
    parent,
    children: [],
    lines: [],
    announced: null,
    chapter: false,
  };
}

/**
 * Parts take the horizon their heading names, else the one their opening lines suggest, else their
 * neighbour's: a topic part (扩大内需) after a plan part continues that plan. Sections take a heading cue of
 * their own only when it names a period explicitly; items and sections without one take the horizon an
 * announcement set before them, else their parent's.
 */
function resolveHorizons(root: Unit, parts: Unit[], planYear: number | null): void {
  const named = parts.map((p) => {
    const heading = headingHorizon(p.title, planYear);
    const opening = textHorizon(p.lines, planYear);
    if (heading === 'multi-year' && (opening === 'review' || opening === 'year') && namesPlanPeriodOnly(p.title)) return opening;
    return heading ?? opening;
  });
  const firstNamed = named.find((h) => h !== null) ?? null;
  let previous: Horizon | null = null;
  parts.forEach((p, i) => {
    const fallback: Horizon =
      previous === null
        ? (firstNamed === 'year' || firstNamed === 'multi-year') && !named.includes('review')
          ? 'review'
          : 'year'
        : previous === 'review' || previous === 'other'
          ? 'year'
          : previous;
    p.horizon = named[i] ?? fallback;
    previous = p.horizon;
  });
  const descend = (u: Unit) => {
    for (const child of u.children) {
      if (child.kind !== 'part') {
        const named = child.kind === 'section' ? explicitHorizon(child.title, planYear) : null;
        // 努力实现“十一五”规划良好开局 names only the plan a year's work serves: its opening lines (今年…) decide.
        const own = named === 'multi-year' && namesPlanPeriodOnly(child.title) ? (textHorizon(child.lines, planYear) ?? named) : named;
        child.horizon = own ?? child.cue ?? u.horizon;
      }
      descend(child);
    }
  };
  root.horizon = root.cue ?? 'year';
  descend(root);
}
