// Title, place (with its administrative code and level), year delivered, year planned, date, speaker and
// issuer of a report, from its front matter, title line, opening lines and, last, the folder it sits in.
import { findAdminUnit } from '../geo/find-unit.ts';
import type { AdminUnit } from '../geo/gazetteer.ts';
import type { DocumentLevel } from '../domain/schemas.ts';

export interface DocumentMeta {
  title: string;
  /** How lists name the report: place and year, so two "2017年政府工作报告" never look alike. */
  label: string;
  year: number | null;
  /** The year the report's year plan is for: a report delivered in December plans the next year. */
  planYear: number | null;
  place: string | null;
  placeCode: string | null;
  level: DocumentLevel | null;
  issuer: string | null;
  date: string | null;
  speaker: string | null;
}

const HEAD_CHARS = 800;
const ADMIN_UNIT = /([\u4e00-\u9fa5]{1,8}?(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|区|县|旗|盟|州))/g;
/** The national government's report: the State Council speaking to the National People's Congress. */
const STATE = /全国人民代表大会|代表国务院|国务院总理/;
/** The place name used for the State Council's reports. */
export const STATE_PLACE = '全国';
const STATE_LABEL = '国务院';

const SPEAKER =
  /(?:总理|代?(?:省长|市长|主席|区长|县长|州长|盟长|旗长))[\s\u3000]*([\u4e00-\u9fa5](?:[\s\u3000]?[\u4e00-\u9fa5·]){1,4})(?=[\s\u3000*）)]*$)/m;
const DATED_SPEAKER = /[（(]\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日[\s\u3000]+([\u4e00-\u9fa5]{2,4})\s*[）)]/;

function adminNames(text: string): string[] {
  return [...text.matchAll(ADMIN_UNIT)].map(([name]) => name);
}

/** The last name in the text that the gazetteer knows at county level or above (某市某区 → 某区 in 某市). */
function lastKnownUnit(text: string | null | undefined): AdminUnit | null {
  if (!text) return null;
  for (const name of adminNames(text).reverse()) {
    for (let cut = 0; cut < name.length - 1; cut++) {
      const unit = findAdminUnit(name.slice(cut), { context: text, deepest: 'county' });
      if (unit) return unit;
    }
  }
  return null;
}

/** A folder named after a unit (…/宁波市/2017.md). */
function folderUnit(sourcePath: string): AdminUnit | null {
  const folders = sourcePath.split(/[\\/]/).slice(0, -1).reverse();
  for (const folder of folders.slice(0, 2)) {
    const unit = findAdminUnit(folder, { deepest: 'county' });
    if (unit && unit.name === folder) return unit;
  }
  return null;
}

function levelOf(unit: AdminUnit): DocumentLevel {
  return unit.level === 'township' ? 'county' : unit.level;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 一九八九, 十二, 二十八 → numbers. */
function chineseNumber(text: string): number {
  if (text.length === 4) return Number([...text].map((c) => CHINESE_DIGITS.indexOf(c.replace('零', '〇'))).join(''));
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  return (text.includes('十') ? (tens ? CHINESE_DIGITS.indexOf(tens) : 1) * 10 : 0) + (ones ? CHINESE_DIGITS.indexOf(ones) : 0);
}

/** 二〇二一年一月十八日 as a match of [whole, year, month, day]. */
function chineseNumeralDate(text: string): DateMatch | null {
  const match = /([一二〇零九八七六五四三]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/.exec(text);
  const [, year, month, day] = match ?? [];
  if (!match || year === undefined || month === undefined || day === undefined) return null;
  return { index: match.index, year: chineseNumber(year), month: chineseNumber(month), day: chineseNumber(day) };
}

interface DateMatch {
  index: number;
  year: number;
  month: number;
  day: number;
}

function arabicDate(text: string): DateMatch | null {
  const match = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/.exec(text);
  return match ? { index: match.index, year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

/** The first date written in the text, in Arabic or Chinese numerals. */
function firstDate(text: string): DateMatch | null {
  return [arabicDate(text), chineseNumeralDate(text)].filter((d) => d !== null).sort((a, b) => a.index - b.index)[0] ?? null;
}

function isoDate({ year, month, day }: DateMatch): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function speakerOf(lines: string[]): string | null {
  for (const line of lines.slice(0, 12)) {
    const clean = line
      .replace(/\*+/g, '')
      .replace(/([省市区县州盟旗])[\s\u3000]+长/, '$1长')
      .trim();
    const name = (SPEAKER.exec(clean) ?? DATED_SPEAKER.exec(clean))?.[1];
    if (name) return name.replace(/[\s\u3000]/g, '');
  }
  return null;
}

/**
 * A title as sources mangle it, mended: letter-spaced (2 0 2 0 年 政府工作报告 → 2020年政府工作报告) or written twice
 * (2015年广州市政府工作报告2015年广州市政府工作报告).
 */
function cleanTitle(raw: string): string {
  // Only a title whose year is spaced out: elsewhere a space parts a name from a date (（12月21日 张伟文）).
  const spaced = /\d(?:[\s\u3000]+\d){3}/.test(raw);
  const unspaced = spaced ? raw.trim().replace(/(?<=[\d\u4e00-\u9fa5])[\s\u3000]+(?=[\d\u4e00-\u9fa5])/g, '') : raw.trim();
  return /^(.{4,})\1$/u.exec(unspaced)?.[1] ?? unspaced;
}

/** "宁波市 2017年政府工作报告", "国务院 1975年政府工作报告". */
export function documentLabel(meta: Pick<DocumentMeta, 'title' | 'place' | 'level' | 'year'>): string {
  const who = meta.level === 'state' ? STATE_LABEL : meta.place;
  if (!who || meta.year === null) return meta.title;
  const rest =
    meta.title
      .replace(/(?:19|20)\d{2}年?/, '')
      .replaceAll(who, '')
      .replace(STATE_LABEL, '')
      .replace(/^[\s—-]+/, '') || '政府工作报告';
  return `${who} ${meta.year}年${rest}`;
}

export function documentMeta(normalized: string, frontMatterTitle: string | undefined, sourcePath: string): DocumentMeta {
  const fileName = sourcePath.split(/[\\/]/).pop() ?? sourcePath;
  // Line breaks inside the opening lines (e.g. a meeting line wrapped in two) would hide dates and places.
  const head = normalized.slice(0, HEAD_CHARS).replace(/\s+/g, '');
  const firstLines = normalized
    .slice(0, HEAD_CHARS)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const titleLine = firstLines.find((l) => /政府工作报告|工作报告|规划|纲要|计划/.test(l) && l.length <= 60);
  const title = cleanTitle(frontMatterTitle?.trim() || titleLine?.replace(/\*+/g, '') || firstLines[0] || fileName);

  // The title may carry the meeting line (2022年12月12日在拉萨市第十二届…): read dates from both.
  const dateText = `${title}。${head}`;
  const meeting = /在([\u4e00-\u9fa5]{0,20}?)第[一二三四五六七八九十\d]+届/.exec(dateText);
  const dated = firstDate(dateText);
  // The title's year is the report's own (2017年政府工作报告), not a horizon it mentions (2010年远景规划纲要).
  const titleYear = Number(/^\D{0,12}?((?:19|20)\d{2})年?[\u4e00-\u9fa5]{0,12}工作报告/.exec(title)?.[1]) || null;
  const fileYear = Number(/((?:19|20)\d{2})/.exec(fileName)?.[1]) || null;
  const datedYear = dated?.year ?? null;
  // A dated line years away from the title's year is a typing error of the source (2003 report "2010年2月20日").
  const datedTrusted = datedYear !== null && (titleYear === null || Math.abs(titleYear - datedYear) <= 1);
  const year = (datedTrusted ? datedYear : null) ?? titleYear ?? fileYear;
  const date = dated && datedTrusted ? isoDate(dated) : null;
  // A report delivered in November or December (also "（12月21日 张伟文）" without the year) plans the next year.
  const month = dated && datedTrusted ? dated.month : Number(/(?:^|[（(\s])(\d{1,2})月\d{1,2}日/.exec(dateText)?.[1]) || null;
  const planYear = year !== null && month !== null && month >= 11 ? year + 1 : year;

  const issuerMatch = /([\u4e00-\u9fa5]{2,16}?人民政府)/.exec(head);
  // "我代表市人民政府" names the speaker's role, not the issuer: keep only a named government.
  const issuerName = issuerMatch?.[1]?.replace(/^.*代表/, '') ?? null;
  const issuer = issuerName && issuerName.length > '市人民政府'.length ? issuerName : null;

  const state = STATE.test(head) && !/(?:省|市|区|县|州)第[一二三四五六七八九十\d]+届/.test(head);
  const unit = state
    ? null
    : (lastKnownUnit(meeting?.[1]) ??
      lastKnownUnit(title.replace(/政府工作报告.*$/, '')) ??
      lastKnownUnit(issuer?.replace(/人民政府$/, '')) ??
      folderUnit(sourcePath));
  // A unit the gazetteer does not know (a new district, a misprint, a fictitious example) keeps the name the title writes.
  const place = state
    ? STATE_PLACE
    : (unit?.name ?? adminNames(title.replace(/政府工作报告.*$/, '').replace(/^\d{4}年/, '')).at(-1) ?? null);
  const level: DocumentLevel | null = state ? 'state' : unit ? levelOf(unit) : null;
  const label = documentLabel({ title, place, level, year });
  return {
    title,
    label,
    year,
    planYear,
    place,
    placeCode: unit?.code ?? null,
    level,
    issuer,
    date,
    speaker: speakerOf([title, ...firstLines]),
  };
}
