// Checks (node --import tsx bench/scripts/check-document-meta.ts /work/corpus/) (node --import tsx bench/scripts/check-document-meta.ts /work/corpus/) document metadata on every corpus report: place and year against the folder and file name.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readDocument } from '../../src/ingest/read.ts';
import { documentMeta } from '../../src/ingest/document-meta.ts';
const root = process.argv[2];
if (root === undefined) throw new Error('usage: check-document-meta.ts CORPUS_DIR');
const files: string[] = [];
const walk = (d: string) => {
  for (const e of readdirSync(d)) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.md')) files.push(p);
  }
};
walk(root);
let fromText = 0,
  placeOk = 0,
  yearOk = 0,
  speaker = 0,
  date = 0;
const bad: string[] = [];
for (const f of files) {
  const read = await readDocument(f);
  const m = documentMeta(read.normalized, read.frontMatter.title, f.replace(root, ''));
  // The same without the folder: how often the text alone names the place.
  if (documentMeta(read.normalized, read.frontMatter.title, basename(f)).place === m.place) fromText++;
  const folder = basename(dirname(f));
  const fy = Number(/(\d{4})/.exec(basename(f))?.[1]);
  const expectPlace = folder.startsWith('政府工作报告-国务院') ? '全国' : folder;
  const pOk = m.place === expectPlace;
  const yOk = m.year === fy || m.planYear === fy;
  if (pOk) placeOk++;
  if (yOk) yearOk++;
  if (m.speaker) speaker++;
  if (m.date) date++;
  if (!pOk || !yOk) bad.push(`${f.replace(root, '')} place=${m.place} year=${m.year} plan=${m.planYear} ${m.label}`);
}
console.log(
  `reports ${files.length} place ${placeOk} (${(placeOk / files.length).toFixed(3)}) year ${yearOk} (${(yearOk / files.length).toFixed(3)}) speaker ${speaker} date ${date} place from the text alone ${fromText}`,
);
console.log(bad.slice(0, 60).join('\n'));
