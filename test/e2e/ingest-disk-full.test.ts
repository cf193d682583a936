// A full disk while the vector index is saved, after the documents were committed: the ingest still returns its
// report (the CLI prints it as JSON and exits 1), naming the failure; the next open rebuilds the index from the
// store, so no committed document is lost to vector search. (Before, the error escaped and no JSON was printed.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexicalFallbackEmbedder } from '../../embeddings/lexical-embedder.ts';
import type { StoreSyncedIndex } from '../../embeddings/store-synced-index.ts';
import { ingestFiles } from '../../src/app/ingest.ts';
import type { IngestReport } from '../../src/ingest/pipeline.ts';
import { loadConfig } from '../../src/config.ts';
import { openServices } from '../../src/services.ts';
import { tempDataDir } from './cli-helpers.ts';
import { expectVectorFileMatchesStore, writeReports } from './writer-helpers.ts';

describe('ENOSPC while saving the vector index', () => {
  it('reports the committed documents and the failure; the next open rebuilds the index', async () => {
    const data = tempDataDir();
    const config = loadConfig({ data, graph: 'embedded' });
    const files = writeReports(join(data, '..', `${data.split('/').pop()}-in`), 'full', 2);
    const services = await openServices(config, { embedder: new LexicalFallbackEmbedder() });
    const index = services.index as StoreSyncedIndex;
    index.persist = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    let report: IngestReport;
    try {
      report = await ingestFiles(files, services);
    } finally {
      await services.close();
    }
    expect(report.documents.map((d) => d.status)).toEqual(['ingested', 'ingested']);
    expect(report.errors).toEqual([{ path: 'vector index', error: 'not saved: ENOSPC: no space left on device, write' }]);

    const reopened = await openServices(config, { embedder: new LexicalFallbackEmbedder() });
    await reopened.close();
    expect(await expectVectorFileMatchesStore(data)).toBeGreaterThanOrEqual(2);
  });
});
