// GET/POST /api/documents and DELETE /api/documents/:id: HTTP in and out of the ingest and delete use cases
// (src/app/), which keep the uploaded file, write as the data folder's only writer and keep the vector index whole.
import express, { Router } from 'express';
import { deleteDocument } from '../../app/delete.ts';
import { documentTasks } from '../../app/explore.ts';
import { ingestUpload } from '../../app/ingest.ts';
import { safeFileName } from '../../app/uploads.ts';
import { ReadOnlyDataFolder, WriteLockTimeout } from '../../locks/write-lock.ts';
import { documentFormatOf, MAX_DOCUMENT_BYTES, SUPPORTED_EXTENSIONS } from '../../ingest/read.ts';
import type { Services } from '../../services.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { IdParams, TaskListing, TasksQuery, UploadQuery } from '../../domain/api-schemas.ts';
import { requireToken } from '../guards.ts';

export interface DocumentRoutesOptions {
  token: string | undefined;
  uploadBytes: number;
}

export function documentsRouter(services: Services, options: DocumentRoutesOptions): Router {
  const router = Router();
  const { store } = services;
  const guard = requireToken(options.token);

  router.get('/documents', async (_req, res) => {
    res.json({ documents: await store.listDocuments() });
  });

  router.post(
    '/documents',
    guard,
    express.raw({ type: () => true, limit: Math.min(options.uploadBytes, MAX_DOCUMENT_BYTES) }),
    async (req, res) => {
      const { name } = UploadQuery.parse(req.query);
      const body = req.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('empty_upload');
      const fileName = safeFileName(name);
      if (!documentFormatOf(fileName)) {
        throw new AppError('unsupported_format', `unsupported file type; upload one of ${SUPPORTED_EXTENSIONS.join(', ')}`);
      }
      const { report, path } = await writing(() => ingestUpload({ bytes: body, fileName }, services));
      const document = report.documents[0];
      if (!document || report.errors.length) {
        // The reader names the stored file by its absolute path: the client sees its own file name only.
        const reason = report.errors[0]?.error.replace(`${path}: `, '').replace(`${report.errors[0]?.path}: `, '') ?? 'nothing was read';
        throw new AppError('ingest_failed', `${fileName}: ${reason}`);
      }
      res.status(document.status === 'ingested' ? 201 : 200).json({
        document: {
          id: document.id,
          title: document.title,
          paragraphs: document.paragraphs,
          tasks: document.tasks,
          status: document.status,
        },
        entities: report.entities,
        observations: report.observations,
        relations: report.relations,
        ms: report.ms,
      });
    },
  );

  router.get('/documents/:id/tasks', async (req, res) => {
    const { id } = IdParams.parse(req.params);
    const { horizon } = TasksQuery.parse(req.query);
    const tasks = await documentTasks(store, { documentId: id, horizon });
    res.json({ tasks: tasks.map((t) => TaskListing.parse(t)) });
  });

  router.delete('/documents/:id', guard, async (req, res) => {
    const { id } = IdParams.parse(req.params);
    if (!(await writing(() => deleteDocument(id, services)))) throw notFound(`no document with id ${id}`);
    res.json({ deleted: id });
  });
  return router;
}

/** Another process (a CLI ingest) writing for longer than the wait, or a read-only folder: not the client's fault. */
async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WriteLockTimeout) throw new AppError('write_busy');
    if (error instanceof ReadOnlyDataFolder) throw new AppError('read_only');
    throw error;
  }
}
