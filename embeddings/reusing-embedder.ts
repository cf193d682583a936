// An embedder that takes the vectors of passages embedded before, by the same model, from somewhere they are kept
// (another data folder's store), and embeds only the rest: moving a corpus into a second store (Neo4j) or a fresh
// folder costs minutes of writing instead of the model's 45 minutes over 1,659 reports.
import type { Embedder } from './embedder.ts';

/** Vectors kept for passages, by their exact text; undefined where none is kept. */
export interface PassageVectorLookup {
  /** The model the kept vectors come from. */
  readonly modelId: string;
  vectorsOf(texts: string[]): Promise<Array<Float32Array | undefined>>;
  close(): Promise<void>;
}

export class ReusingEmbedder implements Embedder {
  readonly mode: Embedder['mode'];
  readonly dimensions: number;
  readonly modelId: string;
  /** Passages answered from the lookup, and passages the model embedded. */
  readonly counts = { reused: 0, embedded: 0 };

  constructor(
    private readonly inner: Embedder,
    private readonly lookup: PassageVectorLookup,
  ) {
    if (lookup.modelId !== inner.modelId)
      throw new Error(
        `the kept vectors come from ${lookup.modelId}, but passages are embedded with ${inner.modelId}: they cannot be mixed`,
      );
    this.mode = inner.mode;
    this.dimensions = inner.dimensions;
    this.modelId = inner.modelId;
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    const kept = await this.lookup.vectorsOf(texts);
    const missing = texts.flatMap((text, i) => (kept[i]?.length === this.dimensions ? [] : [{ text, i }]));
    const fresh = missing.length ? await this.inner.embedPassages(missing.map((m) => m.text)) : [];
    const vectors = [...kept];
    missing.forEach((m, k) => {
      vectors[m.i] = fresh[k];
    });
    this.counts.reused += texts.length - missing.length;
    this.counts.embedded += missing.length;
    return vectors.map((v, i) => {
      if (!v) throw new Error(`no vector for passage ${i}`);
      return v;
    });
  }

  embedQuery(text: string): Promise<Float32Array> {
    return this.inner.embedQuery(text);
  }

  async close(): Promise<void> {
    await this.lookup.close();
    await this.inner.close();
  }
}
