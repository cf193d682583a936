// `serve`: opens the services, optionally ingests seeds/ on first start, and listens until stopped.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Config } from '../config.ts';
import { ensureWebBuilt } from '../../web/build.ts';
import { cleanUploads, ingestFiles } from '../app/ingest.ts';
import { loadQuestionLexicons } from '../search/warm-up.ts';
import { openServices } from '../services.ts';
import { createApp } from './app.ts';

export const MAX_HEADER_BYTES = 64 * 1024;

export async function serve(config: Config, options: { ingestSeeds: boolean }): Promise<void> {
  const services = await openServices(config);
  if (!services.readOnly) {
    const orphans = await cleanUploads(services);
    if (orphans.length) process.stderr.write(`removed ${orphans.length} files from uploads/ that no document names\n`);
  }
  if (options.ingestSeeds && existsSync('seeds') && (await services.store.listDocuments()).length === 0) {
    process.stderr.write('first start: ingesting seeds/\n');
    const report = await ingestFiles(['seeds'], services);
    process.stderr.write(`ingested ${report.documents.length} documents in ${report.ms} ms\n`);
  }
  const lexicons = loadQuestionLexicons();
  process.stderr.write(`loaded the question lexicons in ${lexicons.ms} ms\n`);
  const web = await ensureWebBuilt();
  if (web.built) process.stderr.write(`built the web UI in ${web.ms} ms\n`);
  // A question of 2,000 Chinese characters is 18 KB percent-encoded: past Node's 16 KB header limit (431).
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, createApp(services)).listen(config.port, config.host, () => {
    const shown = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
    process.stderr.write(
      `PolicyGraph serving on http://${shown}:${config.port}${config.apiToken ? ' (writes need the bearer token)' : ''}\n`,
    );
  });
  const stop = () => server.close(() => void services.close().then(() => process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
