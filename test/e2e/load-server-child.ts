// A server for the load test in its own process (so its memory can be sampled alone): the seed ingested into a
// fresh data folder, the app of `serve` with the rate limit lifted — a load test from one address would
// otherwise measure the limiter. Prints "listening <port>" once it accepts requests.
// Usage: node --import tsx/esm load-server-child.ts <dataDir>
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { createApp } from '../../src/server/app.ts';
import { openServices } from '../../src/services.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const [data] = process.argv.slice(2);
const services = await openServices(loadConfig({ data, graph: 'embedded' }));
if ((await services.store.listDocuments()).length === 0) await ingestPaths([join(ROOT, 'seeds')], services);
const server = createApp(services, { rateLimit: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 } }).listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => server.close(() => void services.close().then(() => process.exit(0))));
