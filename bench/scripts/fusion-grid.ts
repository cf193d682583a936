// Chooses the fusion on a dev set's tune half without asking again per setting: every retriever's list is
// fetched once per question (and cached in a JSON file), then each RRF constant × weight × out-of-scope factor
// is scored offline by passageRecall@5, per question file, language and colloquial. Usage:
//   node --import tsx bench/scripts/fusion-grid.ts --data DIR --questions A.json,B.json [--cache F.json] [--tune A] [--settings JSON]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defined } from '../../src/domain/defined.ts';
import { loadConfig } from '../../src/config.ts';
import { loadQuestionSet, type GoldQuestion } from '../../src/eval/questions.ts';
import { DEFAULT_RETRIEVERS, retrieve } from '../../src/app/ask.ts';
import { fuse, LEXICAL_WEIGHT, LINKED_GRAPH_WEIGHT, OUT_OF_SCOPE_FACTOR, RRF_K, VECTOR_WEIGHT } from '../../src/search/fuse.ts';
import type { RetrievedPassage, RetrieverName } from '../../src/search/retrievers/types.ts';
import { openServices } from '../../src/services.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    questions: { type: 'string' },
    cache: { type: 'string' },
    tune: { type: 'string', default: 'dev-tune' },
    settings: { type: 'string' },
  },
});
if (!values.data || !values.questions) throw new Error('--data DIR and --questions A.json,B.json are required');

interface Cached {
  q: GoldQuestion;
  language: 'zh' | 'en';
  linked: boolean;
  scope: string[];
  runs: Array<{ name: RetrieverName; passages: RetrievedPassage[] }>;
}

const questions = values.questions
  .split(',')
  .flatMap((f) => loadQuestionSet(f).questions)
  .filter((q) => !q.gold.abstain && q.gold.substrings?.length);
let cached: Cached[];
if (values.cache && existsSync(values.cache)) cached = JSON.parse(readFileSync(values.cache, 'utf8')) as Cached[];
else {
  const services = await openServices(loadConfig({ data: values.data }));
  cached = [];
  for (const q of questions) {
    const r = await retrieve(q.question, services, { k: 10, retrievers: DEFAULT_RETRIEVERS });
    cached.push({
      q,
      language: r.understanding.language,
      linked: r.understanding.entities.length > 0,
      scope: [...r.scope.documents],
      runs: r.runs.map((run) => ({ name: run.name, passages: run.retrieval.passages })),
    });
  }
  await services.close();
  if (values.cache) writeFileSync(values.cache, JSON.stringify(cached));
}

interface Setting {
  rrfK: number;
  vector: number;
  lexicalZh: number;
  lexicalEn: number;
  graph: number;
  linkedGraph: number;
  outOfScope: number;
}

function recall(c: Cached, s: Setting): number {
  const weight = (name: RetrieverName) =>
    name === 'vector'
      ? s.vector
      : name === 'graph'
        ? c.linked
          ? s.linkedGraph
          : s.graph
        : c.language === 'zh'
          ? s.lexicalZh
          : s.lexicalEn;
  const fused = fuse(
    c.runs.map((r) => ({ retriever: r.name, weight: weight(r.name), passages: r.passages })),
    'rrf',
    10,
    { scopeDocuments: new Set(c.scope), rrfK: s.rrfK, outOfScopeFactor: s.outOfScope },
  );
  const top5 = fused.slice(0, 5).map((p) => p.text);
  const gold = defined(c.q.gold.substrings, 'gold substrings of a question');
  return gold.filter((g) => top5.some((t) => t.includes(g))).length / gold.length;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
function groups(rows: Cached[], s: Setting) {
  const scored = rows.map((c) => ({ c, r: recall(c, s) }));
  const of = (f: (c: Cached) => boolean) => Number(mean(scored.filter((x) => f(x.c)).map((x) => x.r)).toFixed(3));
  return {
    all: of(() => true),
    zh: of((c) => c.language === 'zh' && !c.q.colloquial),
    en: of((c) => c.language === 'en'),
    colloquial: of((c) => c.q.colloquial === true),
  };
}

const tune = cached.filter((c) => c.q.set === values.tune);
const other = cached.filter((c) => c.q.set !== values.tune);
const current: Setting = {
  rrfK: RRF_K,
  vector: VECTOR_WEIGHT,
  lexicalZh: LEXICAL_WEIGHT.zh,
  lexicalEn: LEXICAL_WEIGHT.en,
  graph: 1,
  linkedGraph: LINKED_GRAPH_WEIGHT,
  outOfScope: OUT_OF_SCOPE_FACTOR,
};
console.log('current', JSON.stringify(current), 'tune', groups(tune, current), 'other', groups(other, current));

const grid: Setting[] = [];
// --settings '[{"outOfScope":0.25}]': score only these changes to the current setting.
if (values.settings) {
  for (const change of JSON.parse(values.settings) as Array<Partial<Setting>>) {
    const s = { ...current, ...change };
    console.log(JSON.stringify(change), 'tune', groups(tune, s), 'other', groups(other, s));
  }
  process.exit(0);
}
for (const rrfK of [10, 20, 40, 60])
  for (const vector of [1, 1.25, 1.5, 2, 3])
    for (const lexicalZh of [0, 0.1, 0.25, 0.5, 1])
      for (const lexicalEn of [0.5, 1, 1.5])
        for (const graph of [0.5, 1])
          for (const linkedGraph of [1, 2])
            for (const outOfScope of [0.5, 0.25, 0.1]) grid.push({ rrfK, vector, lexicalZh, lexicalEn, graph, linkedGraph, outOfScope });
const ranked = grid.map((s) => ({ s, t: groups(tune, s) })).sort((a, b) => b.t.all - a.t.all);
for (const { s, t } of ranked.slice(0, 15)) console.log(JSON.stringify(s), 'tune', t, 'other', groups(other, s));
