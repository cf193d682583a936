// GET/POST /api/documents and DELETE /api/documents/:id. An upload is kept under <data>/uploads (so citations
// keep a source path) and ingested with the pipeline the CLI uses: all or nothing, one write at a time.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import express, { Router } from 'express';
import { ingestPaths, persistIndex } from '../../ingest/pipeline.ts';
import { documentFormatOf, MAX_DOCUMENT_BYTES, SUPPORTED_EXTENSIONS } from '../../ingest/read.ts';
import type { Services } from '../../services.ts';
import { HttpError, notFound } from '../http-error.ts';
import { IdParams, TaskListing, TasksQuery, UploadQuery } from '../schemas.ts';
import { writeLock } from '../write-lock.ts';
import { requireToken } from '../guards.ts';

/**
 * The client's file name is never used as a path: only its last segment survives, reduced to letters, digits
 * and a few safe marks, and prefixed with the content hash so two uploads cannot overwrite each other.
 */
export function safeFileName(name: string): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const kept = [...last.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '')].slice(-120);
  // File systems count a name's bytes (255), not its characters: CJK takes three, and the hash prefix comes on top.
  while (Buffer.byteLength(kept.join('')) > 200) kept.shift();
  return kept.join('') || 'upload';
}

export interface DocumentRoutesOptions {
  token: string | undefined;
  uploadBytes: number;
}

export function documentsRouter(services: Services, options: DocumentRoutesOptions): Router {
  const router = Router();
  const { store, index } = services;
  const exclusive = writeLock();
  const uploads = join(services.config.dataDir, 'uploads');
  const guard = requireToken(options.token);

  router.get('/documents', async (_req, res) => {
    res.json({ documents: await store.listDocuments() });
  });

  router.post('/documents', guard, express.raw({ type: () => true, limit: Math.min(options.uploadBytes, MAX_DOCUMENT_BYTES) }), async (req, res) => {
    const { name } = UploadQuery.parse(req.query);
    const body = req.body as unknown;
    if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError(400, 'empty_upload', 'the request body must be the file\'s bytes');
    const fileName = safeFileName(name);
    if (!documentFormatOf(fileName)) {
      throw new HttpError(415, 'unsupported_format', `unsupported file type; upload one of ${SUPPORTED_EXTENSIONS.join(', ')}`);
    }
    const path = join(uploads, `${createHash('sha256').update(body).digest('hex').slice(0, 12)}-${fileName}`);
    const report = await exclusive(async () => {
      await mkdir(uploads, { recursive: true });
      await writeFile(path, body);
      try {
        return await ingestPaths([path], services);
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
    });
    const document = report.documents[0];
    if (!document || report.errors.length) {
      await rm(path, { force: true });
      // The reader names the stored file by its absolute path: the client sees its own file name only.
      const reason = report.errors[0]?.error.replace(`${path}: `, '').replace(`${report.errors[0]?.path}: `, '') ?? 'nothing was read';
      throw new HttpError(422, 'ingest_failed', `${fileName}: ${reason}`);
    }
    if (document.status === 'unchanged') await rm(path, { force: true }); // the same text is already stored
    res.status(document.status === 'ingested' ? 201 : 200).json({
      document: { id: document.id, title: document.title, paragraphs: document.paragraphs, tasks: document.tasks, status: document.status },
      entities: report.entities, observations: report.observations, relations: report.relations, ms: report.ms,
    });
  });

  router.get('/documents/:id/tasks', async (req, res) => {
    const { id } = IdParams.parse(req.params);
    const { horizon } = TasksQuery.parse(req.query);
    if (!(await store.hasDocument(id))) throw notFound(`no document with id ${id}`);
    const tasks = await store.documentTasks({ documentId: id, horizon });
    res.json({ tasks: tasks.map((t) => TaskListing.parse(t)) });
  });

  router.delete('/documents/:id', guard, async (req, res) => {
    const { id } = IdParams.parse(req.params);
    const sourcePath = (await store.listDocuments()).find((d) => d.id === id)?.sourcePath;
    const deleted = await exclusive(async () => {
      if (!(await store.deleteDocument(id))) return false;
      if (!services.storeKeepsVectors) {
        await index.deleteDocument(id);
        await persistIndex(services);
      }
      return true;
    });
    if (!deleted) throw notFound(`no document with id ${id}`);
    // An uploaded file goes with its document; files elsewhere (seeds/, the user's own folders) are never touched.
    const inUploads = sourcePath ? relative(uploads, resolve(sourcePath)) : '';
    if (inUploads && !inUploads.startsWith('..') && !isAbsolute(inUploads)) await rm(join(uploads, inUploads), { force: true });
    res.json({ deleted: id });
  });
  return router;
}
