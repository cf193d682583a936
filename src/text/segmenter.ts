// One jieba instance per process, shared by extraction (POS tags) and the full-text tokenizer.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;

export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}
