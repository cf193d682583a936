import { describe, expect, it } from 'vitest';
import { stableId } from '../../src/domain/ids.ts';
import { Entity, Mention, Observation } from '../../src/domain/schemas.ts';
import type { ExtractionContext } from '../../src/ingest/extract/context.ts';
import { extractObservations } from '../../src/ingest/extract/indicators.ts';
import { normalizeWidth, numeralYearsAsDigits } from '../../src/ingest/normalize.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

/** A document made of paragraphs, each under the given part heading (and optional sub-headings). */
function documentOf(documentId: string, year: number | null, paragraphs: Array<{ headings: string[]; text: string }>) {
  let text = '';
  const context: ExtractionContext = { documentId, year, place: null, paragraphs: [] };
  paragraphs.forEach((p, i) => {
    context.paragraphs.push({
      id: `${documentId}-p${i}`,
      text: normalizeWidth(p.text),
      charStart: text.length,
      headings: p.headings,
      taskNumber: null,
    });
    text += `${p.text}\n`;
  });
  return { text, context };
}

const REVIEW = ['2016年工作回顾'];
const FIVE_YEAR_PLAN = ['今后五年的目标任务'];
const PLAN = ['2017年政府主要工作安排'];

function observe(headings: string[], text: string, year: number | null = 2017) {
  return extractObservations(documentOf('doc', year, [{ headings, text }]).context).observations;
}

const facts = (observations: Observation[]) => observations.map((o) => [o.indicator, o.value, o.unit, o.kind, o.period, o.comparator]);

describe('a report delivered in the winter before its plan year', () => {
  const early = (text: string, headings: string[] = []) => {
    const { context } = documentOf('doc', 1981, [{ headings, text }]);
    return facts(extractObservations({ ...context, planYear: 1982 }).observations).map(([, value, , kind, period]) => [
      value,
      kind,
      period,
    ]);
  };

  it('reads its 今年 as the year under review and its 明年 as the plan year', () => {
    expect(early('今年轻纺工业的总产值预计比去年增长12%。')).toEqual([[12, 'growth', '1981']]);
    expect(early('明年工农业总产值计划增长4%。')).toEqual([[4, 'growth_target', '1982']]);
  });

  it('reads 今年 as the plan year when the report is delivered in it', () => {
    const { context } = documentOf('doc', 1982, [{ headings: [], text: '今年轻纺工业的总产值预计比去年增长12%。' }]);
    const [fact] = facts(extractObservations({ ...context, planYear: 1982 }).observations);
    expect([fact?.[3], fact?.[4]]).toEqual(['growth_target', '1982']);
  });
});

describe('reading figures of an old report', () => {
  it('reads Chinese decimals, a unit opening with a numeral character, and output given by a one-character product', () => {
    const text = '原煤十点八亿吨，比上年增长2.5%；发电量六千一百八十亿千瓦小时，增长5.7%；钢六千六百零四万吨，增长7.2%。';
    expect(facts(observe(['一、1990年计划的执行情况'], text, 1991)).map(([name, value, unit]) => [name, value, unit])).toEqual([
      ['原煤', 10.8, '亿吨'],
      ['原煤', 2.5, '%'],
      ['发电量', 6180, '亿千瓦小时'],
      ['发电量', 5.7, '%'],
      ['钢产量', 6604, '万吨'],
      ['钢产量', 7.2, '%'],
    ]);
  });

  it('reads a plan stated with 拟定为 or 指标为 after its metric, and the level a change starts from as that year’s result', () => {
    const planned = numeralYearsAsDigits(
      '一九五八年农业和农副业总产值，拟定为六百八十八亿三千万元，比一九五七年增长百分之六点一。棉花的指标为三千五百万担，比上一年增加二百二十万担。',
    );
    expect(facts(observe(['（三）一九五八年国民经济各部门发展计划的安排'], planned, 1958)).map((f) => f.slice(0, 5))).toEqual([
      ['农业和农副业总产值', 688.3, '亿元', 'target', '1958'],
      ['农业和农副业总产值', 6.1, '%', 'growth_target', '1958'],
      ['棉花', 3500, '万担', 'target', '1958'],
      ['棉花', 220, '万担', 'growth_target', '1958'],
    ]);
    const based = numeralYearsAsDigits('一九五九年基本建设投资总额，拟定为二百七十亿元，比一九五八年的二百一十四亿元增长百分之二十六。');
    expect(facts(observe(['二、1959年的计划'], based, 1959)).map((f) => f.slice(0, 5))).toEqual([
      ['基本建设投资总额', 270, '亿元', 'target', '1959'],
      ['基本建设投资总额', 214, '亿元', 'actual', '1958'],
      ['基本建设投资总额', 26, '%', 'growth_target', '1959'],
    ]);
  });

  it('names a figure beating the plan after the metric, which goes on after it, and drops a bracketed note cut at its comma', () => {
    const text = numeralYearsAsDigits(
      '一九五七年的工业总产值（不包括手工业产值，下同），预计达到六百二十八亿一千万元，超过年度计划百分之四点一，比上一年增长百分之六点九。',
    );
    expect(facts(observe(['（一）一九五七年经济战线上的胜利'], text, 1958)).map((f) => f.slice(0, 4))).toEqual([
      ['工业总产值', 628.1, '亿元', 'actual'],
      ['工业总产值超过年度计划', 4.1, '%', 'actual'],
      ['工业总产值', 6.9, '%', 'growth'],
    ]);
  });

  it('names counts of works done by the works the sentence opens with and each count’s own action', () => {
    for (const text of [
      '继续推进保障性安居工程建设，在确保质量的前提下，基本建成500万套，新开工700万套以上。',
      '保障性安居工程基本建成500万套，新开工700万套以上。',
    ])
      expect(
        facts(observe(PLAN, text)).map((f) => f.slice(0, 4)),
        text,
      ).toEqual([
        ['保障性安居工程基本建成', 500, '万套', 'target'],
        ['保障性安居工程新开工', 700, '万套', 'target'],
      ]);
  });

  it('spreads 分别 figures over the metrics the sentence named before, in order', () => {
    const text =
      '全区接待游客2.09亿人次，实现旅游收入3452.65亿元，分别增长41.6%和40.4%。实际使用外资22.8亿美元、内资1322亿元，分别是2015年的2倍和3倍。';
    expect(facts(observe(REVIEW, text)).map((f) => f.slice(0, 3))).toEqual([
      ['接待游客', 2.09, '亿人次'],
      ['旅游收入', 3452.65, '亿元'],
      ['接待游客', 41.6, '%'],
      ['旅游收入', 40.4, '%'],
      ['实际利用外资', 22.8, '亿美元'],
      ['内资', 1322, '亿元'],
      ['实际利用外资', 2, '倍'],
      ['内资', 3, '倍'],
    ]);
  });

  it('keeps the metric of a change measured from an earlier figure (比上年末, 比…的预计数)', () => {
    const text = '金融机构存款余额33213亿元，比上年末增长12.1%；财政收入100亿元，比上年的预计数增加了12亿元。';
    expect(facts(observe(REVIEW, text)).map((f) => f.slice(0, 4))).toEqual([
      ['金融机构存款余额', 33213, '亿元', 'actual'],
      ['金融机构存款余额', 12.1, '%', 'growth'],
      ['财政收入', 100, '亿元', 'actual'],
      ['财政收入', 12, '亿元', 'growth'],
    ]);
  });

  it('dates each change by its own years, written in Chinese numerals, and carries the metric over 又比', () => {
    const text = numeralYearsAsDigits('工业总产值一九七七年比一九七六年增长14.3%，一九七八年又比一九七七年增长13.5%。');
    expect(facts(observe(['一九七九年的任务'], text, 1979))).toEqual([
      ['工业总产值', 14.3, '%', 'growth', '1977', null],
      ['工业总产值', 13.5, '%', 'growth', '1978', null],
    ]);
  });
});

describe('reading figures in a review', () => {
  it('carries the metric over a new level reached (跃上…新台阶), keeps a known name listed beside another, and gives an attribute said alone the sentence subject', () => {
    const text =
      '全市生产总值比上年增长14.3%，跃上5098亿元新台阶；社会消费品零售总额、外贸出口分别增长24.3%和26.4%。居民消费价格总水平逐季回落，全年涨幅控制在5.6%。';
    expect(facts(observe(['2008年工作回顾'], text, 2009)).map(([name, value]) => [name, value])).toEqual([
      ['地区生产总值', 14.3],
      ['地区生产总值', 5098],
      ['社会消费品零售总额', 24.3],
      ['外贸出口总额', 26.4],
      ['居民消费价格', 5.6],
    ]);
  });

  it('distributes figures over the three sectors however the list names them (一二三产业, 第一、二、三产业, 三次产业)', () => {
    const text =
      '一二三产业分别增长4%、10%和9%。第一、二、三产业增加值分别增长3%、8%和9%。三次产业实现增加值分别为69.6亿元、330.8亿元和240.6亿元。';
    expect(facts(observe(['2001年工作回顾'], text, 2002)).map(([name, value]) => [name, value])).toEqual([
      ['第一产业', 4],
      ['第二产业', 10],
      ['第三产业', 9],
      ['第一产业增加值', 3],
      ['第二产业增加值', 8],
      ['第三产业增加值', 9],
      ['第一产业增加值', 69.6],
      ['第二产业增加值', 330.8],
      ['第三产业增加值', 240.6],
    ]);
  });

  it('dates what follows a 去年 set off inside a review sentence (…逐步提高，去年，…) as last year', () => {
    const text = '人民生活水平逐步提高，去年，城镇居民年人均可支配收入22469元，同比增长13.2%。';
    expect(facts(observe(['一、过去五年的工作回顾'], text, 2008)).map(([, value, , , period]) => [value, period])).toEqual([
      [22469, '2007'],
      [13.2, '2007'],
    ]);
  });

  it('reads a rate reached after a fall (涨幅从21.7%回落到14.8%) as that rate, the level it fell from as the year before', () => {
    expect(
      facts(observe(['过去的一年'], '零售物价涨幅从21.7%回落到14.8%。', 1996)).map(([, value, , , period]) => [value, period]),
    ).toEqual([
      [21.7, '1994'],
      [14.8, '1995'],
    ]);
  });

  it('reads 1998年以来 as the years since, an estimate opening with its year (预计2002年…) as that year, a change over 1997 as 1998-2002', () => {
    const paragraphs = [
      { headings: ['五年工作的回顾'], text: '1998年以来，自治区人民政府坚持以经济建设为中心。' },
      {
        headings: ['五年工作的回顾', '一、综合实力显著增强'],
        text: '预计2002年全区国内生产总值1598亿元，比1997年的1050亿元增长45.3%，年均增长7.8%。',
      },
    ];
    const { observations } = extractObservations(documentOf('doc', 2003, paragraphs).context);
    expect(facts(observations).map(([name, value, , , period]) => [name, value, period])).toEqual([
      ['国内生产总值', 1598, '2002'],
      ['国内生产总值', 1050, '1997'],
      ['国内生产总值', 45.3, '1998-2002'],
      ['国内生产总值', 7.8, '1998-2002'],
    ]);
  });

  it('reads a paragraph opening 过去的一年 in a part about this year as last year, and the next paragraph as this year again', () => {
    const heading = ['九、努力做好1996年的工作'];
    const paragraphs = [
      { headings: heading, text: '过去的一年，国内生产总值比上年增长10.2%。' },
      { headings: heading, text: '今年国内生产总值增长8%左右。' },
      { headings: heading, text: '全年新增就业700万人。' },
    ];
    const { observations } = extractObservations(documentOf('doc', 1996, paragraphs).context);
    expect(facts(observations).map(([, value, , kind, period]) => [value, kind, period])).toEqual([
      [10.2, 'growth', '1995'],
      [8, 'growth_target', '1996'],
      [700, 'target', '1996'],
    ]);
  });

  it('dates a yearly average or a sum in the review of one year by the plan its part heading names', () => {
    const text = '全社会固定资产投资累计达4.2万亿元、年均增长1.2%。全年地区生产总值增长4%。';
    expect(
      facts(observe(['一、2025年主要工作和“十四五”时期发展回顾'], text, 2026)).map(([name, value, , , period]) => [name, value, period]),
    ).toEqual([
      ['固定资产投资', 4.2, '2021-2025'],
      ['固定资产投资', 1.2, '2021-2025'],
      ['地区生产总值', 4, '2025'],
    ]);
  });

  it('reads a dated part heading, or one that reviews a plan (执行情况), as a review whatever else it says', () => {
    const kinds = (heading: string) =>
      facts(observe([heading], '全年国民生产总值17400亿元，比上年增长5%。', 1991)).map(([, , , kind]) => kind);
    expect(kinds('一、1990年计划的执行情况')).toEqual(['actual', 'growth']);
    expect(kinds('一、1990年的主要工作情况')).toEqual(['actual', 'growth']);
    expect(kinds('二、1991年的主要工作任务')).toEqual(['target', 'growth_target']);
  });

  it('gives a figure whose clause names no metric the metric the sentence opened with (外贸出口从7月份开始回升，全年达到…)', () => {
    expect(facts(observe(REVIEW, '外贸出口从7月份开始大幅度回升，全年达到1949亿美元，比上年增长6.1%。'))).toEqual([
      ['外贸出口总额', 1949, '亿美元', 'actual', '2016', '达到'],
      ['外贸出口总额', 6.1, '%', 'growth', '2016', null],
    ]);
    // A sentence opening with a work, not a metric, lends none (扩大投资规模，…).
    expect(facts(observe(REVIEW, '有效发挥投资作用，全年达到5000亿元。'))).toEqual([]);
  });

  it('dates a review figure by the year its own clause names (钢产量在1952年是135万吨 in the 1959 report)', () => {
    expect(
      facts(observe(['一九五八年的工作'], '我国的钢产量在1952年是135万吨，1958年达到1108万吨。', 1959)).map((f) => [f[1], f[4]]),
    ).toEqual([
      [135, '1952'],
      [1108, '1958'],
    ]);
  });

  it("gives a sum over the plan a sentence opens with that plan's years (第一个五年计划期间 → 1953-1957), and a base of comparison its year", () => {
    const found = facts(
      observe(['一九五八年的工作'], '第一个五年计划期间,基本建设投资总额共为493亿元。投资总额达到214亿元,比1957年的126亿元增长70%。', 1959),
    );
    expect(found.map((f) => [f[1], f[4]])).toEqual([
      [493, '1953-1957'],
      [214, '1958'],
      [126, '1957'],
      [70, '1958'],
    ]);
  });

  it('takes the metric the sentence opened with past a clause of 在…基础上 and a verb of more output (又增产)', () => {
    expect(facts(observe(REVIEW, '棉花产量在上年减产的基础上，又增产12万吨，达到630万吨。')).map((f) => [f[0], f[1]])).toEqual([
      ['棉花产量', 12],
      ['棉花产量', 630],
    ]);
  });

  it('gives a measure said alone the thing the clause before measured (棉花面积…，总产…)', () => {
    expect(facts(observe(PLAN, '棉花面积稳定在1600万亩左右，总产达到175万吨。')).map((f) => f[0])).toEqual(['棉花面积', '棉花总产']);
  });

  it('gives a level and its growth rate to the metric before them', () => {
    expect(facts(observe(REVIEW, '全年地区生产总值773.22亿元、增长7%；财政总收入首破百亿、达到103.72亿元。'))).toEqual([
      ['地区生产总值', 773.22, '亿元', 'actual', '2016', null],
      ['地区生产总值', 7, '%', 'growth', '2016', null],
      ['财政总收入', 103.72, '亿元', 'actual', '2016', '达到'],
    ]);
  });
  it('distributes paired figures over urban and rural metrics', () => {
    expect(facts(observe(REVIEW, '城乡常住居民人均可支配收入分别达到50910元和27089元、增长7.7%和8%。'))).toEqual([
      ['城镇常住居民人均可支配收入', 50910, '元', 'actual', '2016', '达到'],
      ['农村常住居民人均可支配收入', 27089, '元', 'actual', '2016', null],
      ['城镇常住居民人均可支配收入', 7.7, '%', 'growth', '2016', null],
      ['农村常住居民人均可支配收入', 8, '%', 'growth', '2016', null],
    ]);
  });
  it('states decreases as negative growth and shares as ratios, the level a change started from (由2.0%) as the year before', () => {
    expect(facts(observe(REVIEW, '安全生产事故起数和死亡人数分别下降5.8%和9.5%;研发经费支出占地区生产总值比重由2.0%提高到2.6%。'))).toEqual(
      [
        ['安全生产事故起数', -5.8, '%', 'growth', '2016', null],
        ['安全生产事故死亡人数', -9.5, '%', 'growth', '2016', null],
        ['研发经费支出占地区生产总值比重', 2, '%', 'ratio', '2015', null],
        ['研发经费支出占地区生产总值比重', 2.6, '%', 'ratio', '2016', null],
      ],
    );
  });
  it('reads ranks with the metric they rank', () => {
    expect(facts(observe(REVIEW, '一般公共预算收入59.65亿元、增长11.3%,增幅均居全市第一。')).at(-1)).toEqual([
      '一般公共预算收入增幅全市排名',
      1,
      '名',
      'actual',
      '2016',
      null,
    ]);
  });
  it('reads a bound after the magnitude (8万多人, 20亿余元) and a bare 万 after a population as people', () => {
    expect(
      facts(observe(REVIEW, '新增城镇就业8万多人,发放贷款20亿余元,全区人口总数增至729万,人口自然增长率3.5‰。')).map((f) => f.slice(0, 3)),
    ).toEqual([
      ['城镇新增就业', 8, '万人'],
      ['发放贷款', 20, '亿元'],
      ['人口总数', 729, '万人'],
      ['人口自然增长率', 3.5, '‰'],
    ]);
    expect(facts(observe(REVIEW, '10万多家庭从中受益。')).map((f) => f[2])).not.toContain('万家');
  });

  it('reads a bare magnitude as money, or as people when the metric counts them', () => {
    expect(facts(observe(REVIEW, '工业产值首破千亿,现在我国人口已经达到12亿。'))).toEqual([
      ['工业产值', 1000, '亿元', 'actual', '2016', '以上'],
      ['人口', 12, '亿人', 'actual', '2016', '达到'],
    ]);
  });
  it('reads a league entered as a rank, unless a count says how many entered it', () => {
    expect(
      facts(observe(REVIEW, '“信用”平台获中国“互联网+政务”优秀实践案例50强;52家企业入围中国民营企业500强;跻身全球科研城市第12位。')),
    ).toEqual([
      ['中国“互联网+政务”优秀实践案例', 50, '强', 'actual', '2016', null],
      ['企业', 52, '家', 'actual', '2016', null],
      ['全球科研城市排名', 12, '名', 'actual', '2016', null],
    ]);
  });
  it('counts the noun after a figure when the words before it only lead into it', () => {
    expect(facts(observe(REVIEW, '成功申发80亿元公司债券,建成7家乡镇养老服务中心。'))).toEqual([
      ['公司债券', 80, '亿元', 'actual', '2016', null],
      ['乡镇养老服务中心', 7, '家', 'actual', '2016', null],
    ]);
  });
  it('keeps size thresholds in the name of what they qualify', () => {
    expect(facts(observe(PLAN, '加快推进5亿元以上政府投资项目24只、5亿元以上产业项目32只。'))).toEqual([
      ['5亿元以上政府投资项目', 24, '只', 'target', '2017', null],
      ['5亿元以上产业项目', 32, '只', 'target', '2017', null],
    ]);
  });
});

describe('periods', () => {
  /** Each figure's indicator and period in one paragraph under one heading of a report of `year`. */
  const namesAndPeriods = (year: number, heading: string, text: string) =>
    facts(extractObservations(documentOf('doc', year, [{ headings: [heading], text }]).context).observations).map((f) => [f[0], f[4]]);

  it('reads 两年来 as the two years before, also after a clause that only frames the view (从…看,两年来…)', () => {
    const text = '从国债投资的效果看,两年来共建设5100多个项目。已建成的主要有:新增公路通车里程1.2万公里,其中高速公路3358公里。';
    expect(namesAndPeriods(2000, '一、1999年工作回顾', text)).toEqual([
      ['项目', '1998-1999'],
      ['新增公路通车里程', '1998-1999'],
      ['高速公路', '1998-1999'],
    ]);
  });

  it('dates a sentence on an earlier year’s assessment by that year, and the sentences after it by the review’s', () => {
    const text = '2022年度巩固脱贫成果后评估考核获“好”的等次,东西部协作考核居西部省份第一。粮食产量1395.4万吨、连续四年面积和产量双增长。';
    expect(namesAndPeriods(2024, '一、2023年工作回顾', text)).toEqual([
      ['东西部协作考核西部省份排名', '2022'],
      ['粮食产量', '2023'],
    ]);
  });

  it('follows the time phrase a sentence opens with into later paragraphs', () => {
    const { context } = documentOf('doc', 2017, [
      { headings: ['2016年及过去五年工作回顾'], text: '2016年,全年地区生产总值773.22亿元。五年来,我们始终奋进。' },
      {
        headings: ['2016年及过去五年工作回顾', '创新发展'],
        text: '1.创新发展。财政总收入年均增长9.2%;直接融资增量连续三年超百亿元;空气质量优良率较2014年上升9.4个百分点。',
      },
    ]);
    expect(facts(extractObservations(context).observations)).toEqual([
      ['地区生产总值', 773.22, '亿元', 'actual', '2016', null],
      ['财政总收入', 9.2, '%', 'growth', '2012-2016', null],
      ['直接融资增量', 100, '亿元', 'actual', '2014-2016', '以上'],
      ['空气质量优良率', 9.4, '个百分点', 'growth', '2015-2016', null],
    ]);
  });
  it("dates five-year goals and this year's targets from the plan headings", () => {
    expect(facts(observe(FIVE_YEAR_PLAN, '地区生产总值年均增长8%,空气质量优良率达到85%以上。'))).toEqual([
      ['地区生产总值', 8, '%', 'growth_target', '2017-2021', null],
      ['空气质量优良率', 85, '%', 'target', '2017-2021', '以上'],
    ]);
    expect(facts(observe(PLAN, '财政总收入确保增长7.5%、力争8%;城镇登记失业率控制在3.5%以内。'))).toEqual([
      ['财政总收入', 7.5, '%', 'growth_target', '2017', '确保'],
      ['财政总收入', 8, '%', 'growth_target', '2017', '力争'],
      ['城镇登记失业率', 3.5, '%', 'target', '2017', '以内'],
    ]);
  });
  it('counts people where a magnitude stands before a population, which names the metric', () => {
    expect(facts(observe(PLAN, '实现剩余17.5万贫困人口脱贫，8个贫困县摘帽退出。'))).toEqual([
      ['贫困人口脱贫', 17.5, '万人', 'target', '2017', null],
      ['贫困县摘帽退出', 8, '个', 'target', '2017', null],
    ]);
  });
  it('dates a level to the deadline its sentence names inside a five-year plan, growth keeping the span', () => {
    const found = facts(observe(FIVE_YEAR_PLAN, '到2020年，力争地区生产总值年均增长8%，常住人口城镇化率达到68.5%。'));
    expect(found.map(([indicator, , , kind, period]) => [indicator, kind, period])).toEqual([
      ['地区生产总值', 'growth_target', '2017-2021'],
      ['常住人口城镇化率', 'target', '2020'],
    ]);
  });
  it('dates a rate to the deadline its paragraph opens with, in a later sentence too', () => {
    const found = facts(observe(['今后三年的目标任务'], '到2019年，城市现代化基础设施更加完善。城市化率超过71%，地区生产总值年均增长8%。'));
    expect(found.map(([indicator, , , kind, period]) => [indicator, kind, period])).toEqual([
      ['常住人口城镇化率', 'target', '2019'],
      ['地区生产总值', 'growth_target', '2017-2019'],
    ]);
  });

  it('dates the level a one-year change started from (从A提高到B) to the year before', () => {
    const found = facts(observe(['2011年工作回顾'], '个人所得税起征点从2000元提高到3500元。', 2012));
    expect(found.map(([indicator, value, , , period]) => [indicator, value, period])).toEqual([
      ['个人所得税起征点', 2000, '2010'],
      ['个人所得税起征点', 3500, '2011'],
    ]);
  });

  it('continues the metric past a clause that is only a time phrase (a yearly average after 五年 is the five years), and counts people before a long population name', () => {
    const found = facts(observe(['2007年工作回顾'], '全市地区生产总值达2179亿元，五年翻了一番，年均增长15.2%。', 2008));
    expect(found.map(([indicator, value]) => [indicator, value])).toEqual([
      ['地区生产总值', 2179],
      ['地区生产总值', 2],
      ['地区生产总值', 15.2],
    ]);
    const averaged = facts(observe(['2007年工作回顾'], '2007年，全市地区生产总值达2179亿元，五年翻了一番，年均增长15.2%。', 2008));
    expect(averaged.map(([, value, , , period]) => [value, period])).toContainEqual([15.2, '2003-2007']);
    const people = facts(observe(['2020年工作回顾'], '全省88个贫困县全部摘帽、625万建档立卡贫困人口全部脱贫。', 2021));
    expect(people.map(([, value, unit]) => [value, unit])).toContainEqual([625, '万人']);
  });

  it('dates the level a change started from to the year before with a per-head qualifier after 由 (由每人每年240元提高到280元)', () => {
    const found = facts(
      observe(['2013年工作安排'], '今年财政补助标准由每人每年240元提高到280元，免费医疗标准由年人均40元提高到80元。', 2013),
    );
    expect(found.map(([indicator, value, , kind, period]) => [indicator, value, kind, period])).toEqual([
      ['财政补助标准', 240, 'actual', '2012'],
      ['财政补助标准', 280, 'target', '2013'],
      ['免费医疗标准', 40, 'actual', '2012'],
      ['免费医疗标准', 80, 'target', '2013'],
    ]);
  });

  it('dates a sentence opening with the year just past (刚刚过去的2010年) to that year in a review of the plan, and 五年新增 to the five years', () => {
    const found = facts(observe(['一、“十一五”时期和2010年经济社会发展回顾'], '刚刚过去的2010年，全区生产总值增长14.9%。', 2011));
    expect(found.map(([indicator, value, , , period]) => [indicator, value, period])).toEqual([['地区生产总值', 14.9, '2010']]);
    const added = facts(observe(['2007年工作回顾'], '五年新增城镇就业42.4万人。', 2008));
    expect(added.map(([indicator, value, , , period]) => [indicator, value, period])).toEqual([['城镇新增就业', 42.4, '2003-2007']]);
  });

  it('dates 第一个五年期间 to the first plan and leaves a plan period out of the metric’s name (“十五”时期全社会固定资产投资)', () => {
    const first = facts(observe(['一、第一个五年计划的执行情况'], '第一个五年期间铁路共新建八千五百公里。', 1957));
    expect(first.map(([, value, , , period]) => [value, period])).toEqual([[8500, '1953-1957']]);
    const named = facts(observe(['一、“十五”时期工作回顾'], '“十五”时期全社会固定资产投资累计5517亿元，年均增长20.8%。', 2006));
    expect(named.map(([indicator, value, , , period]) => [indicator, value, period])).toEqual([
      ['固定资产投资', 5517, '2001-2005'],
      ['固定资产投资', 20.8, '2001-2005'],
    ]);
  });

  it('keeps a year one section opens with (2007年，…) inside that section: the next section is the part’s five years again', () => {
    const part = '一、过去五年的工作回顾';
    const { context } = documentOf('doc', 2008, [
      { headings: [part, '（一）综合实力实现新跨越'], text: '2007年，全市地区生产总值达2179亿元。' },
      { headings: [part, '（三）新农村建设呈现新局面'], text: '全面取消农业税，新增农村公路5956公里。' },
    ]);
    expect(facts(extractObservations(context).observations).map(([, value, , , period]) => [value, period])).toEqual([
      [2179, '2007'],
      [5956, '2003-2007'],
    ]);
  });

  it('dates a figure whose clause names the coming years (《纲要》提出，今后五年…年均增长7.5%) to those years', () => {
    const found = facts(observe(['二、2006年工作安排'], '《纲要（草案）》提出，今后五年国内生产总值年均增长7.5%。', 2006));
    expect(found.map(([, value, , , period]) => [value, period])).toEqual([[7.5, '2006-2010']]);
  });

  it('reads no level from a bound on what is counted after it (收入过3000元的11个县), but keeps the total of what is counted', () => {
    const bound = facts(
      observe(['2004年工作回顾'], '全区农民人均纯收入过3000元的11个县实现整体脱贫，投资3500万元以上的22个项目开工。', 2005),
    );
    expect(bound.filter(([, value]) => value === 3000 || value === 3500)).toEqual([]);
    const total = facts(observe(['2012年工作回顾'], '集中开工了总投资654亿元的155个项目。', 2013));
    expect(total.map(([, value, unit]) => [value, unit])).toContainEqual([654, '亿元']);
  });

  it('dates 过去的五年 to the five years, and a year just past after a framing clause (特别需要指出的是，刚刚过去的2015年) to that year', () => {
    const span = facts(
      observe(['一、2010年及“十一五”工作回顾'], '——过去的五年，是民生保障进一步加强的五年。新建、改扩建中小学校70所。', 2011),
    );
    expect(span.map(([indicator, value, , , period]) => [indicator, value, period])).toEqual([['新建、改扩建中小学校', 70, '2006-2010']]);
    const framed = facts(observe(['一、“十二五”时期回顾'], '特别需要指出的是，刚刚过去的2015年，全省地区生产总值增长8.5%。', 2016));
    expect(framed.map(([indicator, value, , , period]) => [indicator, value, period])).toEqual([['地区生产总值', 8.5, '2015']]);
  });

  it('dates an average yearly change to the five-year plan its sentence names, the level to the plan’s end', () => {
    const found = facts(observe(['2015年工作回顾'], '“十二五”末，地区生产总值达到1.68万亿元，年均增长10.1%。地区生产总值增长8.1%。', 2016));
    expect(found.map(([indicator, value, , kind, period]) => [indicator, value, kind, period])).toEqual([
      ['地区生产总值', 1.68, 'actual', '2015'],
      ['地区生产总值', 10.1, 'growth', '2011-2015'],
      ['地区生产总值', 8.1, 'growth', '2015'],
    ]);
  });
  it('takes the document year from dated headings when it is not given, and says unknown otherwise', () => {
    expect(facts(observe(PLAN, '地区生产总值增长8%左右。', null))).toEqual([['地区生产总值', 8, '%', 'growth_target', '2017', '左右']]);
    expect(facts(observe([], '地区生产总值773.22亿元。', null))).toEqual([['地区生产总值', 773.22, '亿元', 'actual', 'unknown', null]]);
  });
  it('reads forward-looking sentences as targets when there are no headings', () => {
    expect(facts(observe([], '今年力争新增城镇就业1.6万个以上。'))).toEqual([['城镇新增就业', 1.6, '万个', 'target', '2017', '以上']]);
  });
});

describe('what is not an indicator', () => {
  it("leaves an item's number out of the metric's name", () => {
    for (const number of ['1.', '1、', '(1)', '一、', '(一)', '①']) {
      expect(
        facts(observe(PLAN, `${number}全县生产总值增长7%。`)).map(([indicator]) => indicator),
        number,
      ).toEqual(['地区生产总值']);
    }
    expect(facts(observe(PLAN, '2.地区生产总值增长7.5%;3.财政总收入增长8%。')).map(([indicator, value]) => [indicator, value])).toEqual([
      ['地区生产总值', 7.5],
      ['财政总收入', 8],
    ]);
  });

  it('skips slogans, years and task numbers', () => {
    expect(observe(PLAN, '1.突出招商引资。2017年是开局之年,着力打造“四个上虞”,实施六大战略,培育一批龙头企业。')).toEqual([]);
  });
});

describe('entities, mentions and provenance', () => {
  const source = '全年地区生产总值773.22亿元、增长7%。';
  const { text, context } = documentOf('doc-a', 2017, [
    { headings: ['前言'], text: '各位代表:' },
    { headings: REVIEW, text: source },
  ]);
  const result = extractObservations(context);

  it('validates against the domain schemas', () => {
    for (const o of result.observations) Observation.parse(o);
    for (const e of result.indicators) Entity.parse(e);
    for (const m of result.mentions) Mention.parse(m);
  });
  it('names indicators stably across documents, with pinyin', () => {
    const [indicator] = result.indicators;
    expect(indicator).toMatchObject({
      id: stableId('ind', '地区生产总值'),
      type: 'indicator',
      name: '地区生产总值',
      kind: 'money',
      pinyin: 'diqushengchanzongzhi',
    });
    const other = extractObservations(
      documentOf('doc-b', 2018, [{ headings: ['2017年工作回顾'], text: '全市生产总值达到800亿元。' }]).context,
    );
    const otherIndicator = expectDefined(other.indicators[0]);
    expect(otherIndicator.id).toBe(expectDefined(indicator).id);
    expect(otherIndicator.aliases).toEqual(['生产总值']);
  });
  it('points at the figure and the metric surface in the document text', () => {
    const level = expectDefined(result.observations[0]);
    const growth = expectDefined(result.observations[1]);
    expect(text.slice(level.charStart, level.charEnd)).toBe('773.22亿元');
    expect(text.slice(growth.charStart, growth.charEnd)).toBe('7%');
    expect(growth.text).toBe('全年地区生产总值773.22亿元、增长7%');
    expect(level.paragraphId).toBe('doc-a-p1');
    expect(new Set(result.observations.map((o) => o.id)).size).toBe(2);
    expect(result.mentions).toHaveLength(1);
    const [mention] = result.mentions;
    expect(text.slice(expectDefined(mention).charStart, expectDefined(mention).charEnd)).toBe('地区生产总值');
  });
});

describe('counts after a verb, five-year sums and a plan’s goals', () => {
  it('reads a count after a short verb phrase as counting the noun after it (集中帮扶18个贫困乡)', () => {
    const found = facts(observe(PLAN, '今年集中帮扶18个贫困乡，全年共培训了3000名乡村医生。'));
    expect(found).toContainEqual(['贫困乡', 18, '个', 'target', '2017', null]);
    expect(found.map((f) => [f[0], f[1], f[2]])).toContainEqual(['乡村医生', 3000, '名']);
  });

  it('reads a magnitude before a population as people (解决80万农村居民饮水安全问题)', () => {
    expect(facts(observe(PLAN, '今年解决80万农村居民饮水安全问题。')).map((f) => [f[1], f[2]])).toEqual([[80, '万人']]);
  });

  it('leaves a share after a verb alone: only counts name the noun after them', () => {
    expect(observe(PLAN, '力争把85%矛盾化解在基层。').map((o) => o.indicator)).not.toContain('矛盾');
  });

  it('dates a sum over the government’s five years in a one-year review to those five years, not a dated clause', () => {
    const found = facts(observe(REVIEW, '五年累计改造农村危房12万户，2016年新建乡镇卫生院30所。'));
    expect(found.map((f) => [f[0], f[4]])).toEqual([
      ['改造农村危房', '2012-2016'],
      ['新建乡镇卫生院', '2016'],
    ]);
    // 近五年来最高 compares with the five years; it sums nothing.
    expect(facts(observe(REVIEW, '粮食总产量达到60亿斤，为近五年来最高，优质品种比重达到60%。')).map((f) => f[4])).toEqual([
      '2016',
      '2016',
    ]);
  });

  it('frames a part on a five-year plan starting this year over the plan’s years, not a year part that names the plan', () => {
    const { context } = documentOf('doc', 2016, [
      { headings: ['二、“十三五”的奋斗目标和主要任务'], text: '积极推进新型城镇化，全区常住人口城镇化率达到56%。' },
      { headings: ['三、2016年主要工作'], text: '2016年是“十三五”开局之年，生产总值增长7.5%。' },
    ]);
    expect(facts(extractObservations(context).observations).map((f) => [f[1], f[4]])).toEqual([
      [56, '2016-2020'],
      [7.5, '2016'],
    ]);
  });

  it('gives the goals a sentence sets for a five-year plan that plan’s years, and this year’s goals this year', () => {
    const found = facts(observe(PLAN, '“十三五”时期的主要目标，年均增长7%，城镇化率为60%。今年的目标是城镇化率提高到55%。', 2016)).map(
      (f) => [f[0], f[1], f[4]],
    );
    expect(found).toContainEqual(['常住人口城镇化率', 60, '2016-2020']);
    // 今年的目标是… opens no metric name.
    expect(found).toContainEqual(['常住人口城镇化率', 55, '2016']);
  });
});
