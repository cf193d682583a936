// Builds the clean text of a document while remembering where every character came from in the decoded
// source, so that citations (offsets into the clean text) can be traced back to the original file.
//
// The map is a list of breakpoints [textOffset, sourceOffset]: a text offset x maps to s + (x - t) for the
// last breakpoint (t, s) with t <= x. Copied runs extend the current breakpoint when they continue where it
// left off, so a file without markup has the single breakpoint [0, 0].

export type SourceMap = Array<[textOffset: number, sourceOffset: number]>;

export interface CharSpan {
  charStart: number;
  charEnd: number;
}

export class MappedTextBuilder {
  private readonly chunks: string[] = [];
  private textLength = 0;
  private lastChar = '';
  private readonly breakpoints: SourceMap = [];

  get length(): number {
    return this.textLength;
  }

  /** The last character appended so far, or '' when nothing was appended. */
  get lastCharacter(): string {
    return this.lastChar;
  }

  /** Appends source.slice(start, end) verbatim. */
  copy(source: string, start: number, end: number): void {
    if (end <= start) return;
    this.anchor(start);
    this.append(source.slice(start, end));
  }

  /** Appends text that stands for markup at sourceOffset (a decoded entity, a line break for a block tag, …). */
  insert(text: string, sourceOffset: number): void {
    if (text.length === 0) return;
    this.anchor(sourceOffset);
    this.append(text);
  }

  build(): { text: string; sourceMap: SourceMap } {
    const sourceMap: SourceMap = this.breakpoints.length > 0 ? this.breakpoints.map(([t, s]) => [t, s]) : [[0, 0]];
    return { text: this.chunks.join(''), sourceMap };
  }

  private append(text: string): void {
    this.chunks.push(text);
    this.textLength += text.length;
    this.lastChar = text[text.length - 1] ?? this.lastChar;
  }

  private anchor(sourceOffset: number): void {
    const last = this.breakpoints[this.breakpoints.length - 1];
    if (last !== undefined) {
      if (last[1] + (this.textLength - last[0]) === sourceOffset) return;
      // Converters walk the source forwards; anything else is a bug that would corrupt every later citation.
      if (sourceOffset < last[1]) {
        throw new Error(`source map would run backwards (text ${this.textLength} → source ${sourceOffset} < ${last[1]})`);
      }
    }
    this.breakpoints.push([this.textLength, sourceOffset]);
  }
}

/** Maps an offset in the clean text to the corresponding offset in the decoded source. */
export function mapToSource(sourceMap: SourceMap, textOffset: number): number {
  let low = 0;
  let high = sourceMap.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((sourceMap[middle]?.[0] ?? Infinity) <= textOffset) low = middle;
    else high = middle - 1;
  }
  const [t, s] = sourceMap[low] ?? [0, 0];
  return s + (textOffset - t);
}
