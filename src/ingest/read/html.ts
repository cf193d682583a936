// HTML → plain text: scripts, styles and comments are dropped, block elements end lines, white space
// collapses as a browser would collapse it (except inside <pre>), entities are decoded. <title> becomes
// frontMatter.title and a canonical link frontMatter.source. Lines whose text all sits inside
// <b>/<strong>/<h1>…<h6> become `boldLines`. Also used for .docx, which mammoth turns into HTML.
import { decodeReferenceAt } from './entities.ts';
import type { FrontMatter } from './front-matter.ts';
import { MappedTextBuilder, type CharSpan } from './mapped-text.ts';
import type { ConvertedText } from './converted.ts';

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const SKIPPED_WITH_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
const BOLD = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CELL = new Set(['td', 'th']);
/** HTML's inter-element white space; U+3000 and &nbsp; are content and stay. */
const HTML_WHITESPACE = /[ \t\n\r\f]/;

export function convertHtml(source: string): ConvertedText {
  return new HtmlTextWriter(source).convert();
}

class HtmlTextWriter {
  private readonly builder = new MappedTextBuilder();
  private readonly boldLines: CharSpan[] = [];
  private readonly frontMatter: FrontMatter = {};
  private boldDepth = 0;
  private preDepth = 0;
  private lineStart = 0;
  private lineHasText = false;
  private lineAllBold = true;
  /** How many line breaks the text ends with, so that empty blocks never open more than one blank line. */
  private trailingBreaks = 0;
  /** Offset of collapsed white space waiting to become one space if more text follows on the line. */
  private pendingSpaceAt: number | undefined;
  /** Whether that white space held a line break, which between two Chinese characters is no space at all. */
  private pendingSpaceHasBreak = false;

  /** Every tag ends with '>': past the last one no '<' can open a tag, and trying each would cost O(n²). */
  private readonly lastTagEnd: number;

  constructor(private readonly source: string) {
    this.lastTagEnd = source.lastIndexOf('>');
  }

  convert(): ConvertedText {
    const { source } = this;
    let offset = 0;
    while (offset < source.length) {
      const tagStart = source.indexOf('<', offset);
      const textEnd = tagStart < 0 ? source.length : tagStart;
      this.writeText(offset, textEnd);
      if (tagStart < 0) break;
      offset = this.handleMarkup(tagStart);
    }
    this.endLine();
    const { text, sourceMap } = this.builder.build();
    return { text, sourceMap, boldLines: this.boldLines, frontMatter: this.frontMatter };
  }

  /** Consumes the markup at `start` ('<') and returns where text resumes. */
  private handleMarkup(start: number): number {
    const { source } = this;
    if (source.startsWith('<!--', start)) return indexAfter(source, '-->', start + 4);
    if (source.startsWith('<!', start) || source.startsWith('<?', start)) return indexAfter(source, '>', start + 2);
    TAG.lastIndex = start;
    const tag = start < this.lastTagEnd ? TAG.exec(source) : null;
    if (tag === null) {
      this.writeText(start, start + 1);
      return start + 1;
    }
    const end = start + tag[0].length;
    const isClosing = tag[1] === '/';
    const name = (tag[2] ?? '').toLowerCase();
    const attributes = tag[3] ?? '';
    if (!isClosing && (SKIPPED_WITH_CONTENT.has(name) || name === 'title')) {
      const closeStart = indexOfClosingTag(source, name, end);
      if (name === 'title') this.frontMatter.title = collapseWhitespace(decodeAll(source.slice(end, closeStart)));
      return indexAfter(source, '>', closeStart);
    }
    if (!isClosing && name === 'link' && /\brel\s*=\s*["']?canonical\b/i.test(attributes)) {
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
      const url = href?.[1] ?? href?.[2] ?? href?.[3];
      if (url !== undefined) this.frontMatter.source = decodeAll(url);
    }
    if (name === 'br') this.breakLine(start, true);
    else if (CELL.has(name) && !isClosing && this.lineHasText) {
      this.dropPendingSpace();
      this.writeInserted('\t', start);
    } else if (BLOCK.has(name)) this.breakLine(start, false);
    if (BOLD.has(name)) this.boldDepth = Math.max(0, this.boldDepth + (isClosing ? -1 : 1));
    if (name === 'pre') this.preDepth = Math.max(0, this.preDepth + (isClosing ? -1 : 1));
    return end;
  }

  private writeText(start: number, end: number): void {
    const { source } = this;
    let runStart = start;
    const flush = (until: number): void => {
      if (until > runStart) this.writeCopied(runStart, until);
      runStart = until;
    };
    for (let offset = start; offset < end; ) {
      const char = source[offset] ?? '';
      if (char === '&') {
        const reference = decodeReferenceAt(source, offset);
        if (reference !== undefined) {
          flush(offset);
          this.writeInserted(reference.text, offset);
          offset = runStart = offset + reference.length;
          continue;
        }
      } else if (this.preDepth > 0 && char === '\r') {
        flush(offset);
        if (source[offset + 1] !== '\n') this.writeInserted('\n', offset);
        offset = runStart = offset + 1;
        continue;
      } else if (this.preDepth === 0 && HTML_WHITESPACE.test(char)) {
        flush(offset);
        this.pendingSpaceAt ??= offset;
        this.pendingSpaceHasBreak ||= char === '\n' || char === '\r';
        offset = runStart = offset + 1;
        continue;
      }
      offset++;
    }
    flush(end);
  }

  private writeCopied(start: number, end: number): void {
    this.beforeText(this.source.slice(start, end));
    this.builder.copy(this.source, start, end);
  }

  private writeInserted(text: string, at: number): void {
    this.beforeText(text);
    this.builder.insert(text, at);
  }

  private beforeText(text: string): void {
    if (this.pendingSpaceAt !== undefined && this.lineHasText) {
      const joinsWideCharacters = this.pendingSpaceHasBreak && isWide(this.builder.lastCharacter) && isWide(text[0] ?? '');
      if (!joinsWideCharacters) this.builder.insert(' ', this.pendingSpaceAt);
    }
    this.dropPendingSpace();
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak >= 0) {
      // Only <pre> text carries line breaks of its own; such lines are never taken for headings.
      const tail = text.slice(lastBreak + 1);
      this.lineHasText = /\S/.test(tail);
      this.lineAllBold = false;
      this.trailingBreaks = tail.length > 0 ? 0 : text.length - text.replace(/\n+$/, '').length;
      return;
    }
    if (/\S/.test(text)) {
      this.lineHasText = true;
      if (this.boldDepth === 0) this.lineAllBold = false;
    }
    this.trailingBreaks = 0;
  }

  /** Ends the current line; a <br> always does (up to one blank line), a block boundary only after text. */
  private breakLine(at: number, always: boolean): void {
    this.dropPendingSpace();
    if (!this.lineHasText && !always) return;
    this.endLine();
    if (this.builder.length > 0 && this.trailingBreaks < 2) {
      this.builder.insert('\n', at);
      this.trailingBreaks++;
    }
    this.lineStart = this.builder.length;
  }

  private dropPendingSpace(): void {
    this.pendingSpaceAt = undefined;
    this.pendingSpaceHasBreak = false;
  }

  private endLine(): void {
    if (this.lineHasText && this.lineAllBold) this.boldLines.push({ charStart: this.lineStart, charEnd: this.builder.length });
    this.lineHasText = false;
    this.lineAllBold = true;
    this.lineStart = this.builder.length;
  }
}

/**
 * CJK ideographs, kana, CJK and full-width punctuation: a source line break between two of these is
 * formatting, not a word boundary (CSS Text 3 segment-break transformation).
 */
function isWide(char: string): boolean {
  return /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/.test(char);
}

function indexAfter(source: string, needle: string, from: number): number {
  const index = source.indexOf(needle, from);
  return index < 0 ? source.length : index + needle.length;
}

function indexOfClosingTag(source: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}\\s*>`, 'ig');
  closing.lastIndex = from;
  return closing.exec(source)?.index ?? source.length;
}

function decodeAll(text: string): string {
  let decoded = '';
  for (let offset = 0; offset < text.length; ) {
    const reference = text[offset] === '&' ? decodeReferenceAt(text, offset) : undefined;
    decoded += reference?.text ?? text[offset];
    offset += reference?.length ?? 1;
  }
  return decoded;
}

function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}
