// `eval`: extraction quality of the seed against the gold (entities per type, numeric statements) and
// question answering per retriever and language. Prints a table on stderr and returns the JSON.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { buildDocumentGraph, ingestPaths, type StageTimings } from '../ingest/pipeline.ts';
import { readDocument } from '../ingest/read.ts';
import { openServices } from '../services.ts';
import { GoldEntities, scoreEntities } from './entity-score.ts';
import { GoldNumericFile, scoreNumeric } from './numeric-score.ts';
import { evaluateQuestions, loadQuestions } from './questions.ts';

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

function table(quality: Awaited<ReturnType<typeof extractionQuality>>, questions: Record<string, Record<string, { taskRecall: number; passageRecallAt5: number; mrrAt10: number; answered: number; questions: number }>>): string {
  const lines = ['extraction quality (seed)', 'type          precision  recall  gold  extracted'];
  for (const [type, s] of Object.entries(quality.entities)) lines.push(`${type.padEnd(13)} ${String(s.precision).padEnd(10)} ${String(s.recall).padEnd(7)} ${String(s.gold).padEnd(5)} ${s.extracted}`);
  lines.push(`numeric       ${String(quality.numeric.precision).padEnd(10)} ${String(quality.numeric.recall).padEnd(7)} ${String(quality.numeric.gold).padEnd(5)} ${quality.numeric.extracted}   (recall: value+unit+kind+period all right)`);
  lines.push('', 'questions     language  taskRecall  passageRecall@5  MRR@10  answered');
  for (const [retriever, byLanguage] of Object.entries(questions)) {
    for (const [language, m] of Object.entries(byLanguage)) {
      lines.push(`${retriever.padEnd(13)} ${language.padEnd(9)} ${String(m.taskRecall).padEnd(11)} ${String(m.passageRecallAt5).padEnd(16)} ${String(m.mrrAt10).padEnd(7)} ${m.answered}/${m.questions}`);
    }
  }
  return lines.join('\n');
}

export async function runEval(config: Config, options: { goldDir?: string; questionsFile?: string }) {
  const goldDir = resolve(options.goldDir ?? DEFAULT_GOLD_DIR);
  const quality = await extractionQuality(goldDir);
  const services = await openServices(config);
  try {
    if (!(await services.store.listDocuments()).length) await ingestPaths(['seeds'], services);
    const { metrics, perQuestion } = await evaluateQuestions(loadQuestions(options.questionsFile ?? join(goldDir, 'questions.json')), services);
    process.stderr.write(`${table(quality, metrics)}\n`);
    return { extraction: quality, questions: metrics, perQuestion, semanticSearch: services.embedder.mode === 'semantic' ? 'on' : 'off' };
  } finally {
    await services.close();
  }
}
