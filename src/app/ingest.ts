// Ingest use cases: files named by the user (CLI, eval, serve's seeds) and one uploaded file (HTTP). Each runs as
// the data folder's only writer; the pipeline (src/ingest/pipeline.ts) does the work and saves the vector index.
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Embedder } from '../../embeddings/embedder.ts';
import type { VectorIndex } from '../../embeddings/index.ts';
import type { GraphStore } from '../../graph/store.ts';
import { type IngestOptions, type IngestReport, ingestPaths } from '../ingest/pipeline.ts';
import { keepUpload, removeOrphanUploads, uploadPath, uploadedFileOf } from './uploads.ts';
import type { WriteLock } from '../locks/write-lock.ts';

export interface IngestDeps {
  store: GraphStore;
  embedder: Embedder;
  index: VectorIndex;
  lock: WriteLock;
}

/** Under the write lock for the whole run: the vector index a long ingest saves as it goes is saved by its only writer. */
export function ingestFiles(paths: string[], deps: IngestDeps, options: IngestOptions = {}): Promise<IngestReport> {
  return deps.lock.run(() => ingestPaths(paths, deps, options));
}

export interface UploadDeps extends IngestDeps {
  uploadsDir: string;
}

export interface UploadResult {
  report: IngestReport;
  /** Where the bytes are kept (the document's source path), or where they were before being removed. */
  path: string;
}

/**
 * Keeps the bytes and ingests them. The kept file stays when a stored document names it (this upload's, or an
 * earlier upload of the same bytes); otherwise (unreadable, or the same text from other bytes) it is removed.
 */
export function ingestUpload(upload: { bytes: Buffer; fileName: string }, deps: UploadDeps): Promise<UploadResult> {
  const path = uploadPath(deps.uploadsDir, upload.bytes, upload.fileName);
  return deps.lock.run(async () => {
    await keepUpload(path, upload.bytes);
    try {
      return { report: await ingestPaths([path], deps), path };
    } finally {
      if (!(await namedByADocument(path, deps))) await rm(path, { force: true });
    }
  });
}

async function namedByADocument(path: string, deps: UploadDeps): Promise<boolean> {
  for (const document of await deps.store.listDocuments()) {
    if ((await uploadedFileOf(document.sourcePath, deps.uploadsDir)) === resolve(path)) return true;
  }
  return false;
}

/**
 * Clears uploads/ of files no document names; run when the server starts. Skipped (empty list) while another
 * process writes: its upload may not be stored yet, and the server should not wait for it to start.
 */
export async function cleanUploads(deps: Pick<UploadDeps, 'store' | 'lock' | 'uploadsDir'>): Promise<string[]> {
  const removed = await deps.lock.runIfFree(async () =>
    removeOrphanUploads(
      deps.uploadsDir,
      (await deps.store.listDocuments()).map((d) => d.sourcePath),
    ),
  );
  return removed ?? [];
}
