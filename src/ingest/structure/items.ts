// Numbered items at the start of a line: 1. 1、 (1) ⑴ ① 第一， 一是 一、(in running text), and bold lead sentences.
import { chineseNumeral } from './numerals.ts';
import { CN, isHeadingOnly, type Line } from './lines.ts';

export type ItemStyle = 'arabic' | 'paren-arabic' | 'paren-circled' | 'circled' | 'ordinal' | 'chinese' | 'enumerated' | 'bold' | 'lead';

export interface ItemMatch {
  style: ItemStyle;
  /** 0 for bold leads, which are counted in order instead. */
  number: number;
  /** Offset of the body (after the number) within the line. */
  bodyAt: number;
  body: string;
}

const ARABIC = /^(\d{1,3})\s*[.、](?!\d)\s*/;
const PAREN_ARABIC = /^[(（](\d{1,2})[)）]\s*/;
const PAREN_CIRCLED = /^([\u2474-\u2487])\s*/; // ⑴ … ⒇
const CIRCLED = /^([\u2460-\u2473])\s*/; // ① … ⑳
const ORDINAL = new RegExp(`^第(${CN}{1,3})[,、:]\\s*`);
const CHINESE = new RegExp(`^(${CN}{1,3})是(?![否非])`);
const ENUMERATED = new RegExp(`^(${CN}{1,3})、\\s*`);

/** Every pattern captures the item's number mark as its first group; `number` reads its value. */
function matched(raw: string, pattern: RegExp, style: ItemStyle, number: (mark: string) => number): ItemMatch | null {
  const m = pattern.exec(raw);
  const mark = m?.[1];
  if (!m || mark === undefined) return null;
  const n = number(mark);
  return Number.isFinite(n) && n > 0 ? { style, number: n, bodyAt: m[0].length, body: raw.slice(m[0].length) } : null;
}

/** The numbered item a line opens, if any; "一、" counts only when it opens running text, not a heading. */
export function matchItem(raw: string): ItemMatch | null {
  const line = raw.trimStart();
  const found =
    matched(line, ARABIC, 'arabic', Number) ??
    matched(line, PAREN_ARABIC, 'paren-arabic', Number) ??
    matched(line, PAREN_CIRCLED, 'paren-circled', (mark) => mark.charCodeAt(0) - 0x2474 + 1) ??
    matched(line, CIRCLED, 'circled', (mark) => mark.charCodeAt(0) - 0x2460 + 1) ??
    matched(line, ORDINAL, 'ordinal', chineseNumeral) ??
    matched(line, CHINESE, 'chinese', chineseNumeral);
  if (found) {
    // A bare "2." or "1、" with nothing after it is a stray mark, not an item.
    return found.body.trim().length >= 2 ? { ...found, bodyAt: found.bodyAt + raw.length - line.length } : null;
  }
  const enumerated = matched(line, ENUMERATED, 'enumerated', chineseNumeral);
  return enumerated && !isHeadingOnly(enumerated.body) ? { ...enumerated, bodyAt: enumerated.bodyAt + raw.length - line.length } : null;
}

/** A line that opens with a bold sentence and goes on in plain text reads as an item titled by that sentence. */
export function matchBoldLead(line: Line): ItemMatch | null {
  if (line.boldLeadEnd === null) return null;
  const lead = line.raw.slice(0, line.boldLeadEnd - line.start).trim();
  if (lead.length < 4 || lead.length > 80 || /[:：]$/.test(lead)) return null;
  return { style: 'bold', number: 0, bodyAt: 0, body: line.raw };
}

/** Title of an item or inline heading: its text up to the first full stop, at most 80 characters. */
export function leadTitle(body: string): string {
  const stop = body.search(/[。!?]/);
  const title = (stop < 0 ? body : body.slice(0, stop)).trim();
  return title.length > 80 ? title.slice(0, 80) : title;
}
