// Finds a report's structure: parts (一、) › sections ((一), bold headings) › numbered items (1. / 一是 / ①) ›
// paragraphs › sentences, all with absolute character offsets into the document text.
import { stableId } from '../domain/ids.ts';
import type { Paragraph, Section, Task } from '../domain/schemas.ts';
import type { ExtractionContext } from './extract/context.ts';

export interface StructureInput {
  documentId: string;
  /** Clean document text (citations show it). */
  text: string;
  /** normalizeWidth(text): same length, used for pattern matching. */
  normalized: string;
  /** Lines that were wholly bold or headings in the source markup. */
  boldLines: Array<{ charStart: number; charEnd: number }>;
}

export interface DocumentStructure {
  sections: Section[];
  tasks: Task[];
  paragraphs: Paragraph[];
}

const NUMERALS = '一二三四五六七八九十';
const PART = /^\s*(?:第([一二三四五六七八九十]+)部分[、,:. ]?|([一二三四五六七八九十]+)[、.])\s*(.+)$/;
const SECTION = /^\s*\(([一二三四五六七八九十]+)\)\s*(.+)$/;
const ITEM_ARABIC = /^\s*(\d{1,3})[.、](?!\d)\s*(.+)$/;
const ITEM_CHINESE = /^\s*([一二三四五六七八九十]{1,3})是(.+)$/;
const ITEM_CIRCLED = /^\s*([①-⑳])\s*(.+)$/;
const ITEM_ORDINAL = /^\s*第([一二三四五六七八九十]{1,3})[,、:]\s*(.+)$/;
/** "一、" opening running text (not a heading) enumerates items. */
const ITEM_ENUMERATED = /^\s*([一二三四五六七八九十]{1,3})、\s*(.+)$/;
const REVIEW_HEADING = /回顾|成绩|总结|过去|去年|上年|本届政府工作|主要工作和成效/;
const PLAN_HEADING = /今后|安排|计划|目标|任务|重点工作|主要工作$|展望|建议/;

/** Review parts look back (2016年工作回顾); the rest plan ahead (2017年重点工作, 今后五年的目标任务). */
export function headingHorizon(title: string | undefined): 'review' | 'plan' {
  return title && REVIEW_HEADING.test(title) && !PLAN_HEADING.test(title) ? 'review' : 'plan';
}

/** A heading line is short and does not read as running text. */
const MAX_HEADING_CHARS = 48;

export function chineseNumeral(text: string): number {
  if (text === '十') return 10;
  const tenAt = text.indexOf('十');
  if (tenAt < 0) return NUMERALS.indexOf(text) + 1;
  const tens = tenAt === 0 ? 1 : NUMERALS.indexOf(text[0]!) + 1;
  const ones = tenAt === text.length - 1 ? 0 : NUMERALS.indexOf(text[tenAt + 1]!) + 1;
  return tens * 10 + ones;
}

function isHeadingOnly(body: string): boolean {
  const trimmed = body.trim();
  if (trimmed.length > MAX_HEADING_CHARS) return false;
  const stop = trimmed.search(/[。;!?]/);
  return stop < 0 || stop === trimmed.length - 1;
}

/** Title of a numbered item or inline section: its text up to the first full stop. */
function leadTitle(body: string): string {
  const stop = body.search(/[。!?]/);
  const title = (stop < 0 ? body : body.slice(0, stop)).trim();
  return title.length > 80 ? title.slice(0, 80) : title;
}

export function splitSentences(text: string, offset: number): Array<{ charStart: number; charEnd: number }> {
  const spans: Array<{ charStart: number; charEnd: number }> = [];
  const boundary = /[^。!?！？]+(?:[。!?！？]+[”’」』)]*|$)/g;
  for (const match of text.matchAll(boundary)) {
    if (!match[0].trim()) continue;
    const start = match.index;
    spans.push({ charStart: offset + start, charEnd: offset + start + match[0].length });
  }
  return spans;
}

interface Line {
  start: number;
  end: number; // exclusive, before the newline
  raw: string; // normalized content
  bold: boolean;
}

function splitLines(input: StructureInput): Line[] {
  const lines: Line[] = [];
  const boldStarts = new Set(input.boldLines.map((b) => b.charStart));
  let start = 0;
  const norm = input.normalized;
  while (start <= norm.length) {
    let end = norm.indexOf('\n', start);
    if (end < 0) end = norm.length;
    const raw = norm.slice(start, end);
    if (raw.trim()) {
      const lead = raw.length - raw.trimStart().length;
      const trail = raw.length - raw.trimEnd().length;
      const s = start + lead;
      const e = end - trail;
      const bold = boldStarts.has(start) || boldStarts.has(s);
      lines.push({ start: s, end: e, raw: norm.slice(s, e), bold });
    }
    start = end + 1;
  }
  return lines;
}

/** Reports without numbered parts head them with bold or Markdown-heading lines instead. */
function isBoldPartHeading(line: Line): boolean {
  return line.bold && isHeadingOnly(line.raw) && !/[:：]$/.test(line.raw) && !/^[—-]/.test(line.raw)
    && !/工作报告$/.test(line.raw) && !SECTION.test(line.raw) && !matchItem(line.raw);
}

/** Without bold either, a short line with no punctuation at all stands as a heading (过去五年回顾及2021年主要工作). */
function isPlainPartHeading(line: Line): boolean {
  const raw = line.raw.trim();
  return raw.length >= 4 && raw.length <= 30 && !/[。;!?,:：，；！？()（）《》]/.test(raw) && !/工作报告$/.test(raw)
    && !/\d{4}\s*年\d{1,2}月\d{1,2}日/.test(raw)
    && !SECTION.test(raw) && !matchItem(raw);
}

/** The report proper starts after the salutation (各位代表：); before it come titles, dates and the speaker. */
function bodyStartIndex(lines: Line[]): number {
  const salutation = lines.slice(0, 30).findIndex((l) => /^各位代表/.test(l.raw.trim()));
  if (salutation >= 0) return salutation + 1;
  const firstProse = lines.findIndex((l) => !l.bold && l.raw.length > 40);
  return Math.max(0, firstProse);
}

/** Line indexes that open parts in a report without 一、 numbering: bold headings, else plain short ones. */
function unnumberedPartHeadings(lines: Line[]): Set<number> {
  const start = bodyStartIndex(lines);
  const candidates = (test: (line: Line) => boolean) => lines.flatMap((line, i) => (i >= start && test(line) ? [i] : []));
  const bold = candidates(isBoldPartHeading);
  return new Set(bold.length ? bold : candidates(isPlainPartHeading));
}

export function parseStructure(input: StructureInput): DocumentStructure {
  const { documentId, text } = input;
  const lines = splitLines(input);
  // Abridged reports may open at 二、: any heading-only numbered line counts as numbering.
  const numberedParts = lines.some((l) => {
    const m = PART.exec(l.raw);
    return m && isHeadingOnly(m[3]!);
  });
  const partHeadings = numberedParts ? new Set<number>() : unnumberedPartHeadings(lines);
  const sections: Section[] = [];
  const tasks: Task[] = [];
  const paragraphs: Paragraph[] = [];

  let part: Section | null = null;
  let section: Section | null = null;
  let lastPartNumber = 0;
  let lastSectionNumber = 0;
  let lastItemNumber = 0;
  let itemStyle: string | null = null;
  let boldOrdinal = 0;

  const currentPath = () => section?.path ?? part?.path ?? '';
  /** Titles are matched on the normalised line but shown in the document's own characters. */
  const original = (line: Line, fragment: string): string => {
    const at = line.raw.indexOf(fragment);
    return at < 0 ? fragment : text.slice(line.start + at, line.start + at + fragment.length);
  };
  const headingTitle = (line: Line, body: string) => original(line, body.trim().replace(/[。:]$/, '').replace(/^[、,.]+/, ''));

  const openSection = (level: 'part' | 'section', path: string, title: string, line: Line): Section => {
    const created: Section = {
      id: stableId('sec', documentId, path),
      documentId,
      path,
      parentPath: level === 'part' ? null : (part?.path ?? null),
      title,
      ordinal: sections.length,
      level,
      charStart: line.start,
      charEnd: line.end,
    };
    sections.push(created);
    return created;
  };

  const addParagraph = (line: Line, task: Task | null) => {
    paragraphs.push({
      id: stableId('par', documentId, line.start),
      documentId,
      sectionPath: currentPath(),
      taskId: task?.id ?? null,
      ordinal: paragraphs.length,
      text: text.slice(line.start, line.end),
      sentences: splitSentences(text.slice(line.start, line.end), line.start),
      charStart: line.start,
      charEnd: line.end,
    });
  };

  const extendSectionEnds = (end: number) => {
    if (part) part.charEnd = end;
    if (section) section.charEnd = end;
  };

  for (const [index, line] of lines.entries()) {
    if (partHeadings.has(index)) {
      const numeral = numeralOf(lastPartNumber + 1);
      lastPartNumber += 1;
      lastSectionNumber = 0;
      lastItemNumber = 0;
      itemStyle = null;
      section = null;
      part = openSection('part', numeral, headingTitle(line, line.raw), line);
      continue;
    }
    const partMatch = PART.exec(line.raw);
    if (partMatch) {
      const numeral = partMatch[1] ?? partMatch[2]!;
      const number = chineseNumeral(numeral);
      const body = partMatch[3]!;
      const opensNumbering = lastPartNumber === 0 && number <= 3;
      if ((number === lastPartNumber + 1 || opensNumbering) && isHeadingOnly(body)) {
        lastPartNumber = number;
        lastSectionNumber = 0;
        lastItemNumber = 0;
        itemStyle = null;
        section = null;
        part = openSection('part', numeral, headingTitle(line, body), line);
        continue;
      }
    }

    const sectionMatch = SECTION.exec(line.raw);
    if (sectionMatch && part) {
      const number = chineseNumeral(sectionMatch[1]!);
      if (number === lastSectionNumber + 1) {
        lastSectionNumber = number;
        const body = sectionMatch[2]!;
        const headingOnly = isHeadingOnly(body);
        section = openSection('section', `${part.path}/（${sectionMatch[1]}）`, headingOnly ? headingTitle(line, body) : original(line, leadTitle(body)), line);
        extendSectionEnds(line.end);
        if (headingOnly) continue;
        addParagraph(line, null);
        continue;
      }
    }

    if (line.bold && part && isHeadingOnly(line.raw) && !ITEM_ARABIC.test(line.raw)) {
      boldOrdinal += 1;
      section = openSection('section', `${part.path}/b${boldOrdinal}`, headingTitle(line, line.raw), line);
      continue;
    }

    const item = matchItem(line.raw);
    if (item && (item.number === lastItemNumber + 1 || item.number === 1) && (itemStyle === null || item.number === 1 || itemStyle === item.style)) {
      lastItemNumber = item.number;
      itemStyle = item.style;
      const task: Task = {
        id: stableId('task', documentId, line.start),
        documentId,
        sectionPath: currentPath(),
        number: item.number,
        title: original(line, leadTitle(item.body)),
        category: section?.title ?? part?.title ?? null,
        horizon: headingHorizon(part?.title),
        charStart: line.start,
        charEnd: line.end,
      };
      tasks.push(task);
      extendSectionEnds(line.end);
      addParagraph(line, task);
      continue;
    }

    extendSectionEnds(line.end);
    addParagraph(line, null);
  }
  return { sections, tasks, paragraphs };
}

function numeralOf(n: number): string {
  if (n <= 10) return n === 10 ? '十' : NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

function matchItem(raw: string): { number: number; body: string; style: 'arabic' | 'chinese' | 'circled' | 'ordinal' | 'enumerated' } | null {
  const arabic = ITEM_ARABIC.exec(raw);
  if (arabic) return { number: Number(arabic[1]), body: arabic[2]!, style: 'arabic' };
  const chinese = ITEM_CHINESE.exec(raw);
  if (chinese) return { number: chineseNumeral(chinese[1]!), body: chinese[2]!, style: 'chinese' };
  const circled = ITEM_CIRCLED.exec(raw);
  if (circled) return { number: circled[1]!.charCodeAt(0) - 0x2460 + 1, body: circled[2]!, style: 'circled' };
  const ordinal = ITEM_ORDINAL.exec(raw);
  if (ordinal) return { number: chineseNumeral(ordinal[1]!), body: ordinal[2]!, style: 'ordinal' };
  const enumerated = ITEM_ENUMERATED.exec(raw);
  if (enumerated && !isHeadingOnly(enumerated[2]!)) return { number: chineseNumeral(enumerated[1]!), body: enumerated[2]!, style: 'enumerated' };
  return null;
}

/** The view extractors work on: normalised paragraph text with the titles of its part, section and item. */
export function buildExtractionContext(
  structure: DocumentStructure,
  normalized: string,
  meta: { documentId: string; year: number | null; place: string | null; placeCode?: string | null },
): ExtractionContext {
  const sectionByPath = new Map(structure.sections.map((s) => [s.path, s]));
  const taskById = new Map(structure.tasks.map((t) => [t.id, t]));
  return {
    documentId: meta.documentId,
    year: meta.year,
    place: meta.place,
    placeCode: meta.placeCode ?? null,
    paragraphs: structure.paragraphs.map((p) => {
      const headings: string[] = [];
      const section = sectionByPath.get(p.sectionPath);
      const parent = section?.parentPath ? sectionByPath.get(section.parentPath) : undefined;
      if (parent) headings.push(parent.title);
      if (section) headings.push(section.title);
      const task = p.taskId ? taskById.get(p.taskId) : undefined;
      if (task) headings.push(task.title);
      return {
        id: p.id,
        text: normalized.slice(p.charStart, p.charEnd),
        charStart: p.charStart,
        headings,
        taskNumber: task?.number ?? null,
      };
    }),
  };
}
