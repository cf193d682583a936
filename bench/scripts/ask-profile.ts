// Where one question's time goes: asks each question three times (after one warm-up) over a data folder and
// prints the stages above 15 ms. Usage: node --import tsx bench/scripts/ask-profile.ts --data DIR 'question' ...
import { parseArgs } from 'node:util';
import { ask } from '../../src/app/ask.ts';
import { loadConfig } from '../../src/config.ts';
import { openServices } from '../../src/services.ts';

const { values, positionals } = parseArgs({ options: { data: { type: 'string' } }, allowPositionals: true });
const [warmUp] = positionals;
if (!values.data || warmUp === undefined) throw new Error('usage: ask-profile.ts --data DIR QUESTION...');
const services = await openServices(loadConfig({ data: values.data }));
await ask(warmUp, services);
for (let round = 0; round < 3; round++) {
  for (const question of positionals) {
    const answer = await ask(question, services);
    const slow = Object.entries(answer.timings).filter(([, ms]) => ms > 15);
    console.log(round, answer.ms, question.slice(0, 30), JSON.stringify(Object.fromEntries(slow)));
  }
}
await services.close();
