// Generality: ingest the corpus sample plus 100+ reports from other cities, provinces and years through the
// real pipeline and store. Nothing may crash, and every document must get parts, paragraphs and facts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import { openEmbeddedStore, type SqliteGraphStore } from '../../graph/embedded/sqlite-store.ts';
import { ingestPaths, type IngestReport } from '../../src/ingest/pipeline.ts';
import { sharedPath } from '../helpers/shared.ts';
import { ownUnitShare } from '../../src/eval/own-units.ts';

const CORPUS = sharedPath('corpus');
/** Every 16th report of the sorted archive: 104 reports across cities, provinces, the State Council and 1978–2026. */
const STRIDE = 16;

function pickReports(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'policy-graph-corpus-'));
  execFileSync('tar', ['-xJf', join(CORPUS, 'gov-reports.tar.xz'), '-C', dir]);
  const files = execFileSync('find', [dir, '-name', '*.md']).toString().trim().split('\n').sort();
  return files.filter((_, i) => i % STRIDE === 0);
}

describe('generality over unseen reports', () => {
  let store: SqliteGraphStore;
  let report: IngestReport;
  const inputs: string[] = [];

  beforeAll(async () => {
    inputs.push(...readdirSync(join(CORPUS, 'sample')).map((f) => join(CORPUS, 'sample', f)), ...pickReports());
    store = openEmbeddedStore(mkdtempSync(join(tmpdir(), 'policy-graph-generality-')));
    report = await ingestPaths(inputs, { store, embedder: new LexicalFallbackEmbedder(), index: null });
  }, 600_000);

  afterAll(async () => store?.close());

  it('ingests more than 100 reports without a single error', () => {
    expect(inputs.length).toBeGreaterThan(100);
    expect(report.errors).toEqual([]);
    expect(report.documents.length).toBe(inputs.length);
  });

  it('gives every document parts, paragraphs and a year, and prints a per-document summary', async () => {
    const rows: string[] = [];
    let withoutPlaces = 0;
    const own = { written: 0, recognised: 0 };
    for (const doc of await store.listDocuments()) {
      const sections = store.db.prepare("SELECT count(*) AS n FROM sections WHERE document_id = ? AND level = 'part'").get(doc.id) as {
        n: number;
      };
      const count = (type: string) =>
        (
          store.db
            .prepare(
              'SELECT count(DISTINCT m.entity_id) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? AND e.type = ?',
            )
            .get(doc.id, type) as { n: number }
        ).n;
      const observations = (await store.observations({ documentId: doc.id })).length;
      const places = count('place');
      if (!places) withoutPlaces += 1;
      // The report's own county-level (or, for a province, prefecture-level) units: how many of those it writes were recognised.
      const codes = new Set(
        (
          store.db
            .prepare(
              'SELECT DISTINCT e.code FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? AND e.code IS NOT NULL',
            )
            .all(doc.id) as Array<{ code: string }>
        ).map((r) => r.code),
      );
      const text = (store.db.prepare('SELECT text FROM documents WHERE id = ?').get(doc.id) as { text: string }).text;
      const units = doc.placeCode ? ownUnitShare(doc.placeCode, text, codes) : null;
      if (units) {
        own.written += units.written.length;
        own.recognised += units.recognised.length;
      }
      const unitColumn = units ? `${units.recognised.length}/${units.written.length}` : '-';
      rows.push(
        `${doc.sourcePath.split('/').slice(-2).join('/')}\tparts=${sections.n}\tparagraphs=${doc.paragraphs}\ttasks=${doc.tasks}\tplaces=${places}\townUnits=${unitColumn}\tinitiatives=${count('initiative')}\tobservations=${observations}`,
      );
      expect(sections.n, `${doc.sourcePath} has no parts`).toBeGreaterThan(0);
      expect(doc.paragraphs, `${doc.sourcePath} has no paragraphs`).toBeGreaterThan(5);
      expect(doc.year, `${doc.sourcePath} has no year`).not.toBeNull();
    }
    const withYearTasks = (
      store.db.prepare("SELECT count(DISTINCT document_id) AS n FROM tasks WHERE horizon = 'year'").get() as { n: number }
    ).n;
    console.log(`${rows.join('\n')}\nreports with year-plan tasks: ${withYearTasks} of ${rows.length}`);
    console.log(
      `own subordinate units recognised: ${own.recognised}/${own.written} (${(own.recognised / Math.max(1, own.written)).toFixed(3)})`,
    );
    expect(withoutPlaces).toBeLessThanOrEqual(2);
    expect(report.observations / report.documents.length).toBeGreaterThan(20);
  });
});
