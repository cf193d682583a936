import { openServices } from '../../src/services.ts';
import { loadConfig } from '../../src/config.ts';
import { ask } from '../../src/app/ask.ts';
const qs = process.argv.slice(2);
const services = await openServices(loadConfig({ data: process.env.QA_DATA ?? '/work/data-corpus' } as any));
await ask(qs[0]!, services);
for (let round = 0; round < 3; round++) for (const q of qs) {
  const a = await ask(q, services);
  const t = a.timings;
  console.log(round, a.ms, q.slice(0, 30), JSON.stringify(Object.fromEntries(Object.entries(t).filter(([, v]) => (v as number) > 15))));
}
await services.close();
