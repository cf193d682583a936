// The units reports state quantities in, grouped into families (the Indicator's unit family).
// A unit may carry a magnitude prefix (万, 亿, 十万 …): values stay in the stated unit (1.6 with 万个).

export type UnitFamily =
  | 'money'
  | 'percent'
  | 'count'
  | 'area'
  | 'length'
  | 'volume'
  | 'weight'
  | 'power'
  | 'time'
  | 'concentration'
  | 'multiple'
  | 'rank'
  | 'grade';

interface BaseUnit {
  unit: string;
  family: UnitFamily;
  /** Whether a magnitude prefix (万, 亿 …) may precede it. */
  scalable: boolean;
}

const BASE_UNITS: BaseUnit[] = [
  ...['元/月', '元/年', '元/人', '元/吨', '元/亩', '元/平方米', '元', '美元', '欧元', '港元'].map((unit) => ({
    unit,
    family: 'money' as const,
    scalable: true,
  })),
  ...['%', '‰', '个百分点', '百分点'].map((unit) => ({ unit, family: 'percent' as const, scalable: false })),
  ...[
    '家',
    '个',
    '只',
    '项',
    '名',
    '人次',
    '人',
    '户',
    '件',
    '所',
    '座',
    '台',
    '套',
    '张',
    '条',
    '次',
    '期',
    '辆',
    '艘',
    '批',
    '处',
    '宗',
    '篇',
    '部',
    '场',
    '架',
    '间',
    '块',
    '棵',
    '株',
    '头',
    '种',
    '支',
    '对',
    '盏',
    '根',
    '标准箱',
    '标箱',
    '床',
    '幢',
    '栋',
  ].map((unit) => ({ unit, family: 'count' as const, scalable: true })),
  ...['平方公里', '平方米', '平米', '亩', '公顷'].map((unit) => ({ unit, family: 'area' as const, scalable: true })),
  ...['公里', '千米', '延米', '米'].map((unit) => ({ unit, family: 'length' as const, scalable: true })),
  ...['立方米', '升'].map((unit) => ({ unit, family: 'volume' as const, scalable: true })),
  ...['吨标准煤', '吨', '千克', '公斤', '斤', '担'].map((unit) => ({ unit, family: 'weight' as const, scalable: true })),
  ...['千伏安', '千伏', '千瓦小时', '千瓦时', '千瓦', '兆瓦', '伏'].map((unit) => ({ unit, family: 'power' as const, scalable: true })),
  ...['个月', '分钟', '小时', '天'].map((unit) => ({ unit, family: 'time' as const, scalable: false })),
  ...['微克/立方米', '毫克/升'].map((unit) => ({ unit, family: 'concentration' as const, scalable: false })),
  { unit: '倍', family: 'multiple', scalable: false },
];

const PREFIXES = ['万亿', '千万', '百万', '十万', '亿', '万'];

export interface UnitMatch {
  unit: string;
  family: UnitFamily;
  length: number;
  /** A magnitude without a unit (千亿, 12亿): money unless the metric counts people (see peopleUnit). */
  bare?: boolean;
  /** A bound written after the magnitude (8万多人, 20亿余元): the figure is at least the value. */
  bounded?: boolean;
}

/** The unit of a bare magnitude whose metric counts people or visits (人口达到12亿 → 亿人). */
export function peopleUnit(unit: string, metric: string): string | null {
  if (!/人口|人数|人次|游客|旅客|客流|居民/.test(metric)) return null;
  const magnitude = unit.replace(/元$/, '');
  return /人次|游客|旅客|客流/.test(metric) ? `${magnitude}人次` : `${magnitude}人`;
}

const PER_TIME = /^\/(?:日|天|年|月|小时|时)/;

/** A population named just before a figure (人口总数增至729, 常住人口4670), up to the magnitude after the figure. */
const POPULATION_BEFORE = /(?:人口|人数)[^，。；,;\d]{0,4}[\d.]+[多余]?$/;
const MAX_NUMBER_BEFORE = 20;

/** A unit character that is the start of a longer word instead (迈上5万亿台阶, 3条件). */
const NOT_A_UNIT = /^(台阶|条件|条例|期间|批次|场所|人民|项目|部门|部分|次会议|项工作|家庭)/;

interface UnitEntry {
  unit: string;
  family: UnitFamily;
}

const UNIT_TABLE: UnitEntry[] = (() => {
  const entries: UnitEntry[] = [];
  for (const base of BASE_UNITS) {
    entries.push({ unit: base.unit, family: base.family });
    if (base.scalable) for (const prefix of PREFIXES) entries.push({ unit: prefix + base.unit, family: base.family });
  }
  return entries.sort((a, b) => b.unit.length - a.unit.length);
})();

/**
 * The longest unit at `at` (an optional space after the number is allowed, as in "20 万元").
 * A bare magnitude (首破千亿, 超百亿) is mostly money in reports: it reads as 亿元 and is marked bare.
 */
export function matchUnit(text: string, at: number): UnitMatch | null {
  const skip = text[at] === ' ' && text[at + 1] !== ' ' ? 1 : 0;
  const from = at + skip;
  // 8万多人, 20亿余元: the unit is read as if the bound were not there, one character longer.
  if (/^[万亿][余多]/.test(text.slice(from, from + 2))) {
    const unit = matchUnit(`${text[from]}${text.slice(from + 2, from + 14)}`, 0);
    return unit && { ...unit, length: skip + unit.length + 1, bounded: true };
  }
  for (const entry of UNIT_TABLE) {
    if (!text.startsWith(entry.unit, from)) continue;
    const rest = text.slice(from + entry.unit.length - 1, from + entry.unit.length + 2);
    if (NOT_A_UNIT.test(rest)) return null;
    // 75.5万吨/日: a rate per day, year … is part of the unit.
    const per = entry.unit.includes('/') ? null : PER_TIME.exec(text.slice(from + entry.unit.length));
    const unit = per ? entry.unit + per[0] : entry.unit;
    return { unit, family: entry.family, length: skip + unit.length };
  }
  // 17.5万贫困人口, 600万农村居民, 3万职工, 625万建档立卡贫困人口: a magnitude before a population counts people, and the
  // population is the metric.
  const people = /^(万|亿)(?=[\u4e00-\u9fa5]{0,6}(?:人口|居民|农民|村民|市民|群众|职工|工人|学生|师生|儿童|老人|残疾人|劳动力))/.exec(
    text.slice(from),
  )?.[1];
  if (people !== undefined) return { unit: `${people}人`, family: 'count', length: skip + people.length };
  // 全区人口总数增至729万, 常住人口4670万的…: a bare magnitude right after a population counts people.
  if (
    POPULATION_BEFORE.test(text.slice(Math.max(0, from - MAX_NUMBER_BEFORE), from)) &&
    /^[万亿](?:的|(?![\u4e00-\u9fa5]))/.test(text.slice(from))
  )
    return { unit: `${text[from]}人`, family: 'count', length: skip + 1 };
  for (const bare of ['亿', '万亿']) {
    if (
      text.startsWith(bare, from) &&
      !/^[\u4e00-\u9fa5]/.test(text.slice(from + bare.length, from + bare.length + 1).replace(/[级元]/, ''))
    ) {
      return { unit: `${bare}元`, family: 'money', length: skip + bare.length, bare: true };
    }
  }
  return null;
}
