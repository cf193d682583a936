// Builds ExtractionContexts for tests through the real reader and structure parser: the seed report as its raw
// text (so offsets are those of the gold, which counts into the file as it is), corpus reports via readDocument
// (front matter, Markdown headings and bold lines handled as in ingest).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../../src/domain/ids.ts';
import { type DocumentMeta, documentMeta } from '../../src/ingest/document-meta.ts';
import type { ExtractionContext } from '../../src/ingest/extract/context.ts';
import { normalizeWidth } from '../../src/ingest/normalize.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { buildExtractionContext, parseStructure } from '../../src/ingest/structure.ts';
import { SHARED_DIR as SHARED } from './shared.ts';

export const SEED_PATH = fileURLToPath(new URL('../../seeds/shangyu-2017-government-work-report.txt', import.meta.url));
export const SHARED_DIR = `${SHARED}/`;
export const SEED_YEAR = 2017;

export interface PreparedDocument {
  /** The text all offsets refer to. */
  text: string;
  context: ExtractionContext;
}

type Meta = Pick<DocumentMeta, 'year' | 'place' | 'placeCode'>;

function contextFor(
  text: string,
  normalized: string,
  meta: Meta,
  boldLines: Array<{ charStart: number; charEnd: number }>,
): ExtractionContext {
  const documentId = contentHash(text);
  const structure = parseStructure({ documentId, text, normalized, boldLines });
  return buildExtractionContext(structure, normalized, { documentId, year: meta.year, place: meta.place, placeCode: meta.placeCode });
}

/** The seed as ingest reads it: its place and code from its opening lines, its year fixed. */
export function seedDocument(): PreparedDocument {
  const text = readFileSync(SEED_PATH, 'utf8');
  const normalized = normalizeWidth(text);
  const meta = documentMeta(normalized, undefined, SEED_PATH);
  return { text, context: contextFor(text, normalized, { ...meta, year: SEED_YEAR }, []) };
}

/** A corpus report read as ingest reads it, its year taken from its metadata (title, meeting date, file name). */
export async function corpusDocument(path: string): Promise<PreparedDocument> {
  const read = await readDocument(path);
  const meta = documentMeta(read.normalized, read.frontMatter.title, path);
  return { text: read.text, context: contextFor(read.text, read.normalized, meta, read.boldLines) };
}

/** A context of one paragraph (id `p`, at `charStart` in document `d`), for extractor tests on a sentence. */
export function oneParagraphContext(text: string, extra: Partial<ExtractionContext> = {}, charStart = 0): ExtractionContext {
  return { documentId: 'd', year: null, place: null, paragraphs: [{ id: 'p', text, charStart, headings: [], taskNumber: null }], ...extra };
}
