// Delete use case (CLI `delete`, HTTP DELETE /api/documents/:id): the document and what only it supported leave
// the store, its vectors leave the vector index (an index the store keeps has nothing left to remove), and an
// uploaded file goes with its document. As the data folder's only writer.
import { rm } from 'node:fs/promises';
import type { VectorIndex } from '../../embeddings/index.ts';
import type { GraphReader, GraphWriter } from '../../graph/store.ts';
import { uploadedFileOf } from './uploads.ts';
import type { WriteLock } from '../locks/write-lock.ts';

export interface DeleteDeps {
  store: GraphWriter & Pick<GraphReader, 'listDocuments' | 'generation'>;
  index: VectorIndex;
  lock: WriteLock;
  uploadsDir: string;
}

/** False when no document has this id. */
export function deleteDocument(documentId: string, deps: DeleteDeps): Promise<boolean> {
  const { store, index, lock } = deps;
  return lock.run(async () => {
    const sourcePath = (await store.listDocuments()).find((d) => d.id === documentId)?.sourcePath;
    if (!(await store.deleteDocument(documentId))) return false;
    await index.deleteDocument(documentId);
    await index.persist(await store.generation());
    const upload = sourcePath ? await uploadedFileOf(sourcePath, deps.uploadsDir) : null;
    if (upload) await rm(upload, { force: true });
    return true;
  });
}
