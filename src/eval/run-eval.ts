// `eval`: extraction quality of the seed against the gold (entities per type, numeric statements) and
// question answering per retriever and language. Prints a table on stderr and returns the JSON.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { ingestFiles } from '../app/ingest.ts';
import { buildDocumentGraph, type StageTimings } from '../ingest/pipeline.ts';
import { readDocument } from '../ingest/read.ts';
import { defined } from '../domain/defined.ts';
import { cedictLoadMs } from '../search/cedict.ts';
import { openServices } from '../services.ts';
import { GoldEntities, scoreEntities } from './entity-score.ts';
import { GoldNumericFile, scoreNumeric } from './numeric-score.ts';
import { CORPUS_PREFIX, corpusMembers, corpusPath, corpusRoot, distractorMembers, isCorpusMember } from './corpus.ts';
import { evaluatePlaces, placeTable } from './place-eval.ts';
import {
  CONFIGURATIONS,
  evaluateQuestions,
  loadQuestionSet,
  type Configuration,
  type QuestionEvaluation,
  type QuestionMetrics,
} from './questions.ts';

/** The document the gold describes: the file under seeds/ whose SHA-256 the gold records. */
export function goldDocument(goldJson: { _meta?: { source_sha256?: string } }, seedsDir = 'seeds'): string {
  const wanted = goldJson._meta?.source_sha256;
  const match = readdirSync(seedsDir)
    .map((f) => join(seedsDir, f))
    .find((f) => createHash('sha256').update(readFileSync(f)).digest('hex') === wanted);
  if (!match) throw new Error(`no file in ${seedsDir}/ has the SHA-256 the gold describes (${wanted ?? 'none recorded'})`);
  return match;
}
export const DEFAULT_GOLD_DIR = '../shared/eval';

export async function extractionQuality(goldDir: string) {
  const timings: StageTimings = { read: 0, structure: 0, extract: 0, embed: 0, write: 0 };
  const goldJson = JSON.parse(readFileSync(join(goldDir, 'seed-entities.json'), 'utf8'));
  const graph = buildDocumentGraph(await readDocument(goldDocument(goldJson)), timings);
  const entities = scoreEntities(GoldEntities.parse(goldJson), graph);
  const numeric = scoreNumeric(GoldNumericFile.parse(goldJson).indicators, graph.observations);
  const round = (x: number) => Number(x.toFixed(3));
  return {
    entities: Object.fromEntries(
      Object.entries(entities.types).map(([type, s]) => [
        type,
        { precision: round(s.precision), recall: round(s.recall), gold: s.gold, extracted: s.extracted },
      ]),
    ),
    placeMentionCountAccuracy: round(entities.placeMentionCounts.accuracy),
    numeric: {
      recall: round(numeric.recall),
      valueRecall: round(numeric.valueRecall),
      precision: round(numeric.precision),
      gold: numeric.gold,
      extracted: numeric.extracted,
    },
  };
}

type MetricsTable = Record<string, Record<string, QuestionMetrics>>;

const COLUMNS = 'taskRecall  passageRecall@5  MRR@10  falseAbst  abstainAcc  directAns  answered';

function metricLines(title: string, key: string, rows: MetricsTable): string[] {
  const lines = [title, `configuration  ${key.padEnd(22)} ${COLUMNS}`];
  for (const [configuration, groups] of Object.entries(rows)) {
    for (const [group, m] of Object.entries(groups)) {
      const cell = (x: number | null, width: number) => String(x ?? '-').padEnd(width);
      lines.push(
        `${configuration.padEnd(14)} ${group.padEnd(22)} ${cell(m.taskRecall, 11)} ${cell(m.passageRecallAt5, 16)} ${cell(m.mrrAt10, 7)} ` +
          `${cell(m.falseAbstention, 10)} ${cell(m.abstentionAccuracy, 11)} ${cell(m.directAnswer, 10)} ${m.answered}/${m.questions}`,
      );
    }
  }
  return lines;
}

/** configuration → "set / group" → metrics, for one table. */
function flattenSets(bySet: QuestionEvaluation['bySet']): MetricsTable {
  return Object.fromEntries(
    Object.entries(bySet).map(([configuration, sets]) => [
      configuration,
      Object.fromEntries(
        Object.entries(sets).flatMap(([set, groups]) => Object.entries(groups).map(([group, m]) => [`${set} / ${group}`, m])),
      ),
    ]),
  );
}

function table(quality: Awaited<ReturnType<typeof extractionQuality>>, evaluation: QuestionEvaluation, questionsFiles: string): string {
  const lines = ['extraction quality (seed)', 'type          precision  recall  gold  extracted'];
  for (const [type, s] of Object.entries(quality.entities))
    lines.push(
      `${type.padEnd(13)} ${String(s.precision).padEnd(10)} ${String(s.recall).padEnd(7)} ${String(s.gold).padEnd(5)} ${s.extracted}`,
    );
  lines.push(
    `numeric       ${String(quality.numeric.precision).padEnd(10)} ${String(quality.numeric.recall).padEnd(7)} ${String(quality.numeric.gold).padEnd(5)} ${quality.numeric.extracted}   (recall: value+unit+kind+period all right)`,
  );
  lines.push('', ...metricLines(`questions (${questionsFiles}) per language`, 'language', evaluation.metrics));
  if (Object.values(evaluation.bySet).some((sets) => Object.keys(sets).length > 1))
    lines.push('', ...metricLines('per question set', 'set / group', flattenSets(evaluation.bySet)));
  lines.push('', ...metricLines("colloquial or in the report's words", 'wording', evaluation.byColloquial));
  lines.push('', ...metricLines('per gold intent', 'intent', evaluation.byIntent));
  lines.push(
    '',
    `intent understood as gold: ${evaluation.intentAccuracy}`,
    `ms per question (mean, p50, p95): ${Object.entries(evaluation.msPerQuestion)
      .map(([c, ms]) => {
        const { p50, p95 } = defined(evaluation.latency[c], 'latency of a configuration');
        return `${c} ${ms} / ${p50} / ${p95}`;
      })
      .join(', ')}`,
  );
  const dictionaryMs = cedictLoadMs();
  if (dictionaryMs !== null) lines.push(`CC-CEDICT loaded once for English questions in ${dictionaryMs} ms`);
  return lines.join('\n');
}

/**
 * The files to ingest before asking: the question files' documents (corpus members resolved against the
 * corpus), then `distractors` other corpus reports; those already stored under the same source are skipped
 * without being read again, so a cached `--data` folder costs nothing on the next run.
 */
async function documentsToIngest(config: Config, references: string[], distractors: number, stored: Set<string>): Promise<string[]> {
  const needsCorpus = distractors > 0 || references.some(isCorpusMember);
  const root = needsCorpus ? corpusRoot(config.corpus) : '';
  const own = references.map((r) => (isCorpusMember(r) ? corpusPath(root, r) : r));
  const ownMembers = new Set(references.filter(isCorpusMember).map((r) => r.slice(CORPUS_PREFIX.length)));
  const others = distractors > 0 ? distractorMembers(corpusMembers(root), ownMembers, distractors).map((m) => join(root, m)) : [];
  return [...new Set([...own, ...others])].filter((file) => !stored.has(file));
}

/** The configurations to evaluate (all when none are named); an unknown name is an error, not an empty table. */
function selectConfigurations(names: string[] | undefined): Record<string, Configuration> {
  if (!names?.length) return CONFIGURATIONS;
  const unknown = names.filter((n) => !(n in CONFIGURATIONS));
  if (unknown.length) throw new Error(`unknown configuration(s) ${unknown.join(', ')}; known: ${Object.keys(CONFIGURATIONS).join(', ')}`);
  return Object.fromEntries(names.map((n) => [n, defined(CONFIGURATIONS[n], 'a known configuration')]));
}

export async function runEval(
  config: Config,
  options: { goldDir?: string; questionsFiles?: string[]; distractors?: number; configurations?: string[] },
) {
  const configurations = selectConfigurations(options.configurations);
  const goldDir = resolve(options.goldDir ?? DEFAULT_GOLD_DIR);
  const questionsFiles = (options.questionsFiles?.length ? options.questionsFiles : [join(goldDir, 'questions.json')]).map((f) =>
    resolve(f),
  );
  const sets = questionsFiles.map(loadQuestionSet);
  const questions = sets.flatMap((s) => s.questions);
  const documents = [...new Set(sets.flatMap((s) => s.documents))];
  const quality = await extractionQuality(goldDir);
  const places = await evaluatePlaces({ archive: join(goldDir, '..', 'corpus', 'gov-reports.tar.xz') });
  process.stderr.write(`${placeTable(places)}\n`);
  const services = await openServices(config);
  try {
    // A question file that lists its documents gets exactly those ingested (already stored ones are skipped).
    const storedBefore = await services.store.listDocuments();
    const storedSources = new Set(storedBefore.map((d) => resolve(d.sourcePath)));
    const files = await documentsToIngest(config, documents, options.distractors ?? 0, storedSources);
    if (files.length) {
      process.stderr.write(`ingesting ${files.length} document(s) into ${config.dataDir}\n`);
      const report = await ingestFiles(files, services, {
        onProgress: ({ done, total }) => {
          if (done % 10 === 0) process.stderr.write(`ingest: ${done}/${total}\n`);
        },
      });
      if (report.errors.length)
        throw new Error(`cannot ingest the question files' documents: ${report.errors.map((e) => e.error).join('; ')}`);
    } else if (!documents.length && !storedBefore.length) await ingestFiles(['seeds'], services);
    const stored = await services.store.listDocuments();
    if (documents.length && stored.length > documents.length)
      process.stderr.write(
        `note: the store holds ${stored.length} documents, more than the ${documents.length} the questions are about; answers search them all\n`,
      );
    const evaluation = await evaluateQuestions(questions, services, configurations);
    const questionsLabel = questionsFiles.map((f) => relative(process.cwd(), f)).join(', ');
    process.stderr.write(`${table(quality, evaluation, questionsLabel)}\n`);
    return {
      extraction: quality,
      places: { halves: places.halves, reports: places.reports },
      questionsFiles: questionsFiles.map((f) => relative(process.cwd(), f)),
      documents: stored.map((d) => ({ id: d.id, title: d.title })),
      questions: evaluation.metrics,
      bySet: evaluation.bySet,
      byIntent: evaluation.byIntent,
      byColloquial: evaluation.byColloquial,
      intentAccuracy: evaluation.intentAccuracy,
      msPerQuestion: evaluation.msPerQuestion,
      latency: evaluation.latency,
      cedictLoadMs: cedictLoadMs(),
      perQuestion: evaluation.perQuestion,
      semanticSearch: services.embedder.mode === 'semantic' ? 'on' : 'off',
    };
  } finally {
    await services.close();
  }
}
