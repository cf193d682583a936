import { extractPlaces } from '../../src/ingest/extract/places.ts';
const text = process.argv[2]!;
const c = extractPlaces({ documentId: 'x', year: 2019, place: process.argv[3] ?? null, paragraphs: [{ id: 'p', text, charStart: 0, headings: [], taskNumber: null }] });
for (const x of c) console.log(x.name, x.kind, x.rule, x.start, x.end);
