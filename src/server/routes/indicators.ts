// GET /api/indicators/:id/timeline: an indicator's observations over periods, across documents, in time order.
import { Router } from 'express';
import type { Services } from '../../services.ts';
import { notFound } from '../../domain/errors.ts';
import { IdParams } from '../schemas.ts';

/** "2017-2021" sorts by its first year, then shorter spans first; periods without a year go last. */
function periodKey(period: string): [number, number] {
  const years = (period.match(/\d{4}/g) ?? []).map(Number);
  return years.length ? [years[0]!, years[years.length - 1]! - years[0]!] : [Number.MAX_SAFE_INTEGER, 0];
}
const byPeriod = (a: string, b: string) => {
  const [x, y] = [periodKey(a), periodKey(b)];
  return x[0] - y[0] || x[1] - y[1] || a.localeCompare(b);
};

export function indicatorsRouter({ store }: Services): Router {
  const router = Router();
  router.get('/indicators/:id/timeline', async (req, res) => {
    const { id } = IdParams.parse(req.params);
    const node = (await store.neighbourhood(id, { depth: 0 })).nodes[0];
    if (!node || node.label !== 'Indicator') throw notFound(`no indicator with id ${id}`);
    const documents = new Map((await store.listDocuments()).map((d) => [d.id, d]));
    const observations = (await store.observations({ indicator: id }))
      .filter((o) => o.indicatorId === id)
      .map((o) => ({ ...o, documentTitle: documents.get(o.documentId)?.label ?? o.documentId, documentYear: documents.get(o.documentId)?.year ?? null }))
      .sort((a, b) => byPeriod(a.period, b.period) || a.charStart - b.charStart);
    const periods = [...new Set(observations.map((o) => o.period))].sort(byPeriod);
    res.json({ indicator: { id, name: node.name }, observations, periods });
  });
  return router;
}
