// Enumerations in running text: ……。一是稳增长，……；二是促改革，…… (also 一要/二要, 第一，/第二，, 首先是…第二，, and numbered
// items run in one paragraph: （1）…；（2）… or ①…②…). A chain counts when it starts at one and goes on at two;
// each link becomes a clause from its marker to the next.
import { defined } from '../../domain/defined.ts';
import { chineseNumeral } from './numerals.ts';
import { CN } from './lines.ts';

export interface Clause {
  number: number;
  /** Absolute offsets: the marker (一是) to the next marker or the end of the text. */
  charStart: number;
  charEnd: number;
  /** Absolute offset of the clause's text after the marker. */
  bodyStart: number;
}

/** The links of one enumeration in text order: a chain has two at least. */
export type ClauseChain = [Clause, Clause, ...Clause[]];

type Style = 'shi' | 'yao' | 'di' | 'paren' | 'circled';

// A marker follows the start of the text or a stop; 要 must not begin a word (要求, 要素, 要点 …).
const MARKER = new RegExp(
  `(?<=^|[。;!?:,、\\s])(?:(${CN}{1,2})是(?![否非]|因为|由于)|(${CN})要(?![求素点件害紧务闻领地])|第(${CN}{1,2})[,、:]|[(（](\\d{1,2})[)）]|([\u2460-\u2473])|(首先)(?:是|要|[,、:]))`,
  'g',
);

interface Marker {
  style: Style;
  number: number;
  at: number;
  bodyAt: number;
  /** 首先: a first item only where no 第一，第二，… chain is running (第二，…首先是…；第三，… goes on). */
  weakStart?: boolean;
}

function markersOf(text: string, offset: number): Marker[] {
  const found: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const [, shi, yao, di, paren, circled, first] = m;
    // 首先是…。第二，…: "first of all" opens a chain that goes on with 第二.
    const style: Style = shi ? 'shi' : yao ? 'yao' : di || first ? 'di' : paren ? 'paren' : 'circled';
    const number = first
      ? 1
      : paren
        ? Number(paren)
        : circled
          ? circled.charCodeAt(0) - 0x2460 + 1
          : chineseNumeral(defined(shi ?? yao ?? di, 'numeral of a clause marker'));
    if (Number.isFinite(number) && number > 0)
      found.push({ style, number, at: offset + m.index, bodyAt: offset + m.index + m[0].length, ...(first ? { weakStart: true } : {}) });
  }
  return found;
}

/**
 * Chains of clauses over consecutive texts (the lines of one unit): numbering may run on from one line to the
 * next (a 三是 opening the next paragraph), and starts again at every 一是. Each style keeps its own chain, so a
 * list of another style inside a link (七是…（1）…（2）…) neither ends nor cuts it.
 */
export function findClauses(texts: Array<{ text: string; start: number }>): ClauseChain[] {
  const chains: ClauseChain[] = [];
  const open = new Map<Style, Array<Marker & { end: number }>>();
  const linkText = (m: Marker & { end: number }) => {
    const line = defined(
      texts.find((t) => t.start <= m.at && m.at < t.start + t.text.length),
      'text holding a clause marker',
    );
    return line.text.slice(m.at - line.start, m.end - line.start).trim();
  };
  const close = (style: Style) => {
    const chain = open.get(style) ?? [];
    // Questions (一是…能不能…？二是…？) ask what must be solved; they are not tasks.
    const questions = chain.filter((m) => /[?？]$/.test(linkText(m))).length;
    const [first, second, ...rest] = chain.map((m): Clause => ({ number: m.number, charStart: m.at, charEnd: m.end, bodyStart: m.bodyAt }));
    if (first && second && questions * 2 <= chain.length) chains.push([first, second, ...rest]);
    open.delete(style);
  };
  for (const { text, start } of texts) {
    const lineEnd = start + text.length;
    for (const marker of markersOf(text, start)) {
      const chain = open.get(marker.style);
      const last = chain?.at(-1);
      if (chain && last && marker.number === last.number + 1) {
        // A clause ends at the next marker or with its paragraph, whichever comes first.
        last.end = Math.min(last.end, marker.at);
        chain.push({ ...marker, end: lineEnd });
      } else if (marker.number === 1 && !(marker.weakStart && chain && chain.length >= 2)) {
        close(marker.style);
        open.set(marker.style, [{ ...marker, end: lineEnd }]);
      }
    }
  }
  for (const style of [...open.keys()]) close(style);
  return chains.sort((a, b) => a[0].charStart - b[0].charStart);
}

/** Title of a clause: up to the first stop (or comma-less semicolon) before the next marker, at most 80 characters. */
export function clauseTitle(text: string): string {
  // The text is the document's own, so full-width stops count as well as normalised ones.
  const stop = text.search(/[。;!?；！？]/);
  const title = (stop < 0 ? text : text.slice(0, stop)).replace(/[,、:，：]+$/, '').trim();
  return title.length > 80 ? title.slice(0, 80) : title;
}
