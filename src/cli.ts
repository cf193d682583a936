// `policy-graph` command: every command prints one JSON document on stdout with --json, logs to stderr,
// exits 0 on success, 1 on failure and 2 on a wrong command line, with a one-line error.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, type Config } from './config.ts';
import { notFound } from './domain/errors.ts';
import { EntityType, Horizon } from './domain/schemas.ts';
// Commands import what they need on demand: listing entities should not pay for loading the embedding model.
import { printResult } from './cli/output.ts';
import { progressBar } from './cli/progress.ts';
import { arg, EXIT, UsageError } from './cli/usage.ts';
import { ExportFormat } from './domain/api-schemas.ts';
import type { GraphStore } from '../graph/store.ts';
import { ReusingEmbedder } from '../embeddings/reusing-embedder.ts';

const USAGE = `usage: policy-graph <command> [options]
  ingest <file|dir|file.tar.xz>... [--resume] [--vectors-from DIR]
                                       read, structure, extract, embed and store documents (progress and ETA
                                       on stderr); --resume skips those stored from the same path with the same text;
                                       --vectors-from takes the vectors DIR's embedded store keeps for the same
                                       passages (same model) instead of embedding them again
  ask "<question>" [--k 10]            answer with cited passages, tasks, entities and observations
  entities [--type T] [--match TEXT]   list entities (T: place|project|initiative|organization|indicator)
  observations [--indicator TEXT] [--document ID]
  check <draft-file|-> [--place TEXT] [--year YEAR] [--language zh|en]
                                       each claim of a draft against prior commitments (verdict, evidence, reason)
  track [--place TEXT] [--period YEAR] earlier targets against later reported results (met/exceeded/missed)
  documents                            list stored documents
  tasks [--document ID] [--horizon review|year|multi-year|other]
                                       tasks with number, title, category, horizon, parent and offsets
  audit <dir|file.tar.xz>              structure of every report (no store): year plans and tasks per era and level
  delete <documentId>                  remove a document and what only it supported
  reindex                              re-embed every chunk with the current model (after fetching it)
  serve [--port 3000] [--host 127.0.0.1] [--ingest-seeds]  start the web server (POLICY_GRAPH_TOKEN guards writes)
  bench [--vectors 100000[,300000]] [--distribution clustered|uniform] [--corpus-documents 100]
        [--corpus-scale 1659] [--embed-sample 50] [--name NAME] [--stored]
        [--skip embedding,ingest,recall,graph,corpus,neo4j,load,structure]  performance figures as JSON,
        also written to bench/results/<date>-<name>.json; --stored also times questions on the store in --data
  eval [--gold DIR] [--questions FILE[,FILE]] [--corpus DIR] [--distractors N] [--configurations hybrid,…]
                                       extraction quality and question metrics against ../shared/eval gold;
                                       each question file is a set, N other corpus reports are ingested beside them
  export [--format graphml|gexf|json|csv] [--document ID] [--out FILE|DIR]
                                       the graph with typed attributes (csv: neo4j-admin import files, zipped,
                                       or nodes.csv + relationships.csv when --out is a folder); stdout without --out
common options: --json  --data DIR  --graph embedded|neo4j  --help  --version
exit codes: 0 ok, 1 failure (the command ran and failed), 2 usage error (unknown command or option, bad argument)`;

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
  horizon: { type: 'string' },
  place: { type: 'string' },
  period: { type: 'string' },
  year: { type: 'string' },
  language: { type: 'string' },
  'ingest-seeds': { type: 'boolean' },
  resume: { type: 'boolean' },
  'vectors-from': { type: 'string' },
  stored: { type: 'boolean' },
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
  format: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
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

function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return version;
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Flags (and the environment) that do not make a valid configuration are a usage error. */
function commandLineConfig(values: Values): Config {
  try {
    return loadConfig({
      data: values.data,
      graph: values.graph,
      port: values.port,
      host: values.host,
      json: values.json,
      corpus: values.corpus,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.version) {
    process.stdout.write(values.json ? `${JSON.stringify({ version: packageVersion() })}\n` : `${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (!command) throw new UsageError(`a command is needed\n${USAGE}`);
  const config = commandLineConfig(values);
  const result = await run(command, rest, values, config);
  if (result !== undefined) printResult(command, result, config.json);
  return EXIT.ok;
}

async function run(command: string, args: string[], values: Values, config: Config): Promise<unknown> {
  switch (command) {
    case 'ingest': {
      if (!args.length) throw new UsageError('ingest needs at least one file or directory');
      const [{ openServices }, { ingestFiles }] = await Promise.all([import('./services.ts'), import('./app/ingest.ts')]);
      const vectorsFrom = values['vectors-from'];
      const services = await openServices(config, { vectorsFrom });
      try {
        const report = await ingestFiles(args, services, {
          resume: values.resume ?? false,
          onProgress: progressBar('ingest'),
          saveIndexEveryMs: config.indexSaveSeconds * 1000,
        });
        for (const e of report.errors) process.stderr.write(`error: ${e.path}: ${e.error.replace(`${e.path}: `, '')}\n`);
        if (services.embedder instanceof ReusingEmbedder) {
          const { reused, embedded } = services.embedder.counts;
          process.stderr.write(`vectors: ${reused} taken from ${vectorsFrom}, ${embedded} embedded\n`);
        }
        // Any document that did not make it is a failure, even when others did (the report says which).
        if (report.errors.length) process.exitCode = 1;
        return report;
      } finally {
        await services.close();
      }
    }
    case 'ask': {
      const question = arg(z.string().trim().min(1, 'ask needs a question').max(2000), args.join(' '), 'question');
      const k = arg(z.coerce.number().int().min(1).max(100), values.k ?? 10, '--k');
      const [{ openServices }, { ask }] = await Promise.all([import('./services.ts'), import('./app/ask.ts')]);
      const services = await openServices(config);
      try {
        return await ask(question, services, { k });
      } finally {
        await services.close();
      }
    }
    case 'entities': {
      const type = values.type === undefined ? undefined : arg(EntityType, values.type, '--type');
      const { findEntities } = await import('./app/explore.ts');
      return withStore(config, async (store) => ({ entities: await findEntities(store, { type, match: values.match }) }));
    }
    case 'observations':
      return withStore(config, async (store) => ({
        observations: await store.observations({ indicator: values.indicator, documentId: values.document }),
      }));
    case 'documents':
      return withStore(config, async (store) => ({ documents: await store.listDocuments() }));
    case 'tasks': {
      const horizon = values.horizon === undefined ? undefined : Horizon.parse(values.horizon);
      const { TaskListing } = await import('./domain/api-schemas.ts');
      const { documentTasks } = await import('./app/explore.ts');
      return withStore(config, async (store) => ({
        tasks: (await documentTasks(store, { documentId: values.document, horizon })).map((t) => TaskListing.parse(t)),
      }));
    }
    case 'audit': {
      const source = z
        .string()
        .min(1, 'audit needs a folder or a .tar.xz of reports')
        .parse(args[0] ?? '');
      const { auditCorpus } = await import('./eval/structure-audit.ts');
      const { details: _details, ...report } = await auditCorpus(source);
      return report;
    }
    case 'delete': {
      const id = arg(z.string().min(1, 'delete needs a document id'), args[0] ?? '', 'document id');
      const [{ openServices }, { deleteDocument }] = await Promise.all([import('./services.ts'), import('./app/delete.ts')]);
      const services = await openServices(config);
      try {
        if (!(await deleteDocument(id, services))) throw notFound(`no document with id ${id}`);
        return { deleted: id };
      } finally {
        await services.close();
      }
    }
    case 'reindex': {
      const [{ openServices }, { reindex }] = await Promise.all([import('./services.ts'), import('./app/reindex.ts')]);
      const services = await openServices(config);
      try {
        const progress = progressBar('reindex', 'chunks');
        return await reindex(services, (done, total) => progress({ done, total }));
      } finally {
        await services.close();
      }
    }
    case 'check': {
      const source = arg(z.string().min(1, 'check needs a draft file (or - for standard input)'), args[0] ?? '', 'draft');
      const { readFile } = await import('node:fs/promises');
      const text = source === '-' ? await readStdin() : await readFile(source, 'utf8');
      const year = values.year === undefined ? undefined : arg(z.coerce.number().int().min(1949).max(2100), values.year, '--year');
      const language = arg(z.enum(['zh', 'en']).optional(), values.language, '--language');
      const { checkDraft } = await import('./app/check.ts');
      return withStore(config, (store) => checkDraft(store, { text, language }, { year, place: values.place }));
    }
    case 'track': {
      const { trackTargets } = await import('./app/track.ts');
      return withStore(config, (store) => trackTargets(store, { place: values.place, period: values.period }));
    }
    case 'serve': {
      const { serve } = await import('./server/serve.ts');
      await serve(config, { ingestSeeds: values['ingest-seeds'] ?? false });
      return undefined;
    }
    case 'eval': {
      const { runEval } = await import('./eval/run-eval.ts');
      const distractors = z.coerce
        .number()
        .int()
        .min(0)
        .max(1659)
        .parse(values.distractors ?? 0);
      return runEval(config, {
        goldDir: values.gold,
        questionsFiles: values.questions?.split(',').filter(Boolean),
        distractors,
        configurations: values.configurations?.split(',').filter(Boolean),
      });
    }
    case 'bench': {
      const { runBench, BENCH_SECTIONS } = await import('./bench/run-bench.ts');
      const vectors = arg(
        z.array(z.coerce.number().int().min(1000).max(10_000_000)).min(1),
        (values.vectors ?? '100000').split(','),
        '--vectors',
      );
      const distribution = arg(z.enum(['clustered', 'uniform']), values.distribution ?? 'clustered', '--distribution');
      const corpusDocuments = arg(z.coerce.number().int().min(1).max(1659), values['corpus-documents'] ?? 100, '--corpus-documents');
      const corpusScale = arg(z.coerce.number().int().min(1).max(1659), values['corpus-scale'] ?? 1659, '--corpus-scale');
      const embedSample = arg(z.coerce.number().int().min(0).max(1659), values['embed-sample'] ?? 50, '--embed-sample');
      const skip = arg(z.array(z.enum(BENCH_SECTIONS)), (values.skip ?? '').split(',').filter(Boolean), '--skip');
      const name = arg(z.string().regex(/^[\w.-]+$/), values.name ?? (skip.length ? `without-${skip.join('-')}` : 'full'), '--name');
      return runBench(config, {
        vectors,
        distribution,
        corpusDocuments,
        corpusScale,
        embedSample,
        name,
        skip: new Set(skip),
        stored: values.stored ?? false,
      });
    }
    case 'export': {
      const format = arg(ExportFormat, values.format ?? 'json', '--format');
      const { runExport } = await import('./cli/export-command.ts');
      return withStore(config, (store) => runExport(store, { format, documentId: values.document, out: values.out, json: config.json }));
    }
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = process.exitCode || code;
  },
  (error: unknown) => {
    const message =
      error instanceof z.ZodError
        ? `invalid input: ${error.issues.map((i) => i.message).join('; ')}`
        : error instanceof Error
          ? error.message.split('\n')[0]
          : String(error);
    // One line, whatever went wrong; a usage error points to --help on it.
    process.stderr.write(`policy-graph: ${message}${error instanceof UsageError ? ' (policy-graph --help)' : ''}\n`);
    process.exitCode = error instanceof UsageError ? EXIT.usage : EXIT.failure;
  },
);
