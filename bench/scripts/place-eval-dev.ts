import { evaluatePlaces, placeTable } from '../../src/eval/place-eval.ts';
const e = await evaluatePlaces({ fileOf: (m) => `/work/corpus/${m}` });
console.log(placeTable(e));
for (const r of e.reports.filter((r) => r.split === 'tune'))
  console.log(`${r.member}\n  missed: ${r.missed.join(' ')}\n  wrong: ${r.wrong.join(' ')}`);
