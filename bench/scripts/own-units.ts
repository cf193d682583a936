// Per report, the own subordinate units the text writes but extraction did not recognise
// (node --import tsx bench/scripts/own-units.ts FILE…).
import { buildDocumentGraph } from '../../src/ingest/pipeline.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { ownUnitShare } from '../../src/eval/own-units.ts';

let written = 0;
let recognised = 0;
for (const file of process.argv.slice(2)) {
  const graph = buildDocumentGraph(await readDocument(file), { read: 0, structure: 0, extract: 0, embed: 0, write: 0 });
  if (!graph.document.placeCode) continue;
  const mentioned = new Set(graph.mentions.map((m) => m.entityId));
  const codes = new Set(graph.entities.flatMap((e) => (e.code && mentioned.has(e.id) ? [e.code] : [])));
  const share = ownUnitShare(graph.document.placeCode, graph.document.text, codes);
  written += share.written.length;
  recognised += share.recognised.length;
  const missed = share.written.filter((n) => !share.recognised.includes(n));
  if (missed.length) console.log(`${graph.document.label}: ${missed.join(' ')}`);
}
console.log(`own subordinate units recognised: ${recognised}/${written}`);
