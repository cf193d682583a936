// Consistency against the gold of ../shared/eval/consistency.json, with the seed report as the prior
// commitments (built as ingest builds it, in a temporary data folder): every case gets its gold verdict and cites
// one of the gold prior-commitment passages; a draft restating the seed's own 2017 targets is consistent throughout.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/app/check.ts';
import { SEED, storeWith, type TempStore } from '../fixtures/consistency/store.ts';
import { sharedPath } from '../helpers/shared.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

interface GoldCase {
  id: string;
  draft: string;
  verdict: string;
  prior_commitments: Array<{ substring: string }>;
}

const gold = JSON.parse(readFileSync(sharedPath('eval', 'consistency.json'), 'utf8')) as { items: GoldCase[] };

/** Sentences of the seed's 2017 plan, as written there: its main targets and figures from its tasks. */
const SEED_TARGETS_DRAFT = [
  '2017年经济和社会发展的主要预期目标为：地区生产总值增长8%；财政总收入确保增长7.5%、力争8%，其中一般公共预算收入增长9%；固定资产投资增长12%，其中工业生产性投资增长10%；社会消费品零售总额增长11%；外贸出口总额增长6%；城镇和农村常住居民人均可支配收入分别增长8%、8.5%；城镇登记失业率控制在3.5%以内。',
  '全年实到外资2.45亿美元，引进内资150亿元。',
  '实施“科学治废气”企业20家，力争年度空气质量优良率79%以上，PM2.5颗粒平均浓度46微克/立方米以下。',
  '“1”，就是建设美丽乡村公路100公里以上。',
].join('\n');

describe('consistency quality against the seed', () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await storeWith([SEED]);
  });
  afterAll(async () => temp.dispose());

  it.each(gold.items.map((item) => [item.id, item] as const))(
    '%s gets its gold verdict and cites a gold prior commitment',
    async (_id, item) => {
      const report = await checkDraft(temp.store, { text: item.draft, language: 'en' });
      expect(report.claims.length).toBeGreaterThan(0);
      for (const claim of report.claims) {
        expect(claim.verdict, `${claim.subject}: ${claim.reason}`).toBe(item.verdict);
        expect(claim.reason).toMatch(/^[^。]+。$/);
        expect(claim.reasonEn).toMatch(/^[A-Z≤≥\d].*\.$/);
        expect(item.draft.slice(claim.charStart, claim.charEnd).length).toBeGreaterThan(0);
        // A quoted commitment is the document's own wording, inside the passage shown.
        for (const e of claim.evidence) if (e.quote) expect(e.text).toContain(e.quote);
      }
      const cited = report.claims.some((claim) =>
        claim.evidence.some((e) => item.prior_commitments.some((p) => e.text.includes(p.substring))),
      );
      expect(cited, JSON.stringify(report.claims.map((c) => c.evidence.map((e) => e.text.slice(0, 40))))).toBe(true);
      expect(report.summary[item.verdict as keyof typeof report.summary]).toBe(report.claims.length);
    },
  );

  it('reads works the graph knows in sentences that cancel or delay them', async () => {
    const report = await checkDraft(temp.store, { text: '取消萧甬铁路通勤化改造。杭绍台高铁推迟到2022年建成。' });
    expect(report.claims.map((c) => [c.subject, c.status, c.verdict])).toEqual([
      ['萧甬铁路通勤化改造', '取消', 'conflict'],
      ['杭绍台高铁', '推迟', 'weaker_than_commitment'],
    ]);
    expect(expectDefined(report.claims[1]).reason).toBe('草案推迟了杭绍台高铁(现为2022年)，比已有承诺弱。');
    expect(expectDefined(report.claims[0]).evidence.some((e) => e.quote?.includes('实施萧甬铁路通勤化改造'))).toBe(true);
  });

  it("finds a draft restating the seed's own 2017 targets consistent, claim by claim", async () => {
    const report = await checkDraft(temp.store, { text: SEED_TARGETS_DRAFT });
    expect(report.claims.length).toBeGreaterThanOrEqual(15);
    for (const claim of report.claims) {
      expect(claim.verdict, `${claim.subject} ${claim.value}${claim.unit}: ${claim.reason}`).toBe('consistent');
      expect(claim.evidence.length).toBeGreaterThan(0);
    }
  });
});
