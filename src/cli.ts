// `policy-graph` command: every command prints one JSON document on stdout with --json, logs to stderr,
// exits 0 on success and non-zero with a one-line error otherwise.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, type Config } from './config.ts';
import { EntityType } from './domain/schemas.ts';
// Commands import what they need on demand: listing entities should not pay for loading the embedding model.
import { printResult } from './cli/output.ts';
import { progressBar } from './cli/progress.ts';
import type { GraphStore } from '../graph/store.ts';

const USAGE = `usage: policy-graph <command> [options]
  ingest <file|dir>...                 read, structure, extract, embed and store documents
  ask "<question>" [--k 10]            answer with cited passages, tasks, entities and observations
  entities [--type T] [--match TEXT]   list entities (T: place|project|initiative|organization|indicator)
  observations [--indicator TEXT] [--document ID]
  check <draft-file|-> [--place TEXT] [--year YEAR] [--language zh|en]
                                       each claim of a draft against prior commitments (verdict, evidence, reason)
  track [--place TEXT] [--period YEAR] earlier targets against later reported results (met/exceeded/missed)
  documents                            list stored documents
  delete <documentId>                  remove a document and what only it supported
  reindex                              re-embed every chunk with the current model (after fetching it)
  serve [--port 3000] [--host 127.0.0.1] [--ingest-seeds]  start the web server (POLICY_GRAPH_TOKEN guards writes)
  bench [--vectors 100000[,300000]] [--distribution clustered|uniform] [--corpus-documents 100]
        [--corpus-scale 1659] [--embed-sample 50] [--name NAME]
        [--skip embedding,ingest,recall,graph,corpus,neo4j,load]  performance figures as JSON,
        also written to bench/results/<date>-<name>.json
  eval [--gold DIR] [--questions FILE[,FILE]] [--corpus DIR] [--distractors N] [--configurations hybrid,…]
                                       extraction quality and question metrics against ../shared/eval gold;
                                       each question file is a set, N other corpus reports are ingested beside them
common options: --json  --data DIR  --graph embedded|neo4j`;

const options = {
  json: { type: 'boolean' },
  data: { type: 'string' },
  graph: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  k: { type: 'string' },
  type: { type: 'string' },
  match: { type: 'string' },
  indicator: { type: 'string' },
  document: { type: 'string' },
  place: { type: 'string' },
  period: { type: 'string' },
  year: { type: 'string' },
  language: { type: 'string' },
  'ingest-seeds': { type: 'boolean' },
  gold: { type: 'string' },
  questions: { type: 'string' },
  corpus: { type: 'string' },
  distractors: { type: 'string' },
  configurations: { type: 'string' },
  vectors: { type: 'string' },
  distribution: { type: 'string' },
  'corpus-documents': { type: 'string' },
  'corpus-scale': { type: 'string' },
  'embed-sample': { type: 'string' },
  name: { type: 'string' },
  skip: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

async function withStore<T>(config: Config, run: (store: GraphStore) => Promise<T>): Promise<T> {
  const { openStore } = await import('./services.ts');
  const store = await openStore(config);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 1;
  }
  const config = loadConfig({ data: values.data, graph: values.graph, port: values.port, host: values.host, json: values.json, corpus: values.corpus });
  const result = await run(command, rest, values, config);
  if (result !== undefined) printResult(command, result, config.json);
  return 0;
}

async function run(command: string, args: string[], values: Values, config: Config): Promise<unknown> {
  switch (command) {
    case 'ingest': {
      if (!args.length) throw new Error('ingest needs at least one file or directory');
      const [{ openServices }, { ingestPaths }] = await Promise.all([import('./services.ts'), import('./ingest/pipeline.ts')]);
      const services = await openServices(config);
      try {
        const report = await ingestPaths(args, services, progressBar('ingest'));
        for (const e of report.errors) process.stderr.write(`error: ${e.path}: ${e.error.replace(`${e.path}: `, '')}\n`);
        if (report.errors.length && !report.documents.length) process.exitCode = 1;
        return report;
      } finally {
        await services.close();
      }
    }
    case 'ask': {
      const question = z.string().trim().min(1, 'ask needs a question').max(2000).parse(args.join(' '));
      const k = z.coerce.number().int().min(1).max(100).parse(values.k ?? 10);
      const [{ openServices }, { ask }] = await Promise.all([import('./services.ts'), import('./search/answer.ts')]);
      const services = await openServices(config);
      try {
        return await ask(question, services, { k });
      } finally {
        await services.close();
      }
    }
    case 'entities': {
      const type = values.type === undefined ? undefined : EntityType.parse(values.type);
      return withStore(config, async (store) => ({ entities: await store.entities({ type, match: values.match }) }));
    }
    case 'observations':
      return withStore(config, async (store) => ({ observations: await store.observations({ indicator: values.indicator, documentId: values.document }) }));
    case 'documents':
      return withStore(config, async (store) => ({ documents: await store.listDocuments() }));
    case 'delete': {
      const id = z.string().min(1, 'delete needs a document id').parse(args[0] ?? '');
      const { openServices } = await import('./services.ts');
      const services = await openServices(config);
      try {
        const deleted = await services.store.deleteDocument(id);
        if (!deleted) throw new Error(`no document with id ${id}`);
        await services.index.deleteDocument(id);
        await services.index.persist(await services.store.generation());
        return { deleted: id };
      } finally {
        await services.close();
      }
    }
    case 'reindex': {
      const [{ openServices }, { reindexVectors }] = await Promise.all([import('./services.ts'), import('./ingest/reindex.ts')]);
      const services = await openServices(config);
      let report;
      try {
        const progress = progressBar('reindex');
        report = await reindexVectors(services.store, services.embedder, (done, total) => progress(done, total, 'chunks'));
      } finally {
        await services.close();
      }
      // Opening again rebuilds the vector index from the new vectors.
      await (await openServices(config)).close();
      return report;
    }
    case 'check': {
      const source = z.string().min(1, 'check needs a draft file (or - for standard input)').parse(args[0] ?? '');
      const { readFile } = await import('node:fs/promises');
      const text = source === '-' ? await readStdin() : await readFile(source, 'utf8');
      const year = values.year === undefined ? undefined : z.coerce.number().int().min(1949).max(2100).parse(values.year);
      const language = z.enum(['zh', 'en']).optional().parse(values.language);
      const { checkDraft } = await import('./consistency/check.ts');
      return withStore(config, (store) => checkDraft(store, { text, language }, { year, place: values.place }));
    }
    case 'track': {
      const { trackTargets } = await import('./consistency/track.ts');
      return withStore(config, (store) => trackTargets(store, { place: values.place, period: values.period }));
    }
    case 'serve': {
      const { serve } = await import('./server/serve.ts');
      await serve(config, { ingestSeeds: values['ingest-seeds'] ?? false });
      return undefined;
    }
    case 'eval': {
      const { runEval } = await import('./eval/run-eval.ts');
      const distractors = z.coerce.number().int().min(0).max(1659).parse(values.distractors ?? 0);
      return runEval(config, { goldDir: values.gold, questionsFiles: values.questions?.split(',').filter(Boolean), distractors, configurations: values.configurations?.split(',').filter(Boolean) });
    }
    case 'bench': {
      const { runBench, BENCH_SECTIONS } = await import('./bench/run-bench.ts');
      const vectors = z.array(z.coerce.number().int().min(1000).max(10_000_000)).min(1).parse((values.vectors ?? '100000').split(','));
      const distribution = z.enum(['clustered', 'uniform']).parse(values.distribution ?? 'clustered');
      const corpusDocuments = z.coerce.number().int().min(1).max(1659).parse(values['corpus-documents'] ?? 100);
      const corpusScale = z.coerce.number().int().min(1).max(1659).parse(values['corpus-scale'] ?? 1659);
      const embedSample = z.coerce.number().int().min(0).max(1659).parse(values['embed-sample'] ?? 50);
      const skip = z.array(z.enum(BENCH_SECTIONS)).parse((values.skip ?? '').split(',').filter(Boolean));
      const name = z.string().regex(/^[\w.-]+$/).parse(values.name ?? (skip.length ? `without-${skip.join('-')}` : 'full'));
      return runBench(config, { vectors, distribution, corpusDocuments, corpusScale, embedSample, name, skip: new Set(skip) });
    }
    default:
      throw new Error(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = process.exitCode || code;
  },
  (error: unknown) => {
    const message = error instanceof z.ZodError
      ? `invalid input: ${error.issues.map((i) => i.message).join('; ')}`
      : error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`policy-graph: ${message}\n`);
    process.exitCode = 1;
  },
);
