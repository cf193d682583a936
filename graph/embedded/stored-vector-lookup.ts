// The vectors another data folder's embedded store keeps, found by passage text: read-only, so a store in use (a
// running `serve`, an ingest) is never written. Texts are indexed by hash on first use (170,000 chunks of the
// whole corpus in about two seconds); every hit is checked against the stored text itself.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PassageVectorLookup } from '../../embeddings/reusing-embedder.ts';
import { floatsOf } from './vector-blob.ts';

const hashOf = (text: string) => createHash('sha1').update(text).digest('base64');

export function openStoredVectorLookup(dataDir: string): PassageVectorLookup {
  const file = join(dataDir, 'graph.sqlite');
  if (!existsSync(file)) throw new Error(`${dataDir} holds no embedded store (no graph.sqlite) to take vectors from`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const model = db.prepare("SELECT value FROM meta WHERE key = 'embedding_model'").get() as { value: string } | undefined;
  if (!model) {
    db.close();
    throw new Error(`${dataDir} keeps no vectors yet (no embedding model recorded)`);
  }
  let rowByHash: Map<string, number> | null = null;
  const rowsByHash = () => {
    if (rowByHash) return rowByHash;
    rowByHash = new Map();
    for (const row of db.prepare('SELECT rowid, text FROM chunks WHERE vector IS NOT NULL').iterate() as Iterable<{
      rowid: number;
      text: string;
    }>)
      rowByHash.set(hashOf(row.text), row.rowid);
    return rowByHash;
  };
  const select = db.prepare('SELECT text, vector FROM chunks WHERE rowid = ?');
  return {
    modelId: model.value,
    async vectorsOf(texts) {
      const rows = rowsByHash();
      return texts.map((text) => {
        const rowid = rows.get(hashOf(text));
        const row = rowid === undefined ? undefined : (select.get(rowid) as { text: string; vector: Buffer } | undefined);
        // A copy: the row's buffer is reused by the next read.
        return row && row.text === text ? Float32Array.from(floatsOf(row.vector)) : undefined;
      });
    },
    async close() {
      db.close();
    },
  };
}
