// How rare a word is in general Chinese: jieba's IDF table (火星 8.6, 建设 4.9), read once per process.
import { idf } from '@node-rs/jieba/dict.js';

let idfTable: Map<string, number> | null = null;

/** jieba's IDF table (word → IDF), read once. */
export function idfTableOfWords(): Map<string, number> {
  if (!idfTable) {
    idfTable = new Map();
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) idfTable.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }
  return idfTable;
}
