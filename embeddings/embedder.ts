// Embedder port. Implementations: the transformers.js bge-small-zh model, and a clearly-labelled lexical fallback.
export interface Embedder {
  /** 'semantic' for a real sentence-embedding model; 'lexical-fallback' when no model is present. */
  readonly mode: 'semantic' | 'lexical-fallback';
  readonly dimensions: number;
  readonly modelId: string;
  /** Embeds passages (no prefix). Vectors are L2-normalised. */
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  /** Embeds a search query (with the model's retrieval instruction prefix). */
  embedQuery(text: string): Promise<Float32Array>;
  close(): Promise<void>;
}
