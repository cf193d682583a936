// Builds ExtractionContexts for tests: the seed report and corpus samples go through the real structure parser.
// Corpus Markdown is prepared crudely (front matter dropped, `**` removed, wholly bold lines marked as headings),
// which is enough for extraction tests; offsets then refer to the prepared text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../../src/domain/ids.ts';
import type { ExtractionContext } from '../../src/ingest/extract/context.ts';
import { normalizeWidth } from '../../src/ingest/normalize.ts';
import { buildExtractionContext, parseStructure } from '../../src/ingest/structure.ts';

export const SEED_PATH = fileURLToPath(new URL('../../seeds/shangyu-2017-government-work-report.txt', import.meta.url));
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEED_YEAR = 2017;

export interface PreparedDocument {
  text: string;
  context: ExtractionContext;
}

function contextFor(text: string, year: number | null, boldLines: Array<{ charStart: number; charEnd: number }>): ExtractionContext {
  const documentId = contentHash(text);
  const normalized = normalizeWidth(text);
  const structure = parseStructure({ documentId, text, normalized, boldLines });
  return buildExtractionContext(structure, normalized, { documentId, year, place: null });
}

export function seedDocument(): PreparedDocument {
  const text = readFileSync(SEED_PATH, 'utf8');
  return { text, context: contextFor(text, SEED_YEAR, []) };
}

/** A corpus Markdown report with its year taken from the file name (e.g. hangzhou-2017.md). */
export function corpusDocument(path: string): PreparedDocument {
  const raw = readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const boldLines: Array<{ charStart: number; charEnd: number }> = [];
  let text = '';
  for (const line of raw.split('\n')) {
    const bold = /^\s*\*\*[^*]+\*\*\s*$/.test(line);
    const plain = line.replaceAll('**', '');
    if (bold) boldLines.push({ charStart: text.length, charEnd: text.length + plain.length });
    text += plain + '\n';
  }
  const year = Number(/((?:19|20)\d{2})/.exec(path.split('/').pop() ?? '')?.[1]) || null;
  return { text, context: contextFor(text, year, boldLines) };
}
