// The YAML front-matter block of a Markdown document, read as flat `key: value` pairs — all that report
// collections put there (title, source URL, date …). Nested YAML is not needed and is skipped, not guessed at.
import { splitLines } from './lines.ts';

export interface FrontMatter {
  title?: string;
  source?: string;
  [key: string]: string | undefined;
}

export interface ParsedFrontMatter {
  frontMatter: FrontMatter;
  /** Offset of the first character after the block (0 when there is none). */
  bodyStart: number;
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const KEY_VALUE = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
/** Blank, comment, list item or indented continuation: lines YAML allows besides `key: value`. */
const YAML_LINE = /^(?:[ \t]*(?:#.*)?|[ \t]*-(?:[ \t].*)?|[ \t]+.*)$/;
const LIST_ITEM = /^[ \t]*-[ \t]+(.*?)[ \t]*$/;

export function parseFrontMatter(source: string): ParsedFrontMatter {
  const lines = splitLines(source);
  const first = lines[0];
  if (first === undefined || first.start !== 0 || !OPENING.test(source.slice(first.start, first.end))) {
    return { frontMatter: {}, bodyStart: 0 };
  }
  const closingIndex = lines.findIndex((line, index) => index > 0 && CLOSING.test(source.slice(line.start, line.end)));
  if (closingIndex < 0) return { frontMatter: {}, bodyStart: 0 };
  const blockLines = lines.slice(1, closingIndex).map((line) => source.slice(line.start, line.end));
  // A document may also open with a thematic break; only a block that reads as YAML is front matter.
  if (!blockLines.every((content) => YAML_LINE.test(content) || KEY_VALUE.test(content))) return { frontMatter: {}, bodyStart: 0 };

  const frontMatter: FrontMatter = {};
  let listKey: string | undefined;
  for (const content of blockLines) {
    const item = LIST_ITEM.exec(content);
    if (item !== null && listKey !== undefined) {
      const value = unquote(item[1] ?? '');
      const previous = frontMatter[listKey];
      frontMatter[listKey] = previous === undefined ? value : `${previous} ${value}`;
      continue;
    }
    const pair = KEY_VALUE.exec(content);
    listKey = undefined;
    if (pair === null) continue;
    const [, key = '', rawValue = ''] = pair;
    // An empty value may be followed by a list (`source:` then `- https://…`); block scalars are skipped.
    if (rawValue === '') listKey = key;
    else if (rawValue !== '|' && rawValue !== '>') frontMatter[key] = unquote(rawValue);
  }
  return { frontMatter, bodyStart: lines[closingIndex]?.next ?? source.length };
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value
      .slice(1, -1)
      .replace(/\\(["\\/])/g, '$1')
      .replace(/\\n/g, '\n')
      .replace(/\\t/g, '\t');
  }
  return value.replace(/[ \t]+#.*$/, '');
}
