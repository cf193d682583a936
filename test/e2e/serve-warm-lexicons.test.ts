// `serve` reads the question lexicons (CC-CEDICT, jieba's IDF table, the gazetteer's regions) before it listens,
// so no question pays for loading them on the event loop (CC-CEDICT alone held it 1.5–2.8 s under load); the
// latency itself is the bench's to measure (README, Reliability).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './cli-helpers.ts';
import { type ServeProcess, startServe } from './writer-helpers.ts';

let served: ServeProcess;

beforeAll(async () => {
  served = await startServe(tempDataDir());
}, 120_000);
afterAll(async () => {
  await served?.stop();
});

describe('serve with the question lexicons loaded ahead', () => {
  it('loads them before it listens, and answers an English question with them', async () => {
    expect(served.stderr()).toMatch(/loaded the question lexicons in \d+ ms[\s\S]*serving on/);
    const reply = await fetch(
      `${served.base}/api/ask?q=${encodeURIComponent('Which tasks involve the new airport and hospital construction?')}`,
    );
    expect(reply.status).toBe(200);
    const answer = (await reply.json()) as { language: string; translatedTerms: string[] };
    expect(answer.language).toBe('en');
    expect(answer.translatedTerms).toEqual(expect.arrayContaining(['医院']));
  });
});
