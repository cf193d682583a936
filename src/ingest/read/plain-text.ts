// Plain text is its own clean text; only \r\n and lone \r line endings become \n.
import { emitLineBreak, splitLines } from './lines.ts';
import { MappedTextBuilder } from './mapped-text.ts';
import type { ConvertedText } from './converted.ts';

export function convertPlainText(source: string): ConvertedText {
  const builder = new MappedTextBuilder();
  for (const line of splitLines(source)) {
    builder.copy(source, line.start, line.end);
    emitLineBreak(builder, source, line);
  }
  return { ...builder.build(), boldLines: [], frontMatter: {} };
}
