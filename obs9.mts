import { extractObservations } from '/work/main/src/ingest/extract/indicators.ts';
import { normalizeWidth, numeralYearsAsDigits } from '/work/main/src/ingest/normalize.ts';
const [heading, text, year] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4] ?? 2009)];
const ctx = { documentId: 'd', year, place: null, paragraphs: [{ id: 'p', text: numeralYearsAsDigits(normalizeWidth(text)), charStart: 0, headings: [heading], taskNumber: null }] };
for (const o of extractObservations(ctx as never).observations) console.log(o.indicator, o.value, o.unit, o.kind, o.period, o.comparator ?? '');
