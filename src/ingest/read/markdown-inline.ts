// Inline Markdown of one line (or table cell): what to copy, what to insert (decoded entities, <br> breaks)
// and where emphasis delimiters sit. Markup that carries no text — link targets, images, HTML tags and
// comments — simply produces no operation. Whether a delimiter opens, closes or is stray is decided later,
// across lines, by the caller.
import { decodeReferenceAt } from './entities.ts';

export type DelimiterRole = 'open' | 'close' | 'unmatched';
export type StrongDelimiter = '**' | '__';

export type InlineOp =
  | { kind: 'copy'; start: number; end: number }
  | { kind: 'insert'; text: string; at: number }
  | { kind: 'strong'; at: number; delimiter: StrongDelimiter; role: DelimiterRole }
  | EmphasisOp;

/**
 * A single `*`. `canOpen`/`canClose` follow CommonMark's flanking rules, and a star between digits is
 * neither, so that stars used as text (`“*人计划”“*人计划”`, `2*66万千瓦`) stay. `besideStrong`: part of a
 * `***` run, where a stray single `*` is a typo of the bold markup rather than a star.
 */
export interface EmphasisOp {
  kind: 'em';
  at: number;
  role: DelimiterRole;
  canOpen: boolean;
  canClose: boolean;
  besideStrong: boolean;
}

export interface InlineState {
  /** True while inside an HTML comment that began on an earlier line. */
  inComment: boolean;
}

const IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)/y;
const LINK = /\[([^\]\n]*)\]\([^)\n]*\)/y;
const AUTOLINK = /<((?:https?|ftp|mailto):[^<>\s]*)>/y;
const HTML_TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

function matchAt(pattern: RegExp, source: string, offset: number, end: number): RegExpExecArray | undefined {
  pattern.lastIndex = offset;
  const match = pattern.exec(source);
  return match !== null && offset + match[0].length <= end ? match : undefined;
}

/** CommonMark: a delimiter run is left-flanking when followed by text, or by punctuation after space or punctuation. */
function isLeftFlanking(before: string, after: string): boolean {
  if (/\s/.test(after)) return false;
  return !PUNCTUATION.test(after) || /\s/.test(before) || PUNCTUATION.test(before);
}

function runLength(source: string, offset: number, end: number, char: string): number {
  let length = 0;
  while (offset + length < end && source[offset + length] === char) length++;
  return length;
}

export function scanInline(source: string, start: number, end: number, state: InlineState): InlineOp[] {
  const ops: InlineOp[] = [];
  let runStart = start;
  const flush = (until: number): void => {
    if (until > runStart) ops.push({ kind: 'copy', start: runStart, end: until });
    runStart = until;
  };
  // Where a link's `](target)` begins → where it ends; the link text in between is scanned like any text.
  const linkTargets = new Map<number, number>();

  let offset = start;
  if (state.inComment) {
    const close = source.indexOf('-->', start);
    if (close < 0 || close + 3 > end) return ops;
    state.inComment = false;
    offset = runStart = close + 3;
  }

  while (offset < end) {
    const targetEnd = linkTargets.get(offset);
    if (targetEnd !== undefined) {
      flush(offset);
      offset = runStart = targetEnd;
      continue;
    }
    const char = source[offset];
    let skipTo: number | undefined;
    if (char === '\\' && offset + 1 < end && ASCII_PUNCTUATION.test(source[offset + 1] ?? '')) {
      // The escaped character starts the next copied run; only the backslash is dropped.
      flush(offset);
      runStart = offset + 1;
      offset += 2;
      continue;
    } else if (char === '!') {
      const image = matchAt(IMAGE, source, offset, end);
      if (image !== undefined) skipTo = offset + image[0].length;
    } else if (char === '[') {
      const link = matchAt(LINK, source, offset, end);
      if (link !== undefined) {
        linkTargets.set(offset + 1 + (link[1] ?? '').length, offset + link[0].length);
        skipTo = offset + 1;
      }
    } else if (char === '<') {
      skipTo = scanAngleBracket(source, offset, end, ops, flush, state);
    } else if (char === '&') {
      const reference = decodeReferenceAt(source, offset);
      if (reference !== undefined && offset + reference.length <= end) {
        flush(offset);
        ops.push({ kind: 'insert', text: reference.text, at: offset });
        offset = runStart = offset + reference.length;
        continue;
      }
    } else if (char === '*' || char === '_') {
      const length = runLength(source, offset, end, char);
      const isDelimiter = char === '*' ? length <= 3 : length === 2;
      if (!isDelimiter) {
        offset += length;
        continue;
      }
      flush(offset);
      if (length >= 2) ops.push({ kind: 'strong', at: offset, delimiter: char === '*' ? '**' : '__', role: 'unmatched' });
      if (length !== 2) {
        const before = source[offset - 1] ?? ' ';
        const after = source[offset + length] ?? ' ';
        // Between digits a star multiplies (2*66万千瓦), it does not emphasise.
        const isMultiplication = /\d/.test(before) && /\d/.test(after);
        ops.push({
          kind: 'em',
          at: offset + length - 1,
          role: 'unmatched',
          canOpen: !isMultiplication && isLeftFlanking(before, after),
          canClose: !isMultiplication && isLeftFlanking(after, before),
          besideStrong: length === 3,
        });
      }
      offset = runStart = offset + length;
      continue;
    }
    if (skipTo === undefined) {
      offset++;
      continue;
    }
    flush(offset);
    offset = runStart = skipTo;
  }
  flush(end);
  return ops;
}

/** Handles `<` at offset: comments, autolinks and tags. Returns where scanning resumes, or undefined if it is text. */
function scanAngleBracket(
  source: string,
  offset: number,
  end: number,
  ops: InlineOp[],
  flush: (until: number) => void,
  state: InlineState,
): number | undefined {
  if (source.startsWith('<!--', offset)) {
    flush(offset);
    const close = source.indexOf('-->', offset + 4);
    if (close >= 0 && close + 3 <= end) return close + 3;
    state.inComment = true;
    return end;
  }
  const autolink = matchAt(AUTOLINK, source, offset, end);
  if (autolink !== undefined) {
    flush(offset);
    ops.push({ kind: 'copy', start: offset + 1, end: offset + autolink[0].length - 1 });
    return offset + autolink[0].length;
  }
  const tag = matchAt(HTML_TAG, source, offset, end);
  if (tag === undefined) return undefined;
  flush(offset);
  if (tag[1]?.toLowerCase() === 'br') ops.push({ kind: 'insert', text: '\n', at: offset });
  return offset + tag[0].length;
}
