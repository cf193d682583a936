// `eval`: extraction quality of the seed against the gold (entities per type, numeric statements) and
// question answering per retriever and language. Prints a table on stderr and returns the JSON.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { buildDocumentGraph, ingestPaths, type StageTimings } from '../ingest/pipeline.ts';
import { readDocument } from '../ingest/read.ts';
import { cedictLoadMs } from '../search/cedict.ts';
import { openServices } from '../services.ts';
import { GoldEntities, scoreEntities } from './entity-score.ts';
import { GoldNumericFile, scoreNumeric } from './numeric-score.ts';
import { evaluatePlaces, placeTable } from './place-eval.ts';
import { evaluateQuestions, loadQuestionSet, type QuestionEvaluation, type QuestionMetrics } from './questions.ts';

/** The document the gold describes: the file under seeds/ whose SHA-256 the gold records. */
export function goldDocument(goldJson: { _meta?: { source_sha256?: string } }, seedsDir = 'seeds'): string {
  const wanted = goldJson._meta?.source_sha256;
  const match = readdirSync(seedsDir).map((f) => join(seedsDir, f)).find((f) => createHash('sha256').update(readFileSync(f)).digest('hex') === wanted);
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
    entities: Object.fromEntries(Object.entries(entities.types).map(([type, s]) => [type, { precision: round(s.precision), recall: round(s.recall), gold: s.gold, extracted: s.extracted }])),
    placeMentionCountAccuracy: round(entities.placeMentionCounts.accuracy),
    numeric: { recall: round(numeric.recall), valueRecall: round(numeric.valueRecall), precision: round(numeric.precision), gold: numeric.gold, extracted: numeric.extracted },
  };
}

type MetricsTable = Record<string, Record<string, QuestionMetrics>>;

function metricLines(title: string, key: string, rows: MetricsTable): string[] {
  const lines = [title, `configuration  ${key.padEnd(22)} taskRecall  passageRecall@5  MRR@10  answered`];
  for (const [configuration, groups] of Object.entries(rows)) {
    for (const [group, m] of Object.entries(groups)) {
      const cell = (x: number | null, width: number) => String(x ?? '-').padEnd(width);
      lines.push(`${configuration.padEnd(14)} ${group.padEnd(22)} ${cell(m.taskRecall, 11)} ${cell(m.passageRecallAt5, 16)} ${cell(m.mrrAt10, 7)} ${m.answered}/${m.questions}`);
    }
  }
  return lines;
}

function table(quality: Awaited<ReturnType<typeof extractionQuality>>, evaluation: QuestionEvaluation, questionsFile: string): string {
  const lines = ['extraction quality (seed)', 'type          precision  recall  gold  extracted'];
  for (const [type, s] of Object.entries(quality.entities)) lines.push(`${type.padEnd(13)} ${String(s.precision).padEnd(10)} ${String(s.recall).padEnd(7)} ${String(s.gold).padEnd(5)} ${s.extracted}`);
  lines.push(`numeric       ${String(quality.numeric.precision).padEnd(10)} ${String(quality.numeric.recall).padEnd(7)} ${String(quality.numeric.gold).padEnd(5)} ${quality.numeric.extracted}   (recall: value+unit+kind+period all right)`);
  lines.push('', ...metricLines(`questions (${questionsFile}) per language`, 'language', evaluation.metrics));
  lines.push('', ...metricLines('per gold intent', 'intent', evaluation.byIntent));
  lines.push('', `intent understood as gold: ${evaluation.intentAccuracy}`, `ms per question: ${Object.entries(evaluation.msPerQuestion).map(([c, ms]) => `${c} ${ms}`).join(', ')}`);
  const dictionaryMs = cedictLoadMs();
  if (dictionaryMs !== null) lines.push(`CC-CEDICT loaded once for English questions in ${dictionaryMs} ms`);
  return lines.join('\n');
}

export async function runEval(config: Config, options: { goldDir?: string; questionsFile?: string }) {
  const goldDir = resolve(options.goldDir ?? DEFAULT_GOLD_DIR);
  const questionsFile = resolve(options.questionsFile ?? join(goldDir, 'questions.json'));
  const { questions, documents } = loadQuestionSet(questionsFile);
  const quality = await extractionQuality(goldDir);
  const places = await evaluatePlaces({ archive: join(goldDir, '..', 'corpus', 'gov-reports.tar.xz') });
  process.stderr.write(`${placeTable(places)}\n`);
  const services = await openServices(config);
  try {
    // A question file that lists its documents gets exactly those ingested (already stored ones are skipped).
    if (documents.length) {
      const report = await ingestPaths(documents, services);
      if (report.errors.length) throw new Error(`cannot ingest the question file's documents: ${report.errors.map((e) => e.error).join('; ')}`);
    } else if (!(await services.store.listDocuments()).length) await ingestPaths(['seeds'], services);
    const stored = await services.store.listDocuments();
    if (documents.length && stored.length > documents.length) process.stderr.write(`note: the store holds ${stored.length} documents, more than the ${documents.length} the questions are about; answers search them all\n`);
    const evaluation = await evaluateQuestions(questions, services);
    process.stderr.write(`${table(quality, evaluation, relative(process.cwd(), questionsFile))}\n`);
    return {
      extraction: quality,
      places: { halves: places.halves, reports: places.reports },
      questionsFile: relative(process.cwd(), questionsFile),
      documents: stored.map((d) => ({ id: d.id, title: d.title })),
      questions: evaluation.metrics,
      byIntent: evaluation.byIntent,
      intentAccuracy: evaluation.intentAccuracy,
      msPerQuestion: evaluation.msPerQuestion,
      cedictLoadMs: cedictLoadMs(),
      perQuestion: evaluation.perQuestion,
      semanticSearch: services.embedder.mode === 'semantic' ? 'on' : 'off',
    };
  } finally {
    await services.close();
  }
}
