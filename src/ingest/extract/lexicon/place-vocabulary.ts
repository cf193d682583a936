// Generic place vocabulary: suffixes that end place names, the kinds they imply, and the common words that
// look like place names. Nothing here names a particular report's places.
import type { PlaceKind } from '../../../domain/schemas.ts';

/** Administrative suffixes, longest first; resolution strips them (萧山区 / 萧山 → 萧山). */
export const ADMIN_SUFFIXES: ReadonlyArray<readonly [string, PlaceKind]> = [
  ['特别行政区', 'region'],
  ['自治区', 'province'],
  ['自治州', 'city'],
  ['自治县', 'county'],
  ['街道', 'subdistrict'],
  ['省', 'province'],
  ['市', 'city'],
  ['县', 'county'],
  ['区', 'district'],
  ['镇', 'town'],
  ['乡', 'township'],
];

/** Endings that look administrative but belong to zone names: 经济开发区 is not a 区 called 经济开发. */
export const NON_ADMIN_ENDINGS = [
  '开发区',
  '高新区',
  '新区',
  '园区',
  '景区',
  '度假区',
  '风景区',
  '示范区',
  '试验区',
  '实验区',
  '保税区',
  '自贸区',
  '集聚区',
  '功能区',
  '城区',
  '城市',
  '上市',
  '超市',
  '社区',
  '小区',
  '片区',
  '街区',
  '港区',
  '湾区',
  '合作区',
  '保护区',
  '产业区',
  '工业区',
  '先行区',
  '小镇',
  '强镇',
  '古镇',
  '名镇',
  '城镇',
  '集镇',
  '重镇',
  '中心镇',
  '新市',
  '都市区',
  '市区',
  '地区',
  '名胜区',
  '科技城',
];

/**
 * Zone designations written in full or abbreviated, short form first: 合肥高新区 and 合肥高新技术产业开发区 are one zone.
 * 经开区 abbreviates both the national 经济技术开发区 and the provincial 经济开发区; a place has one or the other.
 */
export const DESIGNATION_FORMS: ReadonlyArray<readonly string[]> = [
  ['高新区', '高新技术产业开发区'],
  ['经开区', '经济技术开发区', '经济开发区'],
  ['综保区', '综合保税区'],
  ['自贸区', '自由贸易试验区', '自贸试验区'],
  ['自创区', '自主创新示范区'],
  ['跨境电商综合试验区', '跨境电子商务综合试验区'],
];

/** Characters in front of 镇 that make it part of a common word (小城镇, 乡镇, 中心镇, 特色小镇). */
export const TOWN_BODY_LAST_CHAR_BLOCK = new Set([...'小强城乡集重古名心制范色星业市区县村个各型级类点']);
/** Characters after 乡 that make it a word (乡村, 乡镇, 乡愁, 乡贤). */
export const TOWNSHIP_NEXT_BLOCK = new Set([...'村镇愁贤土亲情风音俗里间野邻民']);
/** Characters before 乡 that make it a word (城乡, 家乡, 下乡, 之乡). */
export const TOWNSHIP_BODY_LAST_CHAR_BLOCK = new Set([...'城家下返回故老同之水异他外本思望爱还归梓桑带促治兴建']);
/** Bodies of 街道 that are not names (城市街道, 所有街道). */
export const SUBDISTRICT_BODY_BLOCK = new Set(['城市', '所有', '各个', '全部', '主要', '城区', '社区', '乡镇', '背街']);

export interface SuffixRule {
  suffix: string;
  kind: string;
  minBody: number;
  maxBody: number;
  letters?: boolean;
  digitsOnly?: boolean;
  /** Characters right after the suffix that turn it into another word (河道, 江堤). */
  nextBlock?: string;
  /** Words after the suffix that keep the name although their first character is in nextBlock (淮河|流域, not 河流). */
  nextAllow?: readonly string[];
  /** Last body characters that make a word with the suffix (电池, 校园). */
  lastBlock?: string;
  /** Words that are generic in front of this suffix (湿地公园). */
  generic?: readonly string[];
  /**
   * The dictionary lists some names of this kind as plain nouns (饮马河, 团结湖): a three-character noun counts as a
   * name unless its body is generic (人工湖, 内陆河).
   */
  dictionaryNounsNamed?: boolean;
  /** A count after the name marks a class of things, not a named place. */
  countMeansClass?: boolean;
  /**
   * What the body must be: `named` holds a name (鼋头渚景区; not 5A级旅游景区, 文艺演出进景区, 港口航道), `noVerb` holds
   * no verb (大熊猫国家公园; not 增强国家公园). Designations that are as often a description need it.
   */
  body?: 'named' | 'noVerb';
}

/** Kinds and sizes of power stations, not names (光伏电站, 骨干水电站, 抽水蓄能电站). */
const POWER_GENERIC = ['光伏', '骨干', '小型', '中型', '大型', '大中型', '抽水蓄能', '分布式', '农村', '梯级', '径流式'];

/** What kind of water body it is, not which (人工湖, 内陆河, 季节河). */
const WATER_CLASS_BODIES = [
  '人工',
  '内陆',
  '地下',
  '季节',
  '淡水',
  '咸水',
  '间歇',
  '断层',
  '冰蚀',
  '构造',
  '层结',
  '牛轭',
  '辫状',
  '堰塞',
  '城市',
  '景观',
];

export const WATER_RULES: readonly SuffixRule[] = [
  { suffix: '水库', kind: 'reservoir', minBody: 2, maxBody: 5, nextBlock: '区' },
  { suffix: '水利枢纽', kind: 'reservoir', minBody: 2, maxBody: 4 },
  { suffix: '水电站', kind: 'reservoir', minBody: 2, maxBody: 4, countMeansClass: true, generic: POWER_GENERIC },
  {
    suffix: '电站',
    kind: 'reservoir',
    minBody: 2,
    maxBody: 3,
    countMeansClass: true,
    lastBlock: '水核火光风电充换',
    generic: POWER_GENERIC,
  },
  { suffix: '干渠', kind: 'river', minBody: 2, maxBody: 4 },
  { suffix: '运河', kind: 'river', minBody: 2, maxBody: 4 },
  { suffix: '河湖', kind: 'lake', minBody: 2, maxBody: 3 },
  { suffix: '江', kind: 'river', minBody: 1, maxBody: 4, nextBlock: '堤岸畔边面湖山南北城通海滩', lastBlock: '跨沿滨临过渡' },
  {
    suffix: '河',
    kind: 'river',
    minBody: 1,
    maxBody: 4,
    nextBlock: '道流长床岸堤网湖段口',
    nextAllow: ['流域'],
    lastBlock: '跨沿临过渡',
    dictionaryNounsNamed: true,
    generic: WATER_CLASS_BODIES,
  },
  {
    suffix: '湖',
    kind: 'lake',
    minBody: 1,
    maxBody: 4,
    nextBlock: '泊畔面岸边区',
    dictionaryNounsNamed: true,
    generic: WATER_CLASS_BODIES,
  },
  { suffix: '池', kind: 'lake', minBody: 2, maxBody: 3, nextBlock: '塘子', lastBlock: '电水泳浴粪淀储蓄污沉' },
  { suffix: '渠', kind: 'river', minBody: 2, maxBody: 3, nextBlock: '道' },
  // Pearl River delta waterways and creeks (某某水道, 某某涌); not 涌现, 汹涌, 泉涌, nor 河涌 (creeks as a class).
  { suffix: '水道', kind: 'river', minBody: 2, maxBody: 4, generic: [...WATER_CLASS_BODIES, '航运', '内河', '主要', '天然', '骨干'] },
  { suffix: '涌', kind: 'river', minBody: 2, maxBody: 4, nextBlock: '现入动出来向进起流', lastBlock: '汹泉奔喷云潮河' },
  { suffix: '溪', kind: 'river', minBody: 2, maxBody: 3, nextBlock: '流' },
  { suffix: '埂', kind: 'area', minBody: 2, maxBody: 3 },
  {
    suffix: '湿地',
    kind: 'lake',
    minBody: 2,
    maxBody: 4,
    nextBlock: '公保资生修面',
    generic: [
      '国家',
      '城市',
      '滨海',
      '沿海',
      '湖泊',
      '人工',
      '自然',
      '重要',
      '国际重要',
      '红树林',
      '退化',
      '高原',
      '湖滨',
      '库区',
      '河流',
      '沼泽',
    ],
    body: 'named',
  },
];

/** Characters that describe water or landscape in general: a body made only of them names nothing (山水林湖). */
export const GEO_GENERIC_CHARS = new Set([
  ...'山水林田湖草江河海沙大小各全多内外沿两一二三四五六七八九十百千万城乡村跨滨临护界运人母干支主入出过渡上下前后左右清治污净排引调蓄供饮用',
]);
/** Characters that cannot start a one-character water name (沿江, 跨河, 大湖). */
export const WATER_SINGLE_BODY_BLOCK = new Set([
  ...'沿跨滨临过渡各全大小内外两一入出上下护界运人母干支主清治污净排引调蓄供饮用江河湖海山水',
]);

/** Common words written like water names. */
export const WATER_WORD_BLOCK = new Set([
  '江河',
  '河湖',
  '江湖',
  '山河',
  '长河',
  '银河',
  '星河',
  '冰河',
  '内河',
  '界河',
  '外河',
  '江海',
  '湖海',
  '河海',
  '河川',
  '山川',
  '护城河',
  '人工湖',
  '水池',
  '泳池',
  '电池',
  '差池',
  '城池',
  '沟渠',
  '水渠',
  '溪',
  '江山',
  '湖水',
  '河水',
  '大河',
  '小河',
  '大江',
  '大湖',
  '长河',
  '江湖',
]);

export const ZONE_RULES: readonly SuffixRule[] = [
  { suffix: '经济技术开发区', kind: 'zone', minBody: 2, maxBody: 8 },
  { suffix: '高新技术产业开发区', kind: 'zone', minBody: 2, maxBody: 8 },
  { suffix: '开发区', kind: 'zone', minBody: 2, maxBody: 8, countMeansClass: true },
  { suffix: '高新区', kind: 'zone', minBody: 2, maxBody: 6 },
  { suffix: '度假区', kind: 'zone', minBody: 2, maxBody: 8 },
  { suffix: '风景名胜区', kind: 'zone', minBody: 2, maxBody: 6 },
  { suffix: '风景区', kind: 'zone', minBody: 2, maxBody: 6 },
  { suffix: '自贸区', kind: 'zone', minBody: 2, maxBody: 6 },
  { suffix: '保税区', kind: 'zone', minBody: 2, maxBody: 6 },
  {
    suffix: '商务区',
    kind: 'zone',
    minBody: 2,
    maxBody: 6,
    countMeansClass: true,
    generic: ['中央', '中心', '国际', '金融', '总部', '商业', '现代', '高端', '城市'],
  },
  { suffix: '试验区', kind: 'zone', minBody: 2, maxBody: 8, generic: ['综合', '改革', '创新', '配套'] },
  { suffix: '科技城', kind: 'zone', minBody: 2, maxBody: 6, countMeansClass: true },
  { suffix: '科学城', kind: 'zone', minBody: 2, maxBody: 6, countMeansClass: true, body: 'named' },
  { suffix: '科创城', kind: 'zone', minBody: 2, maxBody: 6, countMeansClass: true, body: 'named' },
  { suffix: '未来城', kind: 'zone', minBody: 2, maxBody: 6, countMeansClass: true, body: 'named' },
  { suffix: '生态城', kind: 'zone', minBody: 2, maxBody: 6, countMeansClass: true, body: 'named' },
  { suffix: '产业集聚区', kind: 'zone', minBody: 2, maxBody: 6, countMeansClass: true },
  { suffix: '名胜区', kind: 'zone', minBody: 2, maxBody: 6 },
  {
    suffix: '景区',
    kind: 'area',
    minBody: 2,
    maxBody: 8,
    countMeansClass: true,
    generic: ['旅游', 'A级', '国家级', '精品', '热门', '重点', '核心', '主要'],
    body: 'named',
  },
  { suffix: '国家公园', kind: 'park', minBody: 2, maxBody: 5, body: 'noVerb' },
  { suffix: '先导区', kind: 'zone', minBody: 2, maxBody: 8, countMeansClass: true, body: 'named' },
  { suffix: '国家文化公园', kind: 'park', minBody: 2, maxBody: 4, body: 'noVerb' },
  { suffix: '考古遗址公园', kind: 'park', minBody: 2, maxBody: 6, body: 'noVerb' },
  { suffix: '林场', kind: 'area', minBody: 2, maxBody: 4, countMeansClass: true, body: 'named' },
  { suffix: '灌区', kind: 'area', minBody: 2, maxBody: 4, countMeansClass: true, body: 'named' },
  { suffix: '新区', kind: 'newtown', minBody: 2, maxBody: 6, countMeansClass: true },
  { suffix: '新城', kind: 'newtown', minBody: 2, maxBody: 6, countMeansClass: true, generic: ['科技', '产业', '生态', '智慧'] },
  { suffix: '产业园', kind: 'park', minBody: 2, maxBody: 8, countMeansClass: true },
  { suffix: '科技园', kind: 'park', minBody: 2, maxBody: 6, countMeansClass: true },
  { suffix: '工业园区', kind: 'park', minBody: 2, maxBody: 6, countMeansClass: true },
  { suffix: '工业园', kind: 'park', minBody: 2, maxBody: 6, countMeansClass: true },
  { suffix: '创业园', kind: 'park', minBody: 2, maxBody: 6, countMeansClass: true },
  { suffix: '物流园', kind: 'park', minBody: 2, maxBody: 6, countMeansClass: true },
  { suffix: '软件园', kind: 'park', minBody: 2, maxBody: 6, countMeansClass: true },
  { suffix: '合作园', kind: 'park', minBody: 2, maxBody: 8, countMeansClass: true },
  { suffix: '小镇', kind: 'park', minBody: 2, maxBody: 8, letters: true, countMeansClass: true },
  { suffix: '强镇', kind: 'park', minBody: 2, maxBody: 6, countMeansClass: true, generic: ['产业', '农业产业', '经济', '工业', '教育'] },
  {
    suffix: '公园',
    kind: 'park',
    minBody: 2,
    maxBody: 8,
    countMeansClass: true,
    // A city's 人民公园 or 儿童公园 is that park, though the dictionary has the words; 街心公园 is a kind.
    dictionaryNounsNamed: true,
    generic: [
      '街心',
      '街角',
      '城市',
      '休闲',
      '公共',
      '综合',
      '山体',
      '名山',
      '绿化',
      '湿地',
      '森林',
      '郊野',
      '体育',
      '主题',
      '社区',
      '口袋',
      '文化',
      '遗址',
      '考古遗址',
      '滨江',
      '滨河',
      '街头',
      '国家',
      '地质',
      '海洋',
      '农业',
    ],
  },
  { suffix: '园', kind: 'park', minBody: 3, maxBody: 6, nextBlock: '区林艺长丁地内中', lastBlock: '办建入开游', countMeansClass: true },
  { suffix: '遗址', kind: 'park', minBody: 2, maxBody: 6, generic: ['考古', '文化', '历史', '工业', '革命', '文物', '历史文物'] },
  { suffix: '历史文化街区', kind: 'area', minBody: 2, maxBody: 4, countMeansClass: true },
  { suffix: '历史文化片区', kind: 'area', minBody: 2, maxBody: 4, countMeansClass: true },
  { suffix: '历史街区', kind: 'area', minBody: 2, maxBody: 4, countMeansClass: true },
  // A quarter being rebuilt, named by a lane or village the dictionary does not know (某巷片区, 某家巷片区); not 核心片区.
  {
    suffix: '片区',
    kind: 'area',
    minBody: 2,
    maxBody: 4,
    countMeansClass: true,
    body: 'named',
    generic: ['自贸', '自贸试验', '雨污分流', '核心', '重点', '起步', '先行', '示范'],
  },
  { suffix: '草原', kind: 'area', minBody: 2, maxBody: 5, countMeansClass: true, body: 'named' },
  { suffix: '广场', kind: 'area', minBody: 2, maxBody: 4, countMeansClass: true, body: 'named' },
  { suffix: '商圈', kind: 'area', minBody: 2, maxBody: 4, countMeansClass: true },
  { suffix: '平原', kind: 'area', minBody: 2, maxBody: 3, countMeansClass: true, generic: ['华北', '冲积'] },
  { suffix: '新村', kind: 'area', minBody: 2, maxBody: 3, countMeansClass: true },
  { suffix: '东站', kind: 'area', minBody: 2, maxBody: 4 },
  { suffix: '西站', kind: 'area', minBody: 2, maxBody: 4 },
  { suffix: '南站', kind: 'area', minBody: 2, maxBody: 4 },
  { suffix: '北站', kind: 'area', minBody: 2, maxBody: 4 },
];

const ROAD_GENERIC = [
  '美丽乡村',
  '农村',
  '乡村',
  '城市',
  '骨架',
  '快速',
  '主干',
  '干线',
  '支线',
  '国省',
  '城乡',
  '四好农村',
  '景观',
  '绿道',
  '旅游',
  '产业',
  '沿江',
  '沿海',
  '区域',
  '交通',
  '市政',
  '断头',
  '跨区',
  '铁路',
  '公路',
  '环状',
];

export const ROAD_RULES: readonly SuffixRule[] = [
  { suffix: '国道', kind: 'road', minBody: 2, maxBody: 4, digitsOnly: true },
  { suffix: '省道', kind: 'road', minBody: 2, maxBody: 4, digitsOnly: true },
  { suffix: '县道', kind: 'road', minBody: 2, maxBody: 4, digitsOnly: true },
  { suffix: '高速公路', kind: 'road', minBody: 2, maxBody: 5, generic: ROAD_GENERIC, countMeansClass: true },
  // 经济保持中高速: a body holding a verb is a clause about a pace of growth, not a road's name.
  {
    suffix: '高速',
    kind: 'road',
    minBody: 2,
    maxBody: 5,
    generic: ROAD_GENERIC,
    nextBlock: '发增运推行度化铁',
    countMeansClass: true,
    body: 'noVerb',
  },
  { suffix: '高速铁路', kind: 'rail', minBody: 2, maxBody: 4, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '城际铁路', kind: 'rail', minBody: 2, maxBody: 5, generic: ROAD_GENERIC },
  { suffix: '城际', kind: 'rail', minBody: 2, maxBody: 4, generic: ROAD_GENERIC, nextBlock: '交列' },
  { suffix: '高铁', kind: 'rail', minBody: 2, maxBody: 5, generic: ROAD_GENERIC, nextBlock: '站新' },
  { suffix: '铁路支线', kind: 'rail', minBody: 2, maxBody: 5, generic: ROAD_GENERIC },
  { suffix: '铁路', kind: 'rail', minBody: 2, maxBody: 5, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '客运专线', kind: 'rail', minBody: 2, maxBody: 4, generic: ROAD_GENERIC },
  { suffix: '客专', kind: 'rail', minBody: 2, maxBody: 3, generic: ROAD_GENERIC },
  { suffix: '轻轨', kind: 'rail', minBody: 2, maxBody: 4, generic: ROAD_GENERIC },
  { suffix: '公路', kind: 'road', minBody: 2, maxBody: 5, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '快速路', kind: 'road', minBody: 2, maxBody: 5, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '快速通道', kind: 'road', minBody: 2, maxBody: 4, generic: ROAD_GENERIC, lastBlock: '间', countMeansClass: true },
  { suffix: '大道', kind: 'road', minBody: 2, maxBody: 5, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '大桥', kind: 'road', minBody: 2, maxBody: 5, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '两用桥', kind: 'road', minBody: 2, maxBody: 5, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '高架桥', kind: 'road', minBody: 2, maxBody: 4, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '跨线桥', kind: 'road', minBody: 2, maxBody: 4, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '地道桥', kind: 'road', minBody: 2, maxBody: 4, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '立交桥', kind: 'road', minBody: 2, maxBody: 4, generic: ROAD_GENERIC, countMeansClass: true },
  { suffix: '隧道', kind: 'road', minBody: 2, maxBody: 5, generic: ROAD_GENERIC, countMeansClass: true },
  {
    suffix: '航道',
    kind: 'road',
    minBody: 2,
    maxBody: 5,
    lastBlock: '级',
    generic: [...ROAD_GENERIC, '内河', '高等级', '出海', '深水', '通航', '主'],
    countMeansClass: true,
    body: 'named',
  },
  { suffix: '陆港', kind: 'port', minBody: 2, maxBody: 6, nextBlock: '型', body: 'named' },
  { suffix: '高等级公路', kind: 'road', minBody: 2, maxBody: 4, generic: ROAD_GENERIC },
  { suffix: '跨江通道', kind: 'road', minBody: 2, maxBody: 4 },
  { suffix: '过江通道', kind: 'road', minBody: 2, maxBody: 4 },
  { suffix: '跨海通道', kind: 'road', minBody: 2, maxBody: 4 },
  {
    suffix: '路',
    kind: 'road',
    minBody: 2,
    maxBody: 3,
    generic: ROAD_GENERIC,
    countMeansClass: true,
    nextBlock: '网径线面况子口由灯边基演上',
    lastBlock: '还之的走让使出道思铁公马网线水陆电套老新后活退弯去来前歧一跑带引探问领迷认拦绕赶修筑铺养',
  },
];

/** Two-character road codes such as 杭临线 (from 杭州 to 临安): short bodies, so the checks are strict. */
export const ROAD_LINE_SUFFIX = '线';
export const ROAD_LINE_NEXT_BLOCK = new Set([...'路上下索条以']);

/**
 * Words that make the place name before them an organisation's (金川公司, 青藏高原研究所), an event's (北京冬奥会) or a
 * strategy's (长江经济带, 关中平原城市群): no mention of the place.
 * Schools and hospitals stay mentions: they are named after the quarter they serve (城南小学, the seed's gold).
 */
export const ORGANISATION_AFTER =
  /^(?:公司|集团|股份|证券|银行|(?:理工|农业|师范|医科|工业|交通|财经|科技|中医药|林业|航空航天|邮电|外国语|工商|体育|艺术|海洋|石油|电子科技|信息工程|工程)?(?:大学(?!城)|学院)|研究所|研究院|会展中心|钢铁|冬奥会|奥运会|冬残奥会|残奥会|亚运会|世博会|大运会|全运会|经济带|城市群)/;

/** Institutions a place heads with a short name between (北京协和医院, 中科院苏州纳米所, 仙湖实验室). */
export const INSTITUTION_AFTER = /^[^\s，。、；：至与及]{0,3}?(?:医院|研究所|研究院|纳米所|实验室)/;

/** Mountains only count as places when a designation follows (大明山4A景区, 凤凰山公园). */
export const MOUNTAIN_DESIGNATION =
  /^\s*(?:[0-9]A级?|[0-9]A)?(?:景区|风景区|风景名胜区|国家森林公园|森林公园|公园|遗址|隧道|旅游区|脉|[东西南北]麓|[南北]坡)/;

/** Quarters of a city, named the same way everywhere. */
export const CITY_QUARTERS = ['城东', '城南', '城西', '城北', '老城'];

/**
 * Words the segmenter tags as places that no report is about as a place: the country itself, continents and the
 * historical heartland (中原), which reports use as adjectives (中国特色, 亚洲一流, 中原经济区 is kept by its suffix).
 */
export const NOT_PLACES = new Set(['中国', '我国', '全国', '亚洲', '欧洲', '非洲', '美洲', '中原', '中华']);

/** Continents, foreign groupings and macro-regions used as strategy names: not places (issue 12, test/fixtures/gold/places/README.md). */
export const REGIONS: ReadonlySet<string> = new Set([
  '长三角',
  '珠三角',
  '长江三角洲',
  '珠江三角洲',
  '京津冀',
  '粤港澳大湾区',
  '大湾区',
  '港澳台',
  '港澳',
  '欧美',
  '东盟',
  '亚太',
  '中东',
  '东北亚',
  '东南亚',
  '中亚',
  '欧洲',
  '美洲',
  '亚洲',
  '非洲',
  '拉美',
  '中东欧',
  '长江经济带',
  '海峡西岸',
  '成渝',
  '中原',
]);

/** Provinces and province-level units; their bare names are always places. */
export const PROVINCES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
];

/** One-character province abbreviations: with a direction they name a region (浙东, 苏北, 皖南). */
export const PROVINCE_ABBREVIATIONS = new Set([...'京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔滇陕秦甘陇青蒙桂藏宁']);

/** Words ending in 国 that are not countries. */
export const NOT_COUNTRIES = new Set([
  '全国',
  '各国',
  '大国',
  '强国',
  '本国',
  '外国',
  '祖国',
  '两国',
  '我国',
  '他国',
  '王国',
  '帝国',
  '万国',
  '邻国',
  '治国',
  '建国',
  '开国',
  '报国',
  '救国',
  '爱国',
  '卫国',
  '护国',
  '富国',
  '立国',
  '出国',
  '回国',
  '归国',
  '举国',
  '兴国',
  '经国',
  '强国梦',
  '德治国',
]);

/**
 * Common words that the segmenter tags as places because a county shares the name (平原县, 新建县, 新城区).
 * Without this list a sentence like "完成平原绿化" would mention a county.
 */
export const COMMON_WORDS_NAMED_LIKE_PLACES = new Set([
  '平原',
  '资源',
  '新建',
  '新城',
  '城市',
  '兴城',
  '江城',
  '商都',
  '三河',
  '北镇',
  '城南',
  '城北',
  '城东',
  '城西',
  '城中',
  '新区',
  '开发',
  '和平',
  '长安',
  '永安',
  '太平',
  '东方',
  '南方',
  '北方',
  '西方',
  '江山',
  '金山',
  '银山',
  '青山',
  '南山',
  '上市',
  '美丽',
  '东西',
  '南北',
  '城关',
  '中心',
  '高新',
  '新华',
  '光明',
  '红旗',
  '胜利',
  '前进',
  '朝阳',
  '建设',
  '解放',
  '文化',
  '人民',
  '民主',
  '团结',
  '新兴',
  '三区',
  '双城',
  '大城',
  '古城',
  '城厢',
  '临江',
  '沿河',
  '通道',
  '清河',
  '平安',
  '安全',
  '合作',
  '友谊',
  '龙门',
  '滨海',
  '宜居',
  '开园',
  '山水',
  '江河',
  '河湖',
  '海塘',
  '湾区',
  '云集',
  '串联',
  '治安',
  '深度',
  '惠民',
  '都市',
  '大都',
  '大港',
  '京东',
  '旧城',
  '老城',
  '深山',
  '富民',
  '安居',
  '乐业',
  '永康',
  '长寿',
  '兴业',
  '振兴',
  '和谐',
  '幸福',
  '吉利',
  '大同',
  '丰收',
  '康乐',
  '城郊',
]);
