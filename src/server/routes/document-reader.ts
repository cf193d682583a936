// GET /api/documents/:id: one report for the reader — metadata, the outline of parts, sections and tasks,
// paragraphs with offsets, the text and the entity mentions. The server path it was read from stays on the server.
import { Router } from 'express';
import type { z } from 'zod';
import type { DocumentContents } from '../../../graph/store.ts';
import type { Services } from '../../services.ts';
import { notFound } from '../../domain/errors.ts';
import { type DocumentReaderResponse, IdParams } from '../../domain/api-schemas.ts';

const WEB_ADDRESS = /^https?:\/\//i;

export function readerView({ document, sections, tasks, paragraphs, mentions }: DocumentContents): z.infer<typeof DocumentReaderResponse> {
  const range = (s: { id: string; path: string; title: string; charStart: number; charEnd: number }) => ({
    id: s.id,
    path: s.path,
    title: s.title,
    charStart: s.charStart,
    charEnd: s.charEnd,
  });
  const parts = sections.filter((s) => s.parentPath === null);
  const partOf = (path: string | null): string | null => {
    const parent = path === null ? undefined : sections.find((s) => s.path === path);
    return !parent ? null : parent.parentPath === null ? parent.path : partOf(parent.parentPath);
  };
  // Extra document properties (place code, level, speaker …) pass through as the store gains them.
  const { sourcePath: _serverPath, text, source, ...metadata } = document;
  return {
    ...metadata,
    source: source && WEB_ADDRESS.test(source) ? source : null,
    text,
    parts: parts.map((part) => ({
      ...range(part),
      sections: sections
        .filter((s) => s.parentPath !== null && partOf(s.parentPath) === part.path)
        .map((s) => ({ ...range(s), parentPath: s.parentPath })),
    })),
    tasks: tasks.map(({ documentId: _d, ...task }) => task),
    paragraphs: paragraphs.map((p) => ({
      id: p.id,
      sectionPath: p.sectionPath,
      taskId: p.taskId,
      ordinal: p.ordinal,
      text: p.text,
      charStart: p.charStart,
      charEnd: p.charEnd,
    })),
    mentions: mentions.map(({ documentId: _d, entityId, ...m }) => ({ entityId, ...m })),
  };
}
export function documentReaderRouter({ store }: Services): Router {
  const router = Router();
  router.get('/documents/:id', async (req, res) => {
    const { id } = IdParams.parse(req.params);
    const contents = await store.readDocument(id);
    if (!contents) throw notFound(`no document with id ${id}`);
    res.json(readerView(contents));
  });
  return router;
}
