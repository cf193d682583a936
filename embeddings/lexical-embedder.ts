// The lexical FALLBACK Embedder, used only when no embedding model is installed. It is not semantic:
// it hashes CJK character unigrams and bigrams (and Latin/digit words) into a fixed number of dimensions,
// so texts sharing characters score close and paraphrases with different wording do not.
import type { Embedder } from './embedder.ts';
import { normalized } from './vector-math.ts';

export const LEXICAL_FALLBACK_DIMENSIONS = 512;

const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** FNV-1a over UTF-16 code units: fast, dependency-free and stable across runs and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Features and their counts: each Han character, each pair of adjacent Han characters, each other word. */
export function lexicalFeatures(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  };
  for (const [run] of text.matchAll(HAN_RUN)) {
    const characters = [...run];
    characters.forEach((character, i) => {
      add(character);
      if (i + 1 < characters.length) add(character + characters[i + 1]);
    });
  }
  for (const [word] of text.replace(HAN_RUN, ' ').matchAll(WORD)) add(word.toLowerCase());
  return counts;
}

export class LexicalFallbackEmbedder implements Embedder {
  readonly mode = 'lexical-fallback' as const;
  readonly modelId = 'lexical-fallback:hashed-cjk-unigram-bigram';

  constructor(readonly dimensions: number = LEXICAL_FALLBACK_DIMENSIONS) {}

  embed(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    for (const [feature, count] of lexicalFeatures(text)) {
      const hash = fnv1a(feature);
      // A hash bit picks the sign, so colliding features cancel out on average instead of piling up.
      const sign = hash & 0x80000000 ? -1 : 1;
      const slot = hash % this.dimensions;
      vector[slot] = (vector[slot] ?? 0) + sign * (1 + Math.log(count));
    }
    return normalized(vector);
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embed(text);
  }

  async close(): Promise<void> {}
}
