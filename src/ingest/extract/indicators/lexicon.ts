// Generic vocabulary of government work reports used to find indicator names and read statements.
// Nothing here names a particular place: these are the words any report uses around its figures.

/** Canonical indicator names and the other ways reports write them. */
export const CANONICAL_INDICATORS: Readonly<Record<string, readonly string[]>> = {
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
    '居民消费价格涨幅', '居民消费价格总水平', '居民消费价格指数', 'CPI', '居民消费价格总水平涨幅', '居民消费价格指数涨幅',
    '居民消费价格上涨', '物价总水平', '居民消费价格总水平上涨',
  ],
  研发经费支出占地区生产总值比重: [
    '研究与试验发展经费支出占地区生产总值比重', 'R&D经费支出占地区生产总值比重', '研发投入占地区生产总值比重',
    '全社会研发投入占地区生产总值比重', '全社会研发经费支出占地区生产总值比重', '研发经费投入强度',
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

/** Words that open a clause without being part of the metric (sorted longest first when used). */
export const LEADING_FILLERS = [
  '其中', '全年', '今年', '去年', '当年', '预计', '仅', '拟安排', '拟', '将', '由于', '已经', '现在', '目前', '成为', '唯一', '同时', '另外', '此外', '还', '共', '就是', '总共', '一年来', '五年来', '五年',
  '过去五年', '今后五年', '累计完成', '累计实现', '累计', '完成', '实现了', '实现', '确保', '力争', '争取', '努力', '预计', '成功',
  '基本建成', '基本完成', '基本实现', '全面', '积极', '继续', '进一步', '加快推进', '加快', '推动', '预期', '目标', '主要预期目标为', '主要预期目标是',
  '投入', '涌现出了', '涌现出', '使', '让', '达到', '建设', '建成', '创成', '实施', '培育', '举办', '组织开展', '开展', '组织',
  '启动', '推进', '提前实现', '提前', '跻身', '在',
];

/** Scope words that prefix a metric (全市生产总值); dropped when a real name follows. */
export const SCOPE_PREFIXES = ['全区', '全市', '全县', '全省', '全国', '全镇', '全州', '全盟', '全旗', '我国', '我省', '我市', '我区', '我县'];

/** Verbs and adverbs between a metric and its figure; stripped from the end of the metric text. */
export const TRAILING_PREDICATES = [
  '分别达到', '分别增长', '分别下降', '分别提高', '分别为', '年均增长', '年均下降', '同比增长', '同比下降', '首次超过', '首次突破',
  '提高到', '提升到', '上升到', '增加到', '下降到', '降低到', '减少到', '提高至', '提升至', '上升至', '增加至', '下降至', '降低至',
  '降至', '降到', '控制在', '保持在', '稳定在', '调整为', '达到了', '达到', '达', '为', '是', '增长了', '增长', '下降', '上升', '提高',
  '提升', '降低', '减少', '增加', '回落', '突破', '首破', '破', '超过', '超出', '超', '逾', '近', '约为', '约', '共计', '合计', '总计',
  '累计', '确保', '力争', '争取', '努力', '年均', '分别', '同比', '比上年', '比去年', '较上年', '较去年', '均', '首次', '实现', '完成',
  '基本', '或优于', '优于', '由', '从', '在', '仍', '继续', '保持', '居', '位居', '位列', '列', '预计', '不低于', '不高于', '不超过',
  '低于', '高于', '发展到', '平均', '实际', '升至', '增至', '达至', '拟按', '按', '比增', '比降', '递增', '递减', '就',
  '不少于', '多于', '少于', '按照', '最高', '最低', '最多', '最少', '最长', '扩大至', '扩大到', '至', '到', '已经', '已',
];

/** Verbs that may stand before a figure when the figure counts the noun that follows (建成7家养老服务中心). */
export const LEAD_VERBS = [
  '引进', '新引进', '完成', '建成', '新建', '建设', '启动', '实施', '安排', '选派', '申发', '发行', '打造', '培育', '新培育', '举办',
  '开展', '推进', '加快推进', '加快', '投入', '投资', '新增', '创建', '创成', '组织', '争取', '力争', '确保', '实现', '达到', '在', '对',
  '有', '改造', '建立', '设立', '组建', '招引', '签约', '落地', '开工', '竣工', '新开工', '续建', '提供', '发放', '帮助', '资助', '吸纳',
  '成功', '努力', '重点', '全力', '着力', '拥有', '形成', '再造', '拉动', '带动', '整治提升', '改造提升', '整治', '兼并重组', '关停',
  '淘汰', '关闭', '治理', '拆除', '清理', '处置', '竣工', '开工', '新开工', '开工建设',
];

/** Verbs that end a counted noun phrase wherever they stand (7家养老服务中心建成投用 → 养老服务中心). */
export const NOUN_PHRASE_ENDERS = [
  '建成', '推进', '扎实', '积极', '加快', '展现', '试点(?=建设|开展|推行|实施)', '到', '上有', '上取得', '投用', '开工', '竣工',
  '完成', '落户', '开业', '运营', '全面', '基本', '顺利', '正式', '入选', '入围', '通过', '列入', '得到', '获批', '获得', '开展',
  '发展(?=迅速|良好|势头|壮大)',
];

/** Verbs that also form nouns (项目建设现场): they end a counted noun phrase only when little follows them. */
export const NOUN_PHRASE_TAILS = ['建设', '改造', '创建', '提升', '实施', '整治', '工作'];

/** Words that start a predicate: text after a figure that begins with one of these is not a counted noun. */
export const PREDICATE_STARTS = [
  '增长', '下降', '提高', '提升', '上升', '降低', '减少', '增加', '回落', '调整', '达到', '突破', '超过', '以上', '以下', '以内', '左右',
  '的', '和', '及', '与', '或', '等', '、', '其中', '分别', '同比', '占', '比', '较', '居', '位居', '列', '实现', '完成', '建成', '投用',
  '开工', '到位', '落地', '签约', '用于', '成为', '获', '是', '为', '在', '已', '均', '共', '左', '多', '余', '内', '以', '之',
  '发展', '扩大', '跃升', '攀升', '缩小', '增至', '升至', '安排', '压减', '压缩', '缩减', '削减', '控制', '大关', '台阶', '水平',
];

/** Names without Chinese characters that are still indicators. */
export const ASCII_INDICATORS = /^(GDP|CPI|PPI|PMI|PM2\.5|PM10|COD|SO2|R&D)/i;

/** Words a figure's change is stated with, and the direction of the change. */
export const CHANGE_VERBS: ReadonlyArray<readonly [string, 1 | -1]> = [
  ['增长', 1], ['增加', 1], ['提高', 1], ['提升', 1], ['上升', 1], ['上涨', 1], ['增幅', 1], ['增速', 1], ['涨幅', 1],
  ['比增', 1], ['递增', 1],
  ['下降', -1], ['降低', -1], ['减少', -1], ['回落', -1], ['下跌', -1], ['降幅', -1], ['减', -1], ['比降', -1], ['递减', -1],
];

/** Words after a rate that make it a growth rate (保持10%以上的增长速度, 按年均35%的速度递增). */
export const GROWTH_AFTER = /^的?(?:年均)?(?:增长速度|增长|增速|速度递增|速度增长|增幅)/;

/** A change verb followed by one of these states a level reached, not a change (提高到78.4%). */
export const LEVEL_AFTER_CHANGE = ['到', '至', '为'];

/** Metric words that make a percentage a share of a whole rather than a rate. */
export const SHARE_PATTERN = /比重|占比|比例|^占|占[\u4e00-\u9fa5]{1,20}(比重|的比重)?$/;

/** Attribute words that refine the previous metric (…59.65亿元, 增幅居全市第一). */
export const ATTRIBUTE_WORDS = ['增幅', '增速', '增长率', '总量', '规模', '排名', '位次'];

/**
 * Measures said of the thing the sentence is about (棉花面积…，总产175万吨): alone, a clause's measure is of the thing
 * the clause before measured.
 */
export const MEASURE_WORDS = ['总产量', '总产', '产量', '单产', '播种面积', '面积'];

/** Population groups a paired statement distributes over (城乡居民收入分别…). */
export const GROUP_WORDS = ['城镇', '城市', '城区', '农村', '乡村', '农民', '城乡'];

/** Head nouns an enumeration of metrics shares (规上工业、服务业增加值 → …增加值). */
export const HEAD_NOUNS = [
  '增加值', '总产值', '生产总值', '产值', '总收入', '收入', '支出', '总额', '投资', '人数', '起数', '数量', '规模', '里程',
  '面积', '价格', '指数', '增速', '增幅', '比重', '占比', '消费', '总量', '产量', '销售额', '利润', '税收', '出口', '进口',
];

/** Single-character heads, which an enumeration shares together with the word before them (参保率, 销售额). */
export const SHORT_HEAD = /[\u4e00-\u9fa5]{2}[率额量数]$/;

/** Words comparing a figure with an earlier one: a change in count or size, not a level (比上年增加18天). */
export const COMPARED_WITH = /比上年|比去年|较上年|较去年|同比|上年同期|(?:较|比)(?:19|20)\d{2}年/;

/** Words that mark a statement as forward-looking when the document structure does not say. */
export const FORWARD_WORDS = /力争|确保|预期|目标|计划|争取|将要|要把|要实现|今年|明年|到20\d\d年|努力实现/;

/** Verbs with which a subject enters a league or a ranked list (获…50强, 入围…500强, 居全省十强). */
export const LEAGUE_VERBS = /入围|入选|评为|列入|跻身|进入|位列|荣膺|获|居/;
