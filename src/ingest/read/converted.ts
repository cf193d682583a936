// What every format reader hands back to readDocument: the clean text and what is known about it.
import type { FrontMatter } from './front-matter.ts';
import type { CharSpan, SourceMap } from './mapped-text.ts';

export interface ConvertedText {
  text: string;
  sourceMap: SourceMap;
  /** Lines (start of line to end of line, without the line break) that were wholly bold or a heading. */
  boldLines: CharSpan[];
  /** Bold runs that open a line and stop before its end (a bold lead sentence); Markdown only. */
  boldLeads?: CharSpan[];
  frontMatter: FrontMatter;
}
