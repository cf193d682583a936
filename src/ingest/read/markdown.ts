// Markdown → plain text. Block markers (headings, quotes, bullets, table pipes, rules) and inline markup
// (emphasis, links, images, HTML tags and comments, entities, escapes) are removed; every other character is
// copied as is, so the source map stays exact. Lines that were headings or wholly bold become `boldLines`,
// which is how report collections mark their section titles (`**一、…**`).
import { parseFrontMatter } from './front-matter.ts';
import { emitLineBreak, splitLines, type SourceLine } from './lines.ts';
import { MappedTextBuilder, type CharSpan } from './mapped-text.ts';
import { scanInline, type EmphasisOp, type InlineOp, type InlineState, type StrongDelimiter } from './markdown-inline.ts';
import type { ConvertedText } from './converted.ts';

type LineKind = 'text' | 'heading' | 'table-row' | 'dropped';

interface PlannedLine {
  line: SourceLine;
  kind: LineKind;
  ops: InlineOp[];
}

/** A bold span may run over a blank line (a title and its subtitle in one `**…**`), but not further. */
const MAX_BOLD_SPAN_LINES = 3;

const BLOCKQUOTE_MARKER = / {0,3}>[ \t]?/y;
const ATX_HEADING = / {0,3}#{1,6}(?:[ \t]+|(?=[\r\n])|$)/y;
const ATX_CLOSING = /(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-{2,})[ \t]*$/;
const BULLET = /[ \t]*[-+*][ \t]+/y;
const TABLE_ROW = /[ \t]*\|/y;
const TABLE_SEPARATOR = /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/;

export function convertMarkdown(source: string): ConvertedText {
  const { frontMatter, bodyStart } = parseFrontMatter(source);
  const lines = splitLines(source, bodyStart);
  const firstContentLine = lines.findIndex((line) => source.slice(line.start, line.end).trim() !== '');
  const plan = planLines(source, firstContentLine < 0 ? [] : lines.slice(firstContentLine));
  pairDelimiters(plan);
  const { text, sourceMap, boldLines, boldLeads } = emit(source, plan);
  return { text, sourceMap, boldLines, boldLeads, frontMatter };
}

function planLines(source: string, lines: SourceLine[]): PlannedLine[] {
  const state: InlineState = { inComment: false };
  const plan: PlannedLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as SourceLine;
    const next = lines[index + 1];
    const planned = planLine(source, line, state);
    plan.push(planned);
    const underlined = next !== undefined && SETEXT_UNDERLINE.test(source.slice(next.start, next.end));
    if (underlined && planned.kind === 'text' && source.slice(line.start, line.end).trim() !== '') {
      planned.kind = 'heading';
      plan.push({ line: next, kind: 'dropped', ops: [] });
      index++;
    }
  }
  return plan;
}

function planLine(source: string, line: SourceLine, state: InlineState): PlannedLine {
  if (state.inComment) return { line, kind: 'text', ops: scanInline(source, line.start, line.end, state) };
  let start = line.start;
  let end = line.end;
  for (BLOCKQUOTE_MARKER.lastIndex = start; BLOCKQUOTE_MARKER.exec(source) !== null && start < end; ) {
    start = BLOCKQUOTE_MARKER.lastIndex;
  }
  const content = source.slice(start, end);
  if (THEMATIC_BREAK.test(content)) return { line, kind: 'text', ops: [] };

  if (stickyMatch(ATX_HEADING, source, start, end)) {
    start = ATX_HEADING.lastIndex;
    end = start + source.slice(start, end).replace(ATX_CLOSING, '').length;
    return { line, kind: 'heading', ops: scanInline(source, start, end, state) };
  }
  if (stickyMatch(TABLE_ROW, source, start, end)) {
    if (TABLE_SEPARATOR.test(content)) return { line, kind: 'dropped', ops: [] };
    return { line, kind: 'table-row', ops: scanTableRow(source, TABLE_ROW.lastIndex, end, state) };
  }
  if (stickyMatch(BULLET, source, start, end)) start = BULLET.lastIndex;
  return { line, kind: 'text', ops: scanInline(source, start, end, state) };
}

function stickyMatch(pattern: RegExp, source: string, start: number, end: number): boolean {
  pattern.lastIndex = start;
  return pattern.exec(source) !== null && pattern.lastIndex <= end;
}

/** Cells (between unescaped pipes) are trimmed and separated by a tab. */
function scanTableRow(source: string, start: number, end: number, state: InlineState): InlineOp[] {
  const ops: InlineOp[] = [];
  let cellStart = start;
  for (let offset = start; offset <= end; offset++) {
    const atPipe = offset < end && source[offset] === '|' && source[offset - 1] !== '\\';
    if (!atPipe && offset < end) continue;
    const cell = trimRange(source, cellStart, offset);
    const isTrailingEmptyCell = offset === end && cell.start === cell.end;
    if (!isTrailingEmptyCell) {
      if (cellStart > start) ops.push({ kind: 'insert', text: '\t', at: cellStart - 1 });
      ops.push(...scanInline(source, cell.start, cell.end, state));
    }
    cellStart = offset + 1;
  }
  return ops;
}

function trimRange(source: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(source[start] ?? '')) start++;
  while (end > start && /\s/.test(source[end - 1] ?? '')) end--;
  return { start, end };
}

/**
 * Decides which emphasis delimiters pair up. `**` and `__` pair with the next delimiter of the same kind
 * within a few lines (so a stray one cannot embolden the rest of the document); single `*` pairs within its line.
 */
function pairDelimiters(plan: PlannedLine[]): void {
  const strong = new Map<StrongDelimiter, Array<{ lineIndex: number; op: Extract<InlineOp, { kind: 'strong' }> }>>();
  plan.forEach((planned, lineIndex) => {
    const emphasis: EmphasisOp[] = [];
    for (const op of planned.ops) {
      if (op.kind === 'strong') {
        const tokens = strong.get(op.delimiter) ?? [];
        tokens.push({ lineIndex, op });
        strong.set(op.delimiter, tokens);
      } else if (op.kind === 'em') emphasis.push(op);
    }
    pairEmphasis(emphasis);
  });
  for (const tokens of strong.values()) {
    let i = 0;
    while (i < tokens.length) {
      const open = tokens[i];
      const close = tokens[i + 1];
      if (open !== undefined && close !== undefined && close.lineIndex - open.lineIndex <= MAX_BOLD_SPAN_LINES) {
        open.op.role = 'open';
        close.op.role = 'close';
        i += 2;
      } else i += 1;
    }
  }
}

/** Single `*` pairs within its line: a closer takes the nearest opener before it. */
function pairEmphasis(delimiters: EmphasisOp[]): void {
  const openers: EmphasisOp[] = [];
  for (const delimiter of delimiters) {
    const opener = delimiter.canClose ? openers.pop() : undefined;
    if (opener !== undefined) {
      opener.role = 'open';
      delimiter.role = 'close';
    } else if (delimiter.canOpen) openers.push(delimiter);
  }
}

function emit(
  source: string,
  plan: PlannedLine[],
): { text: string; sourceMap: ConvertedText['sourceMap']; boldLines: CharSpan[]; boldLeads: CharSpan[] } {
  const builder = new MappedTextBuilder();
  const boldLines: CharSpan[] = [];
  const boldLeads: CharSpan[] = [];
  const openStrong = new Set<StrongDelimiter>();
  let previousLineBlank = false;
  let droppedSincePreviousLine = false;
  for (const planned of plan) {
    const isBlankSource = source.slice(planned.line.start, planned.line.end).trim() === '';
    // Lines of markup alone (comments, images, rules, table separators) vanish with their line break, and
    // so does the blank line that would then double the one before them.
    if (planned.kind === 'dropped' || (!isBlankSource && !producesText(source, planned.ops))) {
      for (const op of planned.ops) if (op.kind === 'strong') toggleStrong(openStrong, op);
      droppedSincePreviousLine = true;
      continue;
    }
    if (isBlankSource && previousLineBlank && droppedSincePreviousLine) continue;
    previousLineBlank = isBlankSource;
    droppedSincePreviousLine = false;

    const lineStart = builder.length;
    let emphasisOpen = false;
    let allEmphasised = true;
    // The line's text is bold from its first visible character up to leadEnd (-1: it did not open bold).
    let leadEnd = -1;
    let inLead = true;
    const note = (text: string): void => {
      if (!/\S/.test(text)) return;
      const bold = openStrong.size > 0;
      if (!bold && !emphasisOpen) allEmphasised = false;
      if (inLead && bold) leadEnd = builder.length + text.trimEnd().length;
      else inLead = false;
    };
    for (const op of planned.ops) {
      if (op.kind === 'copy') {
        note(source.slice(op.start, op.end));
        builder.copy(source, op.start, op.end);
      } else if (op.kind === 'insert') {
        note(op.text);
        builder.insert(op.text, op.at);
      } else if (op.kind === 'strong') {
        toggleStrong(openStrong, op);
      } else if (op.role === 'unmatched') {
        if (op.besideStrong) continue;
        note('*');
        builder.copy(source, op.at, op.at + 1);
      } else emphasisOpen = op.role === 'open';
    }
    const isBold = planned.kind === 'heading' || (planned.kind === 'text' && allEmphasised);
    if (!isBlankSource && isBold) boldLines.push({ charStart: lineStart, charEnd: builder.length });
    else if (!isBlankSource && leadEnd > lineStart) boldLeads.push({ charStart: lineStart, charEnd: leadEnd });
    emitLineBreak(builder, source, planned.line);
  }
  return { ...builder.build(), boldLines, boldLeads };
}

function producesText(source: string, ops: InlineOp[]): boolean {
  return ops.some(
    (op) =>
      (op.kind === 'copy' && /\S/.test(source.slice(op.start, op.end))) ||
      (op.kind === 'insert' && /\S/.test(op.text)) ||
      (op.kind === 'em' && op.role === 'unmatched' && !op.besideStrong),
  );
}

function toggleStrong(openStrong: Set<StrongDelimiter>, op: Extract<InlineOp, { kind: 'strong' }>): void {
  if (op.role === 'open') openStrong.add(op.delimiter);
  else if (op.role === 'close') openStrong.delete(op.delimiter);
}
