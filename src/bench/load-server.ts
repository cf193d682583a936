// The server the benchmark's load section measures, in its own process so its memory is sampled alone: the
// seeds ingested into the given data folder with the embedding model, the app of `serve` with the rate limit
// lifted (a load test from one address would otherwise measure the limiter). Prints "listening <port>".
// Usage: node --import tsx/esm src/bench/load-server.ts <dataDir>
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { createApp } from '../server/app.ts';
import { MAX_HEADER_BYTES } from '../server/serve.ts';
import { openServices } from '../services.ts';

const [data] = process.argv.slice(2);
const services = await openServices(loadConfig({ data, graph: 'embedded' }));
await ingestPaths([fileURLToPath(new URL('../../seeds', import.meta.url))], services);
const app = createApp(services, { rateLimit: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 } });
// serve's header limit: the health section asks 2,000-character questions.
const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app).listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => server.close(() => void services.close().then(() => process.exit(0))));
