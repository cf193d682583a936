// What a place rule changes beyond the gold: the places found in every 11th corpus report (151 of 1,659), with the
// context of their first mention, dumped before and after a change and compared.
//   node --import tsx bench/scripts/place-dump.ts dump OUT.json [CORPUS_DIR]   (default /work/corpus)
//   node --import tsx bench/scripts/place-dump.ts diff BEFORE.json AFTER.json
import { readFileSync, writeFileSync } from 'node:fs';
import { reportFiles } from '../../src/bench/corpus-files.ts';
import { buildDocumentGraph } from '../../src/ingest/pipeline.ts';
import { readDocument } from '../../src/ingest/read.ts';

type Dump = Record<string, Record<string, string>>;

const EVERY = 11;
const CONTEXT = 6;

function reportsOf(root: string): string[] {
  return reportFiles(root).filter((_, i) => i % EVERY === 3);
}

async function dump(out: string, root: string): Promise<void> {
  const result: Dump = {};
  const timings = { read: 0, structure: 0, extract: 0, embed: 0, write: 0 };
  for (const file of reportsOf(root)) {
    const graph = buildDocumentGraph(await readDocument(file), timings);
    const places = new Map(graph.entities.filter((e) => e.type === 'place').map((e) => [e.id, e]));
    const text = graph.document.text;
    const found: Record<string, string> = {};
    for (const m of graph.mentions) {
      const place = places.get(m.entityId);
      if (!place || found[place.name]) continue;
      found[place.name] =
        `${text.slice(m.charStart - CONTEXT, m.charStart)}【${text.slice(m.charStart, m.charEnd)}】${text.slice(m.charEnd, m.charEnd + CONTEXT)}`.replace(
          /\n/g,
          ' ',
        );
    }
    result[file.slice(root.length + 1)] = found;
  }
  writeFileSync(out, JSON.stringify(result));
  console.log(`${Object.keys(result).length} reports`);
}

function diff(beforeFile: string, afterFile: string): void {
  const before = JSON.parse(readFileSync(beforeFile, 'utf8')) as Dump;
  const after = JSON.parse(readFileSync(afterFile, 'utf8')) as Dump;
  const short = (report: string) => report.split('/').slice(-2).join(' ').replace(/\.md$/, '');
  const changes = (from: Dump, to: Dump) =>
    Object.entries(to).flatMap(([report, places]) =>
      Object.entries(places)
        .filter(([name]) => !(name in (from[report] ?? {})))
        .map(([name, context]) => `${short(report)}  ${name}  ${context}`),
    );
  const added = changes(before, after);
  const removed = changes(after, before);
  console.log(
    `ADDED ${added.length}\n${added.map((l) => ` + ${l}`).join('\n')}\nREMOVED ${removed.length}\n${removed.map((l) => ` - ${l}`).join('\n')}`,
  );
}

const [command, first, second] = process.argv.slice(2);
if (command === 'dump' && first) await dump(first, second ?? '/work/corpus');
else if (command === 'diff' && first && second) diff(first, second);
else throw new Error('usage: place-dump.ts dump OUT.json [CORPUS_DIR] | diff BEFORE.json AFTER.json');
