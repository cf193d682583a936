// Reads one document file — .txt, .md, .html/.htm, .docx or .pdf — into clean plain text: the text every
// offset, paragraph and citation refers to, plus its width-normalised twin, front matter, lines that were
// headings or bold, and a map back to the decoded source. Text formats are decoded from UTF-8 (with or
// without BOM), UTF-16 (LE/BE, with or without BOM) or GB18030; see read/decode.ts. Hostile input fails with
// a one-line ReadError (size, binary content, zip bombs) or is read safely (over-long lines are broken, see read/long-lines.ts).
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { normalizeWidth } from './normalize.ts';
import { decodeText, type TextEncodingName } from './read/decode.ts';
import { ReadError, ReadFailure } from './read/errors.ts';
import type { FrontMatter } from './read/front-matter.ts';
import { convertHtml } from './read/html.ts';
import { breakLongLines } from './read/long-lines.ts';
import { mapToSource, type CharSpan, type SourceMap } from './read/mapped-text.ts';
import { convertMarkdown } from './read/markdown.ts';
import { convertPlainText } from './read/plain-text.ts';
import type { ConvertedText } from './read/converted.ts';

export { ReadError };
export type { CharSpan, FrontMatter, SourceMap };

export type DocumentFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export interface ReadResult {
  sourcePath: string;
  format: DocumentFormat;
  /** How the text formats were decoded; `binary-container` for .docx and .pdf. */
  encoding: TextEncodingName | 'binary-container';
  /** Clean plain text: what all offsets refer to and what citations show. */
  text: string;
  /** normalizeWidth(text): same length as `text`, full-width ASCII folded to ASCII. */
  normalized: string;
  frontMatter: FrontMatter;
  /** Lines (without their line break) that were wholly bold, emphasised or a heading in Markdown/HTML/.docx. */
  boldLines: CharSpan[];
  /** Bold runs that open a line and stop before its end (**加快科技创新。**全年…); Markdown only. */
  boldLeads?: CharSpan[];
  /**
   * Monotone breakpoints [textOffset, sourceOffset] back into the decoded source (after any BOM), see
   * toSourceOffset. [[0, 0]] — identity — for .txt with \n line endings, and for .docx/.pdf, whose text is its own source.
   */
  sourceMap: SourceMap;
}

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** File extensions readDocument accepts (lower case, with the dot), for callers that scan folders. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

export function documentFormatOf(path: string): DocumentFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

export async function readDocument(path: string): Promise<ReadResult> {
  try {
    return await readSupportedDocument(path);
  } catch (error) {
    if (error instanceof ReadFailure) throw new ReadError(path, error.reason);
    if (isNodeError(error)) throw new ReadError(path, describeFileSystemError(error));
    throw error;
  }
}

/** The offset in the decoded source of the character at `textOffset` in result.text. */
export function toSourceOffset(result: Pick<ReadResult, 'sourceMap'>, textOffset: number): number {
  return mapToSource(result.sourceMap, textOffset);
}

async function readSupportedDocument(path: string): Promise<ReadResult> {
  const format = documentFormatOf(path);
  if (format === undefined) {
    const extension = extname(path);
    throw new ReadFailure(extension === '' ? 'unsupported file type (no extension)' : `unsupported extension ${extension}`);
  }
  const info = await stat(path);
  if (info.isDirectory()) throw new ReadFailure('is a directory');
  if (info.size > MAX_DOCUMENT_BYTES) {
    throw new ReadFailure(`file too large (${megabytes(info.size)} MB > ${megabytes(MAX_DOCUMENT_BYTES)} MB)`);
  }
  if (info.size === 0) throw new ReadFailure('empty file');
  const bytes = await readFile(path);

  let converted: ConvertedText;
  let encoding: ReadResult['encoding'];
  if (format === 'docx' || format === 'pdf') {
    // Loaded on first use: mammoth and pdf.js cost every command that reads text half a second otherwise.
    converted =
      format === 'docx'
        ? await (await import('./read/docx.ts')).convertDocx(bytes)
        : await (await import('./read/pdf.ts')).convertPdf(bytes);
    encoding = 'binary-container';
  } else {
    const decoded = decodeText(bytes);
    converted = CONVERT_TEXT[format](decoded.text);
    encoding = decoded.encoding;
  }
  if (converted.text.trim() === '') throw new ReadFailure('no text content');
  converted = breakLongLines(converted);
  // .docx and .pdf text is its own source, with or without the breaks.
  if (encoding === 'binary-container') converted = { ...converted, sourceMap: [[0, 0]] };
  return {
    sourcePath: path,
    format,
    encoding,
    text: converted.text,
    normalized: normalizeWidth(converted.text),
    frontMatter: converted.frontMatter,
    boldLines: converted.boldLines,
    boldLeads: converted.boldLeads ?? [],
    sourceMap: converted.sourceMap,
  };
}

const CONVERT_TEXT: Readonly<Record<'txt' | 'md' | 'html', (source: string) => ConvertedText>> = {
  txt: convertPlainText,
  md: convertMarkdown,
  html: convertHtml,
};

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function describeFileSystemError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'file not found';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  if (error.code === 'EISDIR') return 'is a directory';
  return `cannot read file (${error.code})`;
}
