// Extraction contexts for the entity tests: the seed report, and corpus reports with their Markdown
// stripped crudely (front matter and ** removed), both structured by src/ingest/structure.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractionContext } from '../../src/ingest/extract/context.ts';
import { normalizeWidth } from '../../src/ingest/normalize.ts';
import { buildExtractionContext, parseStructure } from '../../src/ingest/structure.ts';
import { GoldEntities } from '../../src/eval/entity-score.ts';
import { sharedPath } from './shared.ts';

export const SEED_PATH = fileURLToPath(new URL('../../seeds/shangyu-2017-government-work-report.txt', import.meta.url));
export const GOLD_ENTITIES_PATH = sharedPath('eval', 'seed-entities.json');
export const CORPUS_SAMPLE_DIR = sharedPath('corpus', 'sample');

export function contextOf(
  text: string,
  meta: { documentId: string; year: number | null; place: string | null; placeCode?: string | null },
): ExtractionContext {
  const normalized = normalizeWidth(text);
  const structure = parseStructure({ documentId: meta.documentId, text, normalized, boldLines: [] });
  return buildExtractionContext(structure, normalized, meta);
}

export function seedText(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

export function seedContext(): ExtractionContext {
  return contextOf(seedText(), { documentId: 'seed', year: 2017, place: '上虞区' });
}

export function goldEntities(): GoldEntities {
  return GoldEntities.parse(JSON.parse(readFileSync(GOLD_ENTITIES_PATH, 'utf8')));
}

/** A corpus Markdown report as plain text: front matter dropped, bold markers removed. */
export function corpusText(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replaceAll('**', '');
}
