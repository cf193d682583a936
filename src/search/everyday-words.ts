// Everyday words for what reports name in policy terms (城里人 → 城镇居民, 到手能花的钱 → 可支配收入, 穷人 → 贫困人口): a
// question in plain speech shares no characters with the indicator it asks about, so the direct answer adds these
// policy words to the question's own when it ranks figures by name (English ones too, below). Generic vocabulary of the genre, not any
// report's: the phrases people use for the statistics every report gives.
const EVERYDAY: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/城里人|城里的人|城市里的人/, ['城镇居民', '城镇']],
  [/乡下人|农村人|村里人|种地的人|种田的人/, ['农村居民', '农民']],
  [/种地放牧|种田放牧/, ['农牧民']],
  [/放牧的人/, ['牧民']],
  [/穷人|穷的人|过穷日子/, ['贫困人口', '贫困']],
  [/老人家|老人/, ['老年', '养老']],
  [/看病|看个病|瞧病/, ['医疗', '就医']],
  [/上学|念书/, ['教育', '学校']],
  [/孩子|娃娃|小孩/, ['儿童', '学生']],
  [/打工|上班族|干活的人/, ['职工', '务工', '工资']],
  [/找工作|找到工作|有活干|饭碗/, ['就业']],
  [/没工作|没活干/, ['失业']],
  [/工钱|薪水|能拿的钱/, ['工资']],
  [/到手能花的钱|能花的钱|可以花的钱|到手的钱|口袋里的钱/, ['可支配收入', '收入']],
  [/挣多少|挣了|挣的钱|赚多少|赚了/, ['收入']],
  [/房子|住的地方/, ['住房']],
  [/公共汽车|大巴|巴士/, ['公交']],
  [/再买|新买|多买/, ['新购', '购置']],
  [/修路|马路/, ['公路', '道路']],
  [/蓝天|好天|雾霾天/, ['空气质量', '优良天数']],
  [/种树|种了多少树/, ['造林', '植树', '绿化']],
  [/打粮|收粮|打的粮/, ['粮食']],
  [/来玩的人|旅游的人|来玩/, ['旅游', '游客']],
  [/东西.{0,8}贵|涨价|物价/, ['居民消费价格', '零售价格', '物价']],
  [/买东西|买的东西|商店里/, ['社会消费品零售总额', '商品零售总额', '零售']],
  [/厕所|茅房/, ['公厕', '厕所']],
  [/存的钱|存钱|存在银行/, ['储蓄存款', '存款']],
  [/生孩子|生娃/, ['出生']],
  [/用电/, ['用电量', '电力']],
  [/自来水|吃水|喝的水/, ['供水', '饮用水']],
  [/上网|网速/, ['宽带', '互联网']],
  [/坐飞机/, ['机场', '旅客吞吐量']],
  [/坐火车/, ['铁路']],
  [/外国人投资|外国的钱|外商/, ['外资']],
  [/卖到国外|卖给外国|卖出国/, ['出口']],
  [/收的税|收税/, ['税收', '财政收入']],
  [/政府花的钱|政府花钱/, ['财政支出']],
  [/停车的地方|停车的位子|车位/, ['停车位', '停车']],
  [/经济总量|经济规模|经济盘子/, ['生产总值']],
  // English everyday phrasings: they name the figure asked, but as search terms (居民, 住房, 消费) they would match
  // too much, so they rank figures only, like the Chinese ones above.
  [/\bpeople\b/i, ['居民']],
  [/\bearn(?:s|ed|ings)?\b|\b(?:take|took|takes) home\b/i, ['收入']],
  [/\bpeasants\b|\bvillagers\b|\brural people\b/i, ['农村居民', '农民']],
  [/\bcity (?:dwellers?|residents?)\b|\btownspeople\b/i, ['城镇居民', '城市居民']],
  [/\bshoppers\b|\bshopping\b|\bconsumer spending\b/i, ['社会消费品零售总额', '消费']],
  [/\bcost of living\b|\binflation\b|\bpricier\b|\bmore expensive\b/i, ['居民消费价格', '物价']],
  [/\b(?:money|have) to spend\b|\bspending money\b/i, ['可支配收入']],
  [/\bhomes\b|\bflats\b|\bapartments\b/i, ['住房']],
  [/\bjobless\b|\bout of work\b/i, ['失业']],
  [/\bvisitors\b/i, ['游客']],
  [/\bsold abroad\b/i, ['出口']],
  [/\bharvest\b/i, ['粮食', '产量']],
  [/\btrees planted\b/i, ['造林']],
  [/\bsize of the economy\b/i, ['生产总值', '经济总量']],
  [/\bon average\b/i, ['年均']],
  // The average farmer, villager or townsman and what he takes home: a per-head income of that group.
  [/\baverage (?:farmer|rural resident|villager|peasant|herder|herdsman|farming household)s?\b/i, ['农村居民', '农民', '人均']],
  [/\baverage (?:urban|city|town) (?:resident|dweller|worker|household)s?\b/i, ['城镇居民', '人均']],
  [/\bfarmers?\b/i, ['农村居民']],
  [/\bat (?:their|his|her) disposal\b/i, ['可支配收入']],
  [/\beconom(?:y|ies)\b[^?]*\b(?:grow|grew|grown|growing|expand|expanded)\b|\beconomic growth\b/i, ['生产总值', '经济增长']],
  [/\bhow many people (?:lived|live|were living|are living|were there)\b/i, ['人口', '常住人口', '人口总数']],
];

/** The policy words for the everyday phrases a question uses (none for a question in the reports' own words). */
export function policyWordsFor(question: string): string[] {
  return [...new Set(EVERYDAY.flatMap(([phrase, words]) => (phrase.test(question) ? words : [])))];
}
