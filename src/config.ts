// The one place that reads flags and environment; everything else receives a validated Config.
import { resolve } from 'node:path';
import { z } from 'zod';
import { defined } from './domain/defined.ts';

export const GraphBackend = z.enum(['embedded', 'neo4j']);

export const Config = z.object({
  dataDir: z.string().min(1),
  graph: GraphBackend,
  neo4j: z.object({
    uri: z.string().min(1),
    user: z.string().min(1),
    password: z.string().min(1),
    database: z.string().optional(),
  }),
  modelDir: z.string().optional(),
  port: z.number().int().min(1).max(65535),
  /** Interface the server binds: loopback unless asked otherwise, so a laptop never exposes its data by default. */
  host: z.string().min(1).default('127.0.0.1'),
  /**
   * Host names the server answers to besides loopback and the bound address (POLICY_GRAPH_ALLOWED_HOSTS, comma
   * separated): a request naming any other host is refused, so a DNS-rebinding page cannot reach it.
   */
  allowedHosts: z.array(z.string().min(1)).default([]),
  /** When set, the HTTP API's write endpoints require `Authorization: Bearer <token>`. */
  apiToken: z.string().min(1).optional(),
  /** API requests one client may make per minute (POLICY_GRAPH_RATE_LIMIT); a load test lifts it. */
  rateLimitPerMinute: z.number().int().min(1).default(600),
  /** How long a write waits for another process writing the same data folder (POLICY_GRAPH_WRITE_WAIT, seconds). */
  writeWaitSeconds: z.number().min(0).default(600),
  /** How often a long ingest saves the vector index (POLICY_GRAPH_INDEX_SAVE_SECONDS): what a kill can cost the next open. */
  indexSaveSeconds: z.number().min(0).default(60),
  json: z.boolean(),
  /** Where question files' "corpus:<member>" documents come from: an unpacked folder, else the archive (unpacked once). */
  corpus: z.object({ dir: z.string().optional(), archive: z.string().min(1) }),
});
export type Config = z.infer<typeof Config>;

export const NEO4J_DEFAULTS = { uri: 'bolt://127.0.0.1:7687', user: 'neo4j', password: 'policygraph-local' } as const;

/** ../shared beside the checkout (POLICY_GRAPH_SHARED overrides), as the tests find it. */
const SHARED_DIR = resolve(new URL('../..', import.meta.url).pathname, 'shared');

export interface GlobalFlags {
  data?: string;
  corpus?: string;
  graph?: string;
  port?: string;
  host?: string;
  json?: boolean;
}

export function loadConfig(flags: GlobalFlags, env: NodeJS.ProcessEnv = process.env): Config {
  const graph = flags.graph ?? (env.NEO4J_URI ? 'neo4j' : 'embedded');
  const parsed = Config.safeParse({
    dataDir: resolve(flags.data ?? env.POLICY_GRAPH_DATA ?? 'data'),
    graph,
    neo4j: {
      uri: env.NEO4J_URI ?? NEO4J_DEFAULTS.uri,
      user: env.NEO4J_USER ?? NEO4J_DEFAULTS.user,
      password: env.NEO4J_PASSWORD ?? NEO4J_DEFAULTS.password,
      database: env.NEO4J_DATABASE || undefined,
    },
    modelDir: env.POLICY_GRAPH_MODEL_DIR || undefined,
    port: Number(flags.port ?? env.PORT ?? 3000),
    host: flags.host ?? env.POLICY_GRAPH_HOST ?? '127.0.0.1',
    allowedHosts: (env.POLICY_GRAPH_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    apiToken: env.POLICY_GRAPH_TOKEN || undefined,
    rateLimitPerMinute: env.POLICY_GRAPH_RATE_LIMIT ? Number(env.POLICY_GRAPH_RATE_LIMIT) : undefined,
    writeWaitSeconds: env.POLICY_GRAPH_WRITE_WAIT ? Number(env.POLICY_GRAPH_WRITE_WAIT) : undefined,
    indexSaveSeconds: env.POLICY_GRAPH_INDEX_SAVE_SECONDS ? Number(env.POLICY_GRAPH_INDEX_SAVE_SECONDS) : undefined,
    json: flags.json ?? false,
    corpus: {
      dir: flags.corpus ? resolve(flags.corpus) : undefined,
      archive: resolve(env.POLICY_GRAPH_SHARED ?? SHARED_DIR, 'corpus', 'gov-reports.tar.xz'),
    },
  });
  if (!parsed.success) {
    const issue = defined(parsed.error.issues[0], 'issue of a failed parse');
    throw new Error(`invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
