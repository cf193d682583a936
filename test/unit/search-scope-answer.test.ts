// The parts of an answer that need no store: which reports a question names, when it names a place nothing is
// about, the kind a direct answer states, pinyin names in English, and the eval's choice of distractor reports.
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../graph/store.ts';
import { distractorMembers } from '../../src/eval/corpus.ts';
import { unstoredEnglishPlaces, unstoredPlaces } from '../../src/search/abstain.ts';
import type { Observation } from '../../src/domain/schemas.ts';
import { type AnswerInputs, answerKind, answerPeriod, directAnswer } from '../../src/search/direct-answer.ts';
import { looksLikePinyinName } from '../../src/search/pinyin-syllables.ts';
import { questionScope, reportPlace, reportYearsNamed, withoutScopeWords } from '../../src/search/scope.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

function report(id: string, place: string | null, year: number, sourcePath = `reports/${id}.md`): DocumentSummary {
  return {
    id,
    title: `${year}年政府工作报告`,
    label: `${place ?? ''}${year}年政府工作报告`,
    place,
    placeCode: null,
    level: null,
    year,
    planYear: year,
    date: null,
    speaker: null,
    sourcePath,
    paragraphs: 1,
    tasks: 1,
  };
}

const documents = [
  report('gy2024', '贵阳市', 2024),
  report('gy2025', '贵阳市', 2025),
  report('nb2025', '宁波市', 2025),
  report('nm2022', null, 2022, 'corpus/政府工作报告-省自治区/内蒙古自治区/2022.md'),
  report('gwy2024', null, 2024, 'corpus/政府工作报告-国务院/2024.md'),
];

describe('question scope', () => {
  it('picks the reports of the place and year named, in Chinese (short form too) and English', () => {
    expect([...questionScope('贵阳2025年要新建多少公里道路？', documents).documents]).toEqual(['gy2025']);
    expect([...questionScope('What did Guiyang plan for 2025?', documents).documents]).toEqual(['gy2025']);
    expect([...questionScope('What does Inner Mongolia plan?', documents).documents]).toEqual(['nm2022']);
    expect([...questionScope('2024年国务院政府工作报告的增长目标？', documents).documents]).toEqual(['gwy2024']);
  });

  it('takes a year alone as the reports of that year and the next (which reports its results)', () => {
    expect([...questionScope('2024年的城市建设怎么样？', documents).documents].sort()).toEqual(['gwy2024', 'gy2024', 'gy2025', 'nb2025']);
    expect([...questionScope('2024年完成了什么？', documents).documents].sort()).toEqual(['gy2025', 'nb2025']);
    expect(questionScope('城市更新怎么做？', documents).documents.size).toBe(0);
  });

  it('reads a report’s place from its metadata, else from the folder it is filed under when named like a place', () => {
    expect(reportPlace(report('x', '河南省', 2014, 'uploads/a.md'))).toBe('河南省');
    expect(reportPlace(report('x', null, 2014, 'c/政府工作报告-省自治区/河南省/2014.md'))).toBe('河南省');
    expect(reportPlace({ ...report('x', '全国', 2024, 'uploads/b.md'), level: 'state' })).toBe('国务院');
  });

  it('picks the report of the year a plan is for, or the next one for the year’s results', () => {
    expect([...questionScope('贵阳2024年计划新建多少公里道路？', documents).documents]).toEqual(['gy2024']);
    expect([...questionScope('贵阳2024年实际完成了多少投资？', documents).documents]).toEqual(['gy2025']);
    expect([...questionScope('贵阳2024年的道路建设怎么样？', documents).documents].sort()).toEqual(['gy2024', 'gy2025']);
    expect([...questionScope('What did Guiyang achieve in 2024?', documents).documents]).toEqual(['gy2025']);
    expect([...questionScope('Did Guiyang meet its 2024 road target?', documents).documents].sort()).toEqual(['gy2024', 'gy2025']);
    expect([...questionScope('贵阳2024年道路建设达标了吗？', documents).documents]).toEqual(['gy2025']);
  });

  it('knows when the named place’s report for the named year is not stored, but not for a year past its latest', () => {
    expect(questionScope('贵阳2020年地铁建设有什么计划？', documents).missingYear).toEqual({ years: [2020], stored: [2024, 2025] });
    expect(questionScope('贵阳2035年远景目标是什么？', documents).missingYear).toBeNull();
    expect(questionScope('贵阳2025年地铁建设有什么计划？', documents).missingYear).toBeNull();
    expect(questionScope('贵阳2023年道路建设的目标是多少？', documents).missingYear).toBeNull();
    expect(questionScope('2020年地铁建设有什么计划？', documents).missingYear).toBeNull();
  });

  it('takes a year that names the report as that report, not the year it reviews', () => {
    expect([...questionScope('What does Guiyang’s 2024 report say about roads?', documents).documents]).toEqual(['gy2024']);
    expect([...questionScope('贵阳2024年政府工作报告怎么说道路建设？', documents).documents]).toEqual(['gy2024']);
    expect(reportYearsNamed('2024年国务院政府工作报告中，2023年全国财政收入是多少？')).toEqual([2024]);
    expect(reportYearsNamed('2009年重庆市政府工作报告中，2008年的生产总值是多少？')).toEqual([2009]);
    expect(reportYearsNamed('Going by the 1991 national plan report, what was the output in 1990?')).toEqual([1991]);
    expect(reportYearsNamed('How much did GDP grow in 2008 according to the report?')).toEqual([]);
  });

  it('searches inside the named reports without the place and year words', () => {
    const scope = questionScope('贵阳市2025年要新建多少公里道路？', documents);
    expect(withoutScopeWords('贵阳市2025年要新建多少公里道路？', scope)).toBe('要新建多少公里道路？');
  });
});

describe('places nothing stored is about', () => {
  it('finds a city named in Chinese that no report is about, but not words that end like places', () => {
    expect(unstoredPlaces('沈阳市2019年地铁建设有什么计划？', documents, [])).toEqual(['沈阳市']);
    expect(unstoredPlaces('贵阳市2019年地铁建设有什么计划？', documents, [])).toEqual([]);
    expect(unstoredPlaces('2018年提出的市级示范小区目标，全市农产品市场建设，超大城市', documents, [])).toEqual([]);
  });

  it('finds a province or prefecture named bare, in Chinese or capitalised pinyin, from the gazetteer', () => {
    expect(unstoredPlaces('云南今年的咖啡种植面积目标是多少？', documents, [])).toEqual(['云南']);
    expect(unstoredPlaces('贵阳今年的地铁建设目标是多少？', documents, [])).toEqual([]);
    expect(unstoredPlaces('洛阳今年的牡丹节游客目标？', documents, [{ text: '洛阳牡丹文化节' } as never])).toEqual([]);
    expect(unstoredEnglishPlaces('What tea-planting target did Yunnan set?', documents, [])).toEqual(['Yunnan']);
    expect(unstoredEnglishPlaces('What did Guiyang plan for its metro?', documents, [])).toEqual([]);
  });

  it('finds a pinyin place name where a place stands in English, not a pinyin-looking English word', () => {
    expect(unstoredEnglishPlaces('What coffee-planting target did Yunnan set for 2020? in Yunnan', documents, [])).toEqual(['Yunnan']);
    expect(unstoredEnglishPlaces("What is Guiyang's plan for the Area of Five roads?", documents, [])).toEqual([]);
    expect(looksLikePinyinName('Shenyang')).toBe(true);
    for (const word of ['Area', 'Maritime', 'Five', 'Asian', 'Inner']) expect(looksLikePinyinName(word)).toBe(false);
  });
});

describe('direct answer kinds', () => {
  it('states a rate as a ratio and a figure for the report’s own year as a plan', () => {
    expect(answerKind({ kind: 'target', unit: '%', indicator: '赤字率', period: '2024' }, 2024)).toBe('ratio');
    expect(answerKind({ kind: 'growth', unit: '%', indicator: '地区生产总值', period: '2014' }, 2014)).toBe('growth_target');
    expect(answerKind({ kind: 'target', unit: '%', indicator: '经济增长预期目标', period: '2024' }, 2024)).toBe('growth_target');
    expect(answerKind({ kind: 'growth', unit: '%', indicator: '地区生产总值', period: '2013' }, 2014)).toBe('growth');
    expect(answerKind({ kind: 'actual', unit: '万人', indicator: '城镇新增就业', period: '2021' }, 2022)).toBe('actual');
  });
});

describe('direct answer facts', () => {
  const figure = (
    id: string,
    indicator: string,
    value: number,
    unit: string,
    period: string,
    kind: Observation['kind'],
    paragraphId: string,
    documentId = 'gy2025',
  ): Observation => ({
    id,
    indicatorId: id,
    indicator,
    value,
    unit,
    kind,
    period,
    comparator: null,
    documentId,
    paragraphId,
    text: `${indicator}${value}${unit}`,
    charStart: 0,
    charEnd: 1,
  });
  const passage = (paragraphId: string, documentId = 'gy2025') =>
    ({ paragraphId, documentId, text: '', score: 1, retrievers: [] }) as never;
  const inputs = (question: string, observations: Observation[], extra: Partial<AnswerInputs> = {}): AnswerInputs => ({
    question,
    language: 'zh',
    intent: 'indicator_value',
    passages: [passage('p1'), passage('p2')],
    observations,
    tasks: [],
    documents,
    scope: new Set(['gy2025']),
    terms: [],
    ...extra,
  });
  /** The direct answer these inputs must get. */
  const answered = (answerInputs: AnswerInputs) => expectDefined(directAnswer(answerInputs), 'a direct answer');
  /** The values the direct answer states for a question over these figures. */
  const valuesAnswered = (question: string, observations: Observation[], extra: Partial<AnswerInputs> = {}) =>
    answered(inputs(question, observations, extra)).facts.map((f) => f.value);

  it('prefers the figure in the measure word asked, even outside the passages found, over a higher-ranked one in another unit', () => {
    const facts = answered(
      inputs('今年要再买多少辆大巴？', [
        figure('o1', '固定资产投资', 1600, '亿元', '2025', 'target', 'p1'),
        figure('o2', '新购公交车', 550, '辆', '2025', 'target', 'p9'),
      ]),
    ).facts;
    expect(facts.map((f) => f.value)).toEqual([550]);
  });

  it('states a level a review of several years reports as the last year’s, amounts added up keeping the span', () => {
    const observations = [
      figure('o1', '农民人均纯收入', 5315, '元', '2020-2024', 'actual', 'p1'),
      figure('o2', '城镇新增就业', 55, '万人', '2020-2024', 'actual', 'p2'),
    ];
    const facts = answered(inputs('2024年农民人均纯收入是多少？', observations)).facts;
    expect(facts.map((f) => [f.value, f.period])).toEqual([[5315, '2024']]);
    expect(answered(inputs('五年来城镇新增就业多少？', observations.slice(1))).facts.map((f) => f.period)).toEqual(['2020-2024']);
  });

  it('prefers the whole place’s figure to a part’s the question does not name (山区农民人均纯收入)', () => {
    const figures = [
      figure('o1', '山区农民人均纯收入', 1487.3, '元', '2004', 'actual', 'p1'),
      figure('o2', '农民人均纯收入', 2320, '元', '2004', 'actual', 'p2'),
    ];
    expect(valuesAnswered('2004年宁夏种地的人平均每人一年挣了多少钱？', figures)).toEqual([2320]);
  });

  it("answers a question about a span with the span's figure, stated for the span", () => {
    const observations = [
      figure('o1', '全体居民人均可支配收入', 5.5, '%', '2025', 'growth', 'p1'),
      figure('o2', '全体居民人均可支配收入年均', 6.5, '%', '2021-2025', 'growth', 'p2'),
      figure('o3', '实际使用外资', 184, '亿美元', '2021-2025', 'actual', 'p2'),
    ];
    expect(
      answered(inputs('2021-2025年全体居民人均可支配收入年均增长多少？', observations.slice(0, 2))).facts.map((f) => [f.value, f.period]),
    ).toEqual([[6.5, '2021-2025']]);
    expect(answered(inputs('2021-2025年累计实际使用外资多少？', observations.slice(2))).facts.map((f) => f.period)).toEqual(['2021-2025']);
  });

  it('reads a span written with its years’ 年 (2020年至2024年) or between … and …, but two years joined by and as two years', () => {
    const observations = [
      figure('o1', '解决了', 434, '万人', '2024', 'actual', 'p1'),
      figure('o2', '贫困人口的温饱问题', 67, '万人', '2020-2024', 'actual', 'p2'),
    ];
    expect(valuesAnswered('2020年至2024年共解决了多少贫困人口的温饱问题？', observations)).toEqual([67]);
    const english = { language: 'en' as const, terms: ['贫困人口', '温饱问题'] };
    expect(valuesAnswered('How many poor people had enough food and clothing between 2020 and 2024?', observations, english)).toEqual([67]);
    expect(valuesAnswered('2020年和2024年共解决了多少贫困人口的温饱问题？', observations)).not.toEqual([67]);
  });

  it('reads the indicator a question writes in another form under its stored name, and 提高到 as asking for a level', () => {
    const observations = [
      figure('o1', '地区生产总值', 8.5, '%', '2025', 'growth_target', 'p1'),
      figure('o2', '研发经费支出占地区生产总值比重', 2.35, '%', '2025', 'target', 'p2'),
    ];
    expect(valuesAnswered('2025年研究与试验发展经费支出占地区生产总值的比重要提高到多少？', observations)).toEqual([2.35]);
  });

  it('states a rate a plan sets over its years as the level at the plan’s end, a sum over them as the span', () => {
    const rate = figure('o1', '常住人口城镇化率', 54, '%', '2025-2029', 'target', 'p1');
    expect(answerPeriod(rate, 2025)).toBe('2029');
    expect(answerPeriod(figure('o2', '基础设施投资', 1800, '亿元', '2025-2029', 'target', 'p1'), 2025)).toBe('2025-2029');
  });

  it('answers a question about a level with the level, not the change the sentence gives after it', () => {
    const level = figure('o1', '农牧民人均纯收入', 2269, '元', '2004', 'actual', 'p1');
    const change = { ...figure('o2', '农牧民人均纯收入', 163, '元', '2004', 'actual', 'p1'), text: '农牧民人均纯收入2269元,增加163元' };
    expect(valuesAnswered('2004年农牧民人均纯收入是多少？', [change, level])).toEqual([2269]);
    expect(valuesAnswered('2004年农牧民人均纯收入增加了多少？', [level, change])).toEqual([163]);
  });

  it('compares two figures whose names differ but both hold the word asked (棉花产量, 棉花总产)', () => {
    const observations = [
      figure('o1', '棉花产量', 170, '万吨', '2004', 'actual', 'p1'),
      figure('o2', '棉花总产', 175, '万吨', '2005', 'target', 'p2'),
    ];
    const answer = answered(inputs('2004年棉花产量是多少，2005年目标是多少？', observations, { intent: 'indicator_comparison' }));
    expect(answer.facts.map((f) => f.value)).toEqual([170, 175]);
  });

  it('reads everyday words for the indicator a figure names (城里人…到手能花的钱 → 城镇居民人均可支配收入)', () => {
    const observations = [
      figure('o1', '农村居民人均纯收入', 2589.6, '元', '2004', 'actual', 'p1'),
      figure('o2', '城镇居民人均可支配收入', 7902.9, '元', '2004', 'actual', 'p2'),
    ];
    expect(valuesAnswered('2004年城里人平均每人一年到手能花的钱有多少？', observations)).toEqual([7902.9]);
  });

  it('answers exports with exports, not the total of both trades, and a figure per head with one per head', () => {
    const trade = [
      figure('o1', '进出口总额', 612.5, '亿美元', '2024', 'actual', 'p1'),
      figure('o2', '出口总额', 362.9, '亿美元', '2024', 'actual', 'p1'),
    ];
    const en = { language: 'en' as const };
    expect(valuesAnswered('How much did the city export in 2024?', trade, { ...en, terms: ['出口'] })).toEqual([362.9]);
    const perHead = [
      figure('o1', '地区生产总值', 5315, '亿元', '2024', 'actual', 'p1'),
      figure('o2', '人均GDP', 7.3, '万元', '2024', 'actual', 'p1'),
    ];
    expect(valuesAnswered('What was per capita GDP in 2024?', perHead, { ...en, terms: ['人均', '地区生产总值'] })).toEqual([7.3]);
    const income = [
      figure('o1', '城镇居民人均可支配收入', 27905, '元', '2024', 'actual', 'p1'),
      figure('o2', '农村居民人均纯收入', 13890, '元', '2024', 'actual', 'p1'),
    ];
    expect(valuesAnswered('How much did the average farmer earn in 2024?', income, { ...en, terms: ['农民'] })).toEqual([13890]);
  });

  it('answers a question about a rate with the rate, not the amount it is a rate of', () => {
    const observations = [
      figure('o1', '财政赤字', 8000, '亿元', '2025', 'target', 'p1'),
      figure('o2', '赤字率', 1.5, '%', '2025', 'target', 'p2'),
    ];
    expect(valuesAnswered('2025年财政赤字率安排为多少？', observations)).toEqual([1.5]);
  });

  it('takes a question that asks for no change as asking for a level', () => {
    const observations = [
      figure('o1', '地区生产总值', 2.2, '倍', '2002-2007', 'growth', 'p1'),
      figure('o2', '地区生产总值', 2878.97, '亿元', '2007', 'actual', 'p2'),
    ];
    expect(valuesAnswered('2007年地区生产总值是多少？', observations)).toEqual([2878.97]);
    expect(valuesAnswered('2007年地区生产总值增长了多少？', observations)).toEqual([2.2]);
  });

  it('answers a question naming two years for its figures with one figure of each, of one indicator', () => {
    const observations = [
      figure('o1', '一般公共预算收入', 13, '%', '2025', 'growth_target', 'p1'),
      figure('o2', '城镇居民人均可支配收入', 11, '%', '2025', 'growth_target', 'p1'),
      figure('o3', '农民人均纯收入', 9, '%', '2025', 'growth_target', 'p2'),
      figure('o4', '农村居民人均纯收入', 8.6, '%', '2024', 'growth', 'p2'),
      figure('o5', '一般公共预算收入', 20.4, '%', '2024', 'growth', 'p3'),
    ];
    const question =
      "How did farmers' per-capita net income growth in 2024 compare with the target for 2025 in Guiyang's 2025 government work report?";
    for (const intent of ['indicator_comparison', 'indicator_value']) {
      const facts = answered(inputs(question, observations, { intent, language: 'en', terms: ['收入'] })).facts;
      expect(facts.map((f) => [f.value, f.period])).toEqual([
        [8.6, '2024'],
        [9, '2025'],
      ]);
    }
  });

  it('pairs two names of one indicator, one holding the other, over a better-ranked pair of another', () => {
    const observations = [
      figure('o1', '电源装机容量', 3400, '万千瓦', '2024', 'actual', 'p1'),
      figure('o2', '电源装机容量', 4700, '万千瓦', '2025', 'target', 'p1'),
      figure('o3', '城镇化率', 47.1, '%', '2024', 'ratio', 'p2'),
      figure('o4', '常住人口城镇化率', 54, '%', '2025', 'target', 'p2'),
    ];
    const question =
      "How did Guiyang's urbanization rate in 2024 compare with its 2025 target for the resident-population urbanization rate?";
    const facts = answered(inputs(question, observations, { intent: 'indicator_comparison', language: 'en', terms: ['城镇化率'] })).facts;
    expect(facts.map((f) => f.value)).toEqual([47.1, 54]);
  });

  it('answers a question asking in percent (贵了百分之几) with a percentage, and reads everyday words for prices', () => {
    const observations = [
      figure('o1', '社会消费品零售总额', 971, '亿元', '2024', 'actual', 'p1'),
      figure('o2', '商品零售价格上升', 6.1, '%', '2024', 'growth', 'p2'),
    ];
    expect(valuesAnswered('贵阳2025年政府工作报告里说，2024年店里卖的东西比前一年贵了百分之几？', observations)).toEqual([6.1]);
  });

  it('reads everyday measures: a share in 几成, a length in 多长, a rate per thousand people, and a noun after 多少 as no unit', () => {
    const observations = [
      figure('o1', '地铁通车线路', 6, '条', '2024', 'actual', 'p1'),
      figure('o2', '地铁运营里程', 120, '公里', '2024', 'actual', 'p2'),
      figure('o3', '民间投资占比', 57.4, '%', '2024', 'ratio', 'p1'),
      figure('o4', '空气质量优良天数比例', 91.2, '%', '2024', 'ratio', 'p2'),
      figure('o5', '人口自然增长率', 6.7, '‰', '2024', 'growth', 'p2'),
      figure('o6', '粮食总产量', 96, '万吨', '2024', 'actual', 'p2'),
      figure('o7', '安排资金', 3.3, '亿元', '2024', 'actual', 'p1'),
    ];
    const asked = (question: string) => valuesAnswered(question, observations);
    expect(asked('贵阳2025年政府工作报告说，2024年能坐的地铁加起来有多长？')).toEqual([120]);
    expect(asked('贵阳2025年政府工作报告说，2024年天蓝、空气好的日子占了几成？')).toEqual([91.2]);
    expect(asked('贵阳2025年政府工作报告说，2024年每一千人里人口净多出来几个？')).toEqual([6.7]);
    expect(asked('贵阳2025年政府工作报告说，2024年地里一共打了多少粮食？')).toEqual([96]);
  });

  it('takes a span asked in words (过去五年, 前五年) as asking for a span’s figure, not the report year’s', () => {
    const observations = [
      figure('o1', '城镇新增就业', 90, '万人', '2025', 'target', 'p1'),
      figure('o2', '城镇新增就业', 520, '万人', '2020-2024', 'actual', 'p2'),
    ];
    expect(valuesAnswered('贵阳2025年政府工作报告里讲，前五年城里一共多给了多少人找到饭碗？', observations)).toEqual([520]);
    expect(valuesAnswered('贵阳2025年政府工作报告里，城镇新增就业目标是多少？', observations)).toEqual([90]);
  });

  it('answers a share asked with the share, not its change in points; the five years to a year as that span', () => {
    const shares = [
      figure('o1', '畜牧业产值占农业总产值比重', 2.8, '个百分点', '2024', 'ratio', 'p1'),
      figure('o2', '畜牧业产值占农业总产值比重', 35.2, '%', '2024', 'ratio', 'p2'),
    ];
    const english = (question: string, observations: Observation[]) =>
      valuesAnswered(question, observations, { language: 'en', terms: ['畜牧业', '农业总产值', '比重', '脱贫'] });
    expect(english('What share of gross agricultural output value did animal husbandry account for in 2024?', shares)).toEqual([35.2]);
    const poverty = [
      figure('o3', '贫困人口脱贫', 20, '万人', '2024', 'actual', 'p1'),
      figure('o4', '贫困人口脱贫', 625, '万人', '2020-2024', 'actual', 'p2'),
    ];
    expect(english('How many poor people were lifted out of poverty over the five years to 2024?', poverty)).toEqual([625]);
  });

  it('answers how many with a count, not a sum of money or a percentage', () => {
    const observations = [
      figure('o1', '旅游收入', 3452.65, '亿元', '2024', 'actual', 'p1'),
      figure('o2', '接待境内外游客', 2.09, '亿人次', '2024', 'actual', 'p2'),
    ];
    const asked = (question: string) => valuesAnswered(question, observations, { language: 'en', terms: ['游客', '旅游'] });
    expect(asked('How many tourists came to Guiyang in 2024?')).toEqual([2.09]);
    expect(asked('How many yuan did tourism bring Guiyang in 2024?')).toEqual([3452.65]);
  });

  it('takes the year a change is measured over (over the 2024 level, than in 2024) as no year asked, and in percent as a percentage', () => {
    const observations = [
      figure('o1', '基本建设投资', 123.7, '亿元', '2024', 'actual', 'p1'),
      figure('o2', '基本建设投资', 22, '亿元', '2025', 'growth_target', 'p2'),
      figure('o3', '基本建设投资', 17.8, '%', '2025', 'growth_target', 'p2'),
    ];
    for (const question of [
      'By what percentage was capital construction investment planned to rise in 2025 over the 2024 estimate?',
      'How much more was planned for capital construction investment in 2025 than in 2024, in percent?',
    ])
      expect(valuesAnswered(question, observations, { language: 'en', terms: ['基本建设', '投资'] }), question).toEqual([17.8]);
  });

  it('answers a question asking what is guaranteed with the floor, and what is striven for with the stretch goal', () => {
    const bound = (id: string, value: number, comparator: Observation['comparator']): Observation => ({
      ...figure(id, '粮食总产量', value, '亿公斤', '2025', 'target', 'p1'),
      comparator,
    });
    const observations = [bound('o1', 5000, '力争'), bound('o2', 4900, '确保')];
    const asked = (question: string) => valuesAnswered(question, observations);
    expect(asked('2025年粮食总产量要保证达到多少？')).toEqual([4900]);
    expect(asked('2025年粮食总产量力争达到多少？')).toEqual([5000]);
  });

  it('answers 多少个 with a count, not a percentage', () => {
    const observations = [
      figure('o1', '扶贫重点县', 10, '%', '2025', 'target', 'p1'),
      figure('o2', '扶持重点县', 29, '个', '2025', 'target', 'p2'),
    ];
    expect(valuesAnswered('2025年集中扶持多少个扶贫重点县？', observations)).toEqual([29]);
  });

  it('answers how many more (多了多少辆) with the count of what was added, over a growth rate', () => {
    const observations = [
      figure('o1', '汽车', 40, '%', '2024', 'growth', 'p1'),
      figure('o2', '新增公交车', 2000, '辆', '2024', 'actual', 'p2'),
    ];
    expect(valuesAnswered('2024年街上多了多少辆公共汽车？', observations)).toEqual([2000]);
  });

  it('takes 总产 and 总产量 for 产量 when matching the indicator asked', () => {
    const observations = [
      figure('o1', '粮食产量', 500, '亿斤', '2025', 'target', 'p1'),
      figure('o2', '粮食总产', 548, '亿斤', '2024', 'actual', 'p2'),
    ];
    expect(valuesAnswered('贵阳2025年政府工作报告中，2024年粮食产量是多少？', observations)).toEqual([548]);
  });

  it('ranks by closeness in meaning when the question shares no word with any figure', () => {
    const observations = [
      figure('o1', '升级改造交通信号灯岗', 700, '处', '2025', 'target', 'p1'),
      figure('o2', '浇建公益性室外滑冰场', 80, '处', '2025', 'target', 'p1'),
    ];
    const question = '冬天玩冰的地方今年多修多少？';
    expect(valuesAnswered(question, observations)).toEqual([700]);
    expect(
      answered(
        inputs(question, observations, {
          similarity: new Map([
            ['o1', 0],
            ['o2', 1],
          ]),
        }),
      ).facts.map((f) => f.value),
    ).toEqual([80]);
  });

  it('takes neither the base year of a change nor the report’s year as the year asked', () => {
    const observations = [
      figure('o1', '工业总产值', 14.3, '%', '1977', 'growth', 'p1'),
      figure('o2', '工业总产值', 13.5, '%', '1978', 'growth', 'p2'),
    ];
    expect(valuesAnswered('1979年国务院报告说，1978年工业总产值比1977年增长多少？', observations)).toEqual([13.5]);
    expect(
      answered(
        inputs('By how much did industrial output grow in 1977 over 1976, according to the 1979 report?', observations, {
          language: 'en',
          terms: ['工业总产值'],
        }),
      ).facts.map((f) => f.value),
    ).toEqual([14.3]);
  });

  it("answers a question naming no year from the latest of the place's reports, even over a better-ranked older one", () => {
    const observations = [
      figure('o1', '地区生产总值', 7, '%', '2024', 'growth_target', 'p1', 'gy2024'),
      figure('o2', '地区生产总值', 6, '%', '2025', 'growth_target', 'p9', 'gy2025'),
    ];
    const scoped = { scope: new Set(['gy2024', 'gy2025']), passages: [passage('p1', 'gy2024')] };
    expect(valuesAnswered('贵阳的地区生产总值增长目标是多少？', observations, scoped)).toEqual([6]);
    expect(valuesAnswered('贵阳2024年地区生产总值增长目标是多少？', observations, scoped)).toEqual([7]);
  });

  it('reads 去年 and 今年 against the year each report plans for', () => {
    const observations = [
      figure('o1', '社会消费品零售总额', 9, '%', '2025', 'growth_target', 'p1'),
      figure('o2', '社会消费品零售总额', 7.4, '%', '2024', 'growth', 'p2'),
    ];
    expect(valuesAnswered('买东西去年涨了多少？', observations)).toEqual([7.4]);
    expect(valuesAnswered('买东西今年要涨多少？', observations)).toEqual([9]);
  });

  it('names an English question’s indicator through its translated terms', () => {
    const facts = answered(
      inputs(
        'How many new urban jobs did the city target?',
        [
          figure('o1', '升级改造交通信号灯岗', 700, '处', '2025', 'target', 'p1'),
          figure('o2', '新增城镇就业', 9, '万人', '2025', 'target', 'p2'),
        ],
        { language: 'en', terms: ['城镇新增就业', '目标'] },
      ),
    ).facts;
    expect(facts.map((f) => f.value)).toEqual([9]);
  });

  it('takes the figure whose name holds most of what an English question asks, over a shorter name it half holds', () => {
    const facts = answered(
      inputs(
        "How much did people living in Guiyang's villages earn per head in 2024?",
        [
          figure('o1', '低收入人口', 61, '万人', '2024', 'actual', 'p1'),
          figure('o2', '农村居民人均纯收入', 2588, '元', '2024', 'actual', 'p1'),
        ],
        { language: 'en', terms: ['村', '人均', '收入', '居民', '2024'] },
      ),
    ).facts;
    expect(facts.map((f) => f.value)).toEqual([2588]);
  });

  it('states a figure given twice by its precise form (13902.67亿元 over 1.39万亿元), but not a different amount', () => {
    const twice = (rounded: number) => [
      figure('o1', '地区生产总值', rounded, '万亿元', '2021-2025', 'actual', 'p1'),
      figure('o2', '地区生产总值', 13902.67, '亿元', '2025', 'actual', 'p2'),
    ];
    expect(valuesAnswered('2024年地区生产总值是多少？', twice(1.39))).toEqual([13902.67]);
    expect(valuesAnswered('2024年地区生产总值是多少？', twice(1.5))).toEqual([1.5]);
  });

  it('reads "go up" as asking for a change, and states a fall as a fall', () => {
    const rural = [
      figure('o1', '农村常住居民人均可支配收入', 2, '万元', '2024', 'actual', 'p1'),
      figure('o2', '农村常住居民人均可支配收入', 10, '%', '2024', 'growth', 'p1'),
    ];
    const up = answered(inputs("How much did rural residents' incomes go up in 2024?", rural, { language: 'en', terms: ['农村', '收入'] }));
    expect(up.facts.map((f) => f.value)).toEqual([10]);
    const fall = answered(
      inputs('2025年单位地区生产总值能耗降低多少？', [figure('o1', '单位地区生产总值能耗', -2.11, '%', '2025', 'growth_target', 'p1')]),
    );
    expect(fall.text).toContain('目标下降2.11%');
    expect(fall.text).not.toContain('-2.11');
  });

  it('states a share beside its change in points without a meaningless difference', () => {
    const answer = answered(
      inputs(
        '研发投入比重2024年和2025年目标各是多少？',
        [
          figure('o1', '研究与试验发展经费支出占地区生产总值比重', 2.7, '%', '2024', 'actual', 'p1'),
          figure('o2', '研究与试验发展经费支出占地区生产总值比重', 0.1, '个百分点', '2025', 'target', 'p2'),
        ],
        { intent: 'indicator_comparison' },
      ),
    );
    expect(answer.facts.map((f) => f.value)).toEqual([2.7, 0.1]);
    expect(answer.text).not.toMatch(/高|低/);
  });
});

describe('distractor reports', () => {
  it('takes every k-th member, leaving out the questions’ own, the same on every call', () => {
    const members = Array.from({ length: 20 }, (_, i) => `m${String(i).padStart(2, '0')}.md`);
    const chosen = distractorMembers(members, new Set(['m00.md']), 5);
    expect(chosen).toEqual(['m01.md', 'm04.md', 'm07.md', 'm10.md', 'm13.md']);
    expect(distractorMembers(members, new Set(['m00.md']), 5)).toEqual(chosen);
  });
});
