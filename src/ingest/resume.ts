// `ingest --resume`: which inputs an earlier (perhaps killed) run already stored. One listing of the store up
// front; a file whose source path is listed is only read and hashed — not structured, extracted or embedded —
// and skipped when its text is the stored document's (the document id is the hash of the text).
import type { DocumentSummary, GraphStore } from '../../graph/store.ts';
import { contentHash } from '../domain/ids.ts';
import { readDocument } from './read.ts';
import type { IngestSource } from './sources.ts';

export type StoredLookup = (source: IngestSource) => Promise<DocumentSummary | null>;

export async function storedLookup(store: GraphStore): Promise<StoredLookup> {
  const byPath = new Map<string, DocumentSummary[]>();
  for (const document of await store.listDocuments()) {
    const same = byPath.get(document.sourcePath);
    if (same) same.push(document);
    else byPath.set(document.sourcePath, [document]);
  }
  return async ({ file, sourcePath }) => {
    const candidates = byPath.get(sourcePath);
    if (!candidates) return null;
    const id = contentHash((await readDocument(file)).text);
    return candidates.find((d) => d.id === id) ?? null;
  };
}
