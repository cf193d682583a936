// The HTTP routes of the consistency checks (mounted under /api by the app): POST /check and GET /track, with
// their inputs validated (a ZodError reaches the app's error handler, which answers 400).
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CheckReport, TrackReport } from '../../src/consistency/report.ts';
import { consistencyRouter } from '../../src/server/routes/consistency.ts';
import type { Services } from '../../src/services.ts';
import { workPool } from '../../src/server/work/pool.ts';
import { FIXTURES, storeWith, type TempStore } from '../fixtures/consistency/store.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

let temp: TempStore;
let server: ReturnType<express.Express['listen']>;
let base = '';
const work = workPool({ threads: 1 });

beforeAll(async () => {
  temp = await storeWith([`${FIXTURES}example-city-2018.md`, `${FIXTURES}example-city-2019.md`]);
  const app = express();
  // The check runs in a worker thread, which opens the store's folder read-only.
  const services = { store: temp.store, config: { graph: 'embedded', dataDir: temp.dir } } as Services;
  app.use('/api', consistencyRouter(services, work, 60_000));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(error instanceof z.ZodError ? 400 : 500).json({ error: String(error) });
  });
  server = app.listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  server.close();
  await work.close();
  await temp.dispose();
});

describe('consistency routes', () => {
  it('POST /check answers a CheckReport for the draft', async () => {
    const response = await fetch(`${base}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '2019年新建农村公路100公里。', language: 'en' }),
    });
    expect(response.status).toBe(200);
    const report = CheckReport.parse(await response.json());
    expect(report.claims).toHaveLength(1);
    expect(report.claims[0]).toMatchObject({ subject: '新建农村公路', verdict: 'weaker_than_commitment', charStart: 0, charEnd: 16 });
    expect(expectDefined(report.claims[0]).reason).toBe('100公里低于2018年目标(200公里)，比已有承诺弱。');
    expect(expectDefined(report.claims[0]).reasonEn).toBe(
      '100公里 is below the 2018 target (200公里): less ambitious than the prior commitment.',
    );
  });

  it('POST /check rejects an empty draft with 400', async () => {
    const response = await fetch(`${base}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '' }),
    });
    expect(response.status).toBe(400);
  });

  it('GET /track answers a TrackReport, filtered by place and period', async () => {
    const response = await fetch(`${base}/track?place=${encodeURIComponent('示例市')}&period=2018`);
    expect(response.status).toBe(200);
    const report = TrackReport.parse(await response.json());
    expect(report.pairs).toHaveLength(5);
    expect(report.inconsistencies).toHaveLength(1);
    expect((await fetch(`${base}/track?period=soon`)).status).toBe(400);
  });
});
