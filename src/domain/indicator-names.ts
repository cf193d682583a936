// Indicator names: the canonical name of each common indicator and the other ways reports write it. Ingest names
// observations by it; search reads a question's written form as the same indicator.

/** Canonical indicator names and the other ways reports write them. */
const CANONICAL_INDICATORS: Readonly<Record<string, readonly string[]>> = {
  地区生产总值: ['生产总值', '全市生产总值', '全区生产总值', '全县生产总值', '全省生产总值', 'GDP', '地区生产总值(GDP)'],
  国内生产总值: ['国内生产总值(GDP)'],
  一般公共预算收入: ['地方一般公共预算收入', '公共财政预算收入', '地方公共财政预算收入', '一般公共预算收入(地方财政收入)'],
  一般公共预算支出: ['公共财政预算支出', '地方一般公共预算支出'],
  财政总收入: ['财政收入总额'],
  固定资产投资: ['全社会固定资产投资', '固定资产投资总额'],
  社会消费品零售总额: ['全社会消费品零售总额', '社会消费品零售额'],
  外贸出口总额: ['外贸出口', '出口总额', '货物出口', '自营出口'],
  进出口总额: ['外贸进出口总额', '货物进出口总额', '外贸进出口'],
  城镇常住居民人均可支配收入: ['城镇居民人均可支配收入', '城市居民人均可支配收入'],
  农村常住居民人均可支配收入: ['农村居民人均可支配收入', '农民人均可支配收入'],
  城镇登记失业率: ['城镇登记失业率'],
  居民消费价格: [
    '居民消费价格涨幅',
    '居民消费价格总水平',
    '居民消费价格指数',
    'CPI',
    '居民消费价格总水平涨幅',
    '居民消费价格指数涨幅',
    '居民消费价格上涨',
    '物价总水平',
    '居民消费价格总水平上涨',
  ],
  研发经费支出占地区生产总值比重: [
    '研究与试验发展经费支出占地区生产总值比重',
    'R&D经费支出占地区生产总值比重',
    '研发投入占地区生产总值比重',
    '全社会研发投入占地区生产总值比重',
    '全社会研发经费支出占地区生产总值比重',
    '研发经费投入强度',
  ],
  单位地区生产总值能耗: ['单位生产总值能耗', '单位GDP能耗', '万元GDP能耗', '万元生产总值能耗'],
  空气质量优良率: ['空气质量优良天数比例', '空气优良率'],
  实际利用外资: ['实到外资', '实际到位外资', '实际使用外资'],
  城镇新增就业: ['新增城镇就业', '城镇新增就业人数', '新增城镇就业人数'],
  农村居民人均纯收入: ['农民人均纯收入'],
  旅游总收入: ['旅游业总收入'],
  规模以上工业增加值: ['规上工业增加值', '全部规模以上工业增加值'],
  常住人口城镇化率: ['城镇化率', '常住人口城市化率', '城市化率'],
  服务业增加值占地区生产总值比重: ['第三产业增加值占地区生产总值比重', '三产增加值占地区生产总值比重'],
};

const ALIAS_TO_CANONICAL: ReadonlyMap<string, string> = new Map(
  Object.entries(CANONICAL_INDICATORS).flatMap(([name, aliases]) => [[name, name] as const, ...aliases.map((a) => [a, name] as const)]),
);

export function canonicalIndicator(name: string): string {
  return ALIAS_TO_CANONICAL.get(name) ?? name;
}

/** Whether a name is one of the indicators reports name alone (外贸出口), canonical or alias. */
export function isKnownIndicator(name: string): boolean {
  return ALIAS_TO_CANONICAL.has(name);
}

/**
 * The canonical names of the indicators a text writes in another form (研究与试验发展经费支出占地区生产总值的比重 →
 * 研发经费支出占地区生产总值比重), so a question matches the name its figures were stored under.
 */
export function canonicalIndicatorsIn(text: string): string[] {
  const plain = text.replace(/的/g, '');
  return [
    ...new Set(
      [...ALIAS_TO_CANONICAL]
        .filter(([alias, name]) => alias !== name && alias.length >= 3 && plain.includes(alias))
        .map(([, name]) => name),
    ),
  ];
}
