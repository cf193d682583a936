// Finds the figures of a paragraph: a number with its unit (11050.49亿元, 两千亿元, 20余条, 3.5%以内) and the
// special forms reports state results in (全省第八, 50强, 翻一番, 连续七年, 4A级, Ⅲ类, 三分之二).
// Numbers that are not quantities are left out: years, dates, ordinals, codes (G20, PM2.5), road numbers,
// and anything inside quotation marks or book titles (“811”工程, 《中国制造2025》).
import {
  CHINESE_NUMERAL_CHARS,
  parseChineseDecimal,
  parseChineseFraction,
  parseChineseNumeral,
  parseRomanNumeral,
  roundValue,
} from './numbers.ts';
import { matchUnit, type UnitFamily } from './units.ts';

export type QuantityForm = 'measure' | 'rank' | 'league' | 'double' | 'streak' | 'grade' | 'fraction';

export interface Quantity {
  /** Offsets within the paragraph text: the number through its unit (and 余). */
  start: number;
  end: number;
  /** End of the trailing qualifier (以上, 左右 …), equal to `end` when there is none. */
  qualifierEnd: number;
  value: number;
  unit: string;
  family: UnitFamily;
  form: QuantityForm;
  /** Written in Chinese numerals (两千亿元) rather than digits. */
  chinese: boolean;
  /** Trailing qualifier as written: 以上, 以下, 以内, 左右, 级 (千亿级) or null. */
  qualifier: string | null;
  /** 余/多 between number and unit: a lower bound (20余条). */
  approximate: boolean;
  /** The unit is a bare magnitude (千亿, 12亿), read as money until the metric says otherwise. */
  bare?: boolean;
}

const QUALIFIERS = ['以上', '以下', '以内', '左右', '级'];
/** Digits, allowing thin-space thousands groups as some sources print them (21 330套). */
const NUMBER_AT = /\d{1,3}(?: \d{3})+(?:\.\d+)?(?=[^\d\s.])|\d+(?:\.\d+)?/y;
const CHINESE_AT = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'y');
/** Count classifiers a Chinese numeral may take when it counts (五大城市门户, 三条示范街). */
const CHINESE_CLASSIFIERS = /^(大|条|个|所|座|家|项|只)/;

/** Spans inside “…”, 「…」, 《…》: names and slogans, whose digits are not figures. */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pairs: Record<string, string> = { '“': '”', '「': '」', '『': '』', '《': '》', '"': '"' };
  for (let i = 0; i < text.length; i++) {
    const close = pairs[text.charAt(i)];
    if (!close) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0 || end - i > 40) continue;
    spans.push([i, end + 1]);
    i = end;
  }
  return spans;
}

function inside(spans: Array<[number, number]>, at: number): boolean {
  return spans.some(([s, e]) => at > s && at < e);
}

function qualifierAt(text: string, at: number): string | null {
  return QUALIFIERS.find((q) => text.startsWith(q, at)) ?? null;
}

interface Scan {
  text: string;
  quoted: Array<[number, number]>;
  found: Quantity[];
  taken: boolean[];
}

function take(scan: Scan, q: Quantity): void {
  for (let i = q.start; i < q.qualifierEnd; i++) if (scan.taken[i]) return;
  for (let i = q.start; i < q.qualifierEnd; i++) scan.taken[i] = true;
  scan.found.push(q);
}

/** 全省第八, 居全市第一: a rank within a scope. */
function scanRanks(scan: Scan): void {
  const rank =
    /(全国|全省|全市|全区|全县|省内|市内|省|市)([\u4e00-\u9fa5]{0,8}?)第([一二三四五六七八九十\d]{1,3})(?:名|位)?(?![\u4e00-\u9fa5\d])/g;
  for (const m of scan.text.matchAll(rank)) {
    const [whole, , , digits] = m;
    if (digits === undefined) continue;
    const numberStart = m.index + whole.indexOf('第');
    const value = /^\d+$/.test(digits) ? Number(digits) : parseChineseNumeral(digits);
    if (value === null || value === 0 || inside(scan.quoted, numberStart)) continue;
    const end = m.index + whole.length;
    take(scan, {
      start: numberStart,
      end,
      qualifierEnd: end,
      value,
      unit: '名',
      family: 'rank',
      form: 'rank',
      chinese: !/^\d/.test(digits),
      qualifier: null,
      approximate: false,
    });
  }
}

/** 50强, 十强 standing at the end of a clause: a league a subject entered. */
function scanLeagues(scan: Scan): void {
  const league = /(\d+|[一二三四五六七八九十百千]+)强(?=[,;。!?、]|$)/g;
  for (const m of scan.text.matchAll(league)) {
    const [, digits] = m;
    if (digits === undefined) continue;
    const value = /^\d+$/.test(digits) ? Number(digits) : parseChineseNumeral(digits);
    if (value === null || inside(scan.quoted, m.index) || /[A-Za-z]/.test(scan.text[m.index - 1] ?? '')) continue;
    const end = m.index + m[0].length;
    take(scan, {
      start: m.index,
      end,
      qualifierEnd: end,
      value,
      unit: '强',
      family: 'rank',
      form: 'league',
      chinese: !/^\d/.test(digits),
      qualifier: null,
      approximate: false,
    });
  }
}

/** 翻一番 / 翻番 / 翻两番: a doubling (or quadrupling). */
function scanDoublings(scan: Scan): void {
  for (const m of scan.text.matchAll(/翻了?(一|两|二)?番/g)) {
    const value = m[1] === '两' || m[1] === '二' ? 4 : 2;
    const end = m.index + m[0].length;
    take(scan, {
      start: m.index,
      end,
      qualifierEnd: end,
      value,
      unit: '倍',
      family: 'multiple',
      form: 'double',
      chinese: true,
      qualifier: null,
      approximate: false,
    });
  }
}

/** 连续七年正增长: the length of a run of years. */
function scanStreaks(scan: Scan): void {
  for (const m of scan.text.matchAll(/连续([一二三四五六七八九十\d]{1,2})年/g)) {
    const [, years] = m;
    if (years === undefined) continue;
    const value = /^\d+$/.test(years) ? Number(years) : parseChineseNumeral(years);
    if (!value || inside(scan.quoted, m.index)) continue;
    const start = m.index + 2;
    const end = m.index + m[0].length;
    take(scan, {
      start,
      end,
      qualifierEnd: end,
      value,
      unit: '年',
      family: 'time',
      form: 'streak',
      chinese: !/^\d/.test(years),
      qualifier: null,
      approximate: false,
    });
  }
}

/** 4A级景区, Ⅲ类水: grades on national scales. */
function scanGrades(scan: Scan): void {
  for (const m of scan.text.matchAll(/([1-5])A级?(?=[\u4e00-\u9fa5]{0,4}景区)/g)) {
    const end = m.index + m[0].length;
    take(scan, {
      start: m.index,
      end,
      qualifierEnd: end,
      value: Number(m[1]),
      unit: 'A级',
      family: 'grade',
      form: 'grade',
      chinese: false,
      qualifier: null,
      approximate: false,
    });
  }
  // 劣Ⅴ类 is below the scale, not a grade on it.
  for (const m of scan.text.matchAll(/(?<!劣)([ⅠⅡⅢⅣⅤⅥ])类/g)) {
    const [, grade] = m;
    const value = grade === undefined ? null : parseRomanNumeral(grade);
    if (value === null) continue;
    const end = m.index + m[0].length;
    take(scan, {
      start: m.index,
      end,
      qualifierEnd: end,
      value,
      unit: '类',
      family: 'grade',
      form: 'grade',
      chinese: false,
      qualifier: null,
      approximate: false,
    });
  }
}

/** 三分之二, 百分之五: fractions written out, stated as percentages. */
function scanFractions(scan: Scan): void {
  for (const m of scan.text.matchAll(/([一二三四五六七八九十百千]+)分之([一二三四五六七八九十点]+)/g)) {
    const [, denominator, numerator] = m;
    const fraction = denominator === undefined || numerator === undefined ? null : parseChineseFraction(denominator, numerator);
    if (fraction === null || inside(scan.quoted, m.index)) continue;
    const end = m.index + m[0].length;
    const qualifier = qualifierAt(scan.text, end);
    take(scan, {
      start: m.index,
      end,
      qualifierEnd: end + (qualifier?.length ?? 0),
      value: roundValue(fraction * 100),
      unit: '%',
      family: 'percent',
      form: 'fraction',
      chinese: true,
      qualifier,
      approximate: false,
    });
  }
}

function isIsolatedDigits(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  // Codes (G20, PM2.5), formulas (1+7+x) and ranges (3~5个, whose bounds are no single figure).
  if (/[A-Za-z+\-.·/#~—–]/.test(before) || /[A-Za-z+#~—–]/.test(after)) return false;
  if (before === '第') return false;
  return true;
}

/** Numbers with units, Arabic or Chinese. */
function scanMeasures(scan: Scan): void {
  const { text } = scan;
  for (let i = 0; i < text.length; i++) {
    if (scan.taken[i]) continue;
    const char = text.charAt(i);
    let numberEnd = -1;
    let value: number | null = null;
    let chinese = false;
    let yiAndWan = false;
    if (/\d/.test(char) && !/[\d.]/.test(text[i - 1] ?? '')) {
      NUMBER_AT.lastIndex = i;
      const m = NUMBER_AT.exec(text);
      if (!m) continue;
      numberEnd = i + m[0].length;
      if (!isIsolatedDigits(text, i, numberEnd)) {
        i = numberEnd - 1;
        continue;
      }
      value = Number(m[0].replaceAll(' ', ''));
    } else if (CHINESE_NUMERAL_CHARS.includes(char) && !CHINESE_NUMERAL_CHARS.includes(text[i - 1] ?? '')) {
      CHINESE_AT.lastIndex = i;
      const m = CHINESE_AT.exec(text);
      if (!m || text[i - 1] === '第') continue;
      numberEnd = i + m[0].length;
      value = parseChineseNumeral(m[0]);
      chinese = true;
      // 十点八亿吨: decimals after 点.
      const decimals = /^点([零〇一二三四五六七八九]+)/.exec(text.slice(numberEnd));
      if (decimals && value !== null) {
        value = parseChineseDecimal(`${m[0]}${decimals[0]}`);
        numberEnd += decimals[0].length;
      }
      // 二十八万五千吨: ten-thousands written inside the numeral, not as the unit's prefix.
      // 六千一百八十亿千瓦小时: a unit that opens with a numeral character (千瓦, 千克) is no lower part.
      const [rest, magnitude, lower] =
        (!matchUnit(text, numberEnd + 1) && /^(万|亿)([零〇一二两三四五六七八九十百千]+)/.exec(text.slice(numberEnd))) || [];
      // 三亿零四百七十五万: 零 only marks the skipped place.
      const low = lower === undefined ? null : parseChineseNumeral(lower.replace(/^[零〇]/, ''));
      if (rest !== undefined && value !== null && low !== null) {
        // 一百三十七亿六千万元: after 亿, a part followed by 万 counts ten-thousands (137.6亿元, not 137亿6千 万元).
        yiAndWan = magnitude === '亿' && text[numberEnd + rest.length] === '万';
        value = yiAndWan ? value * 1e4 + low : value * (magnitude === '万' ? 1e4 : 1e8) + low;
        numberEnd += rest.length;
      }
    } else continue;
    if (value === null || inside(scan.quoted, i)) {
      i = numberEnd - 1;
      continue;
    }

    let at = numberEnd;
    const boundBefore = text[at] === '余' || text[at] === '多';
    if (boundBefore) at += 1;
    let unit = matchUnit(text, at);
    const approximate = boundBefore || unit?.bounded === true;
    if (!unit && chinese && CHINESE_CLASSIFIERS.test(text.slice(at))) {
      // Chinese numerals with a classifier are kept for now; the statement reader decides whether they count.
      const classifier = text.charAt(at);
      unit = { unit: classifier === '大' ? '个' : classifier, family: 'count', length: 1 };
    }
    if (!unit) {
      i = numberEnd - 1;
      continue;
    }
    // The value counted ten-thousands of the unit after 万 (万元): state it in 亿 of that unit, as the text does.
    if (yiAndWan && unit.unit.startsWith('万')) {
      value /= 1e4;
      unit = { ...unit, unit: `亿${unit.unit.slice(1)}` };
    }
    // 五天半, 三个月: durations written out are ways of speaking, not figures.
    if (chinese && unit.family === 'time') {
      i = numberEnd - 1;
      continue;
    }
    // A year (2016年) never reaches here: 年 is not a unit. Dates and times of day are excluded the same way.
    const end = at + unit.length;
    const qualifier = qualifierAt(text, end);
    // 世界游泳锦标赛(25米): a figure alone in brackets labels the name before it.
    if (text[i - 1] === '(' && text[end + (qualifier?.length ?? 0)] === ')') {
      i = end - 1;
      continue;
    }
    take(scan, {
      start: i,
      end,
      qualifierEnd: end + (qualifier?.length ?? 0),
      value,
      unit: unit.unit,
      family: unit.family,
      form: 'measure',
      chinese,
      qualifier,
      approximate,
      ...(unit.bare ? { bare: true } : {}),
    });
    i = end - 1;
  }
}

/**
 * 分别完成198、174、113、70万平方米 / 提高4.31、0.56、0.62个百分点: numbers listed before the one that carries
 * the unit share it.
 */
function scanSharedUnits(scan: Scan): void {
  const list = /(?:\d+(?:\.\d+)?[、和及与])+(?=\d)/g;
  for (const m of scan.text.matchAll(list)) {
    const carrier = scan.found.find((q) => q.start === m.index + m[0].length && q.form === 'measure' && !q.chinese);
    if (!carrier || !isIsolatedDigits(scan.text, m.index, m.index + 1) || inside(scan.quoted, m.index)) continue;
    for (const item of m[0].matchAll(/\d+(?:\.\d+)?/g)) {
      const start = m.index + item.index;
      const end = start + item[0].length;
      take(scan, { ...carrier, start, end, qualifierEnd: end, value: Number(item[0]), qualifier: null, approximate: false });
    }
  }
}

/** All figures in the paragraph, in text order. */
export function scanQuantities(text: string): Quantity[] {
  const scan: Scan = { text, quoted: quotedSpans(text), found: [], taken: new Array<boolean>(text.length).fill(false) };
  // Item numbers (1. / 10、) open paragraphs; they are never figures.
  const item = /^\s*\d{1,3}[.、](?!\d)/.exec(text);
  if (item) for (let i = 0; i < item[0].length; i++) scan.taken[i] = true;
  scanRanks(scan);
  scanLeagues(scan);
  scanDoublings(scan);
  scanStreaks(scan);
  scanGrades(scan);
  scanFractions(scan);
  scanMeasures(scan);
  scanSharedUnits(scan);
  return scan.found.sort((a, b) => a.start - b.start);
}
