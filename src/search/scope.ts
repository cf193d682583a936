// What a question names that picks its report: a place ("贵阳市", "Guiyang") and a year ("2025年"). Reports of
// that place and year are searched first; a question that names a place no stored report is about is known
// before any retriever runs (see abstain.ts).
import type { DocumentSummary, GraphReader } from '../../graph/store.ts';
import { askedYears } from './observations.ts';
import { pinyinReadings } from './pinyin-readings.ts';

/** Administrative suffixes a question may leave out ("贵阳" for 贵阳市, "内蒙古" for 内蒙古自治区). */
const ADMIN_SUFFIX = /(壮族自治区|回族自治区|维吾尔自治区|自治区|自治州|特别行政区|省|市|地区|盟|县|区|旗)$/;

/** English names of places that are not their pinyin (generic geography, not any report's vocabulary). */
const ENGLISH_PROVINCE_NAMES: Record<string, string> = {
  内蒙古: 'inner mongolia',
  西藏: 'tibet',
  陕西: 'shaanxi',
  香港: 'hong kong',
  澳门: 'macau',
  哈尔滨: 'harbin',
};
/** Words of those English names: they name a place, so they are not translated as words ("inner" → 内在). */
export const ENGLISH_PLACE_WORDS = new Set(Object.values(ENGLISH_PROVINCE_NAMES).flatMap((name) => name.split(' ')));

/** The national reports (国务院): named by these words rather than a place. */
const NATIONAL = { zh: /国务院|全国|我国|国家/, en: /\b(state council|national|nationwide|china's|the country)\b/i };

export interface PlaceForm {
  place: string;
  /** Chinese forms: the name and its short form. */
  zh: string[];
  /** Lower-case English forms without spaces (pinyin readings of the short form, the English province name). */
  en: string[];
}

export function placeForms(place: string): PlaceForm {
  const short = place.replace(ADMIN_SUFFIX, '');
  const zh = [...new Set([place, short.length >= 2 ? short : place])];
  const english = ENGLISH_PROVINCE_NAMES[short];
  const en = [...new Set([...pinyinReadings(short.length >= 2 ? short : place), ...(english ? [english.replace(/ /g, '')] : [])])].filter(
    (r) => r.length >= 4,
  );
  return { place, zh, en };
}

/** Whether the question names the place, in Chinese or (pinyin, spaces and case ignored) in English. */
export function namesPlace(question: string, form: PlaceForm): boolean {
  if (/[\u4e00-\u9fff]/.test(question)) return form.zh.some((name) => question.includes(name));
  const letters = question.toLowerCase().replace(/[^a-z]/g, '');
  return form.en.some((reading) => letters.includes(reading));
}

export interface QuestionScope {
  /** Places of stored reports the question names. */
  places: string[];
  years: number[];
  /** Reports to search first (empty: the question names neither a stored place nor a year of a stored report). */
  documents: Set<string>;
  /** Why those reports, for the answer's note ("贵阳市 2025"). */
  label: string;
  /**
   * The named places' reports when none of them covers a year the question names, though some are later (沈阳市
   * 2019 with only 2001 and 2025 stored): the year's report is not stored. Empty otherwise — also for a year past
   * the latest report, which a plan's horizon may still state (2035年远景目标).
   */
  missingYear: { years: number[]; stored: number[] } | null;
}

const NATIONAL_PLACE = '国务院';

/** A folder of the report's path named like a place ("…/甘肃省/2020.md"). */
const PLACE_FOLDER = /^[\u4e00-\u9fff]{1,10}(自治区|自治州|特别行政区|省|市|县|区|旗|盟)$/;

/**
 * The place a report is about, with the national reports under one name: the place its metadata names (read
 * against the gazetteer at ingest), or, for a report whose place could not be read, the folder it is filed under
 * when that is named like a place ("…/甘肃省/2020.md").
 */
export function reportPlace(d: Pick<DocumentSummary, 'place' | 'title' | 'sourcePath' | 'level'>): string | null {
  if (d.level === 'state' || /国务院/.test(d.title) || /国务院/.test(d.sourcePath)) return NATIONAL_PLACE;
  if (d.place) return d.place;
  return (
    d.sourcePath
      .split(/[\\/]/)
      .slice(0, -1)
      .reverse()
      .find((segment) => PLACE_FOLDER.test(segment)) ?? null
  );
}

/**
 * The question with the named places and years taken out, for searching inside the named reports: there every
 * passage is of that place and year, and the name itself would only favour passages that repeat it.
 */
export function withoutScopeWords(text: string, scope: QuestionScope): string {
  if (!scope.documents.size) return text;
  const names = scope.places.flatMap((p) => (p === NATIONAL_PLACE ? [] : placeForms(p).zh)).sort((a, b) => b.length - a.length);
  let out = text;
  for (const name of names) out = out.split(name).join(' ');
  for (const year of scope.years) out = out.split(`${year}年`).join(' ').split(String(year)).join(' ');
  return out.replace(/\s+/g, ' ').trim() || text;
}

/** Words that ask what a year was to bring (its plan) or what it brought (its results). */
const ASKS_PLAN = {
  zh: /计划|安排|打算|部署|目标|要|将|力争|预期/,
  en: /\b(plan(s|ned)?|targets?|aims?|goals?|will|intends?|expect(s|ed)?)\b/i,
};
const ASKS_RESULT = {
  zh: /完成|实现了|取得|成效|成绩|达到了|达标|兑现|实际/,
  en: /\b(achiev(e|ed)|complet(e|ed)|reached|meet|met|hit|fulfill?(ed)?|actual(ly)?|result(s|ed)?|was|were)\b/i,
};
/**
 * A year that names the report itself ("the 2015 report", "the 1991 national plan report", 2015年政府工作报告,
 * 1979年国务院报告, 2002年国务院的政府工作报告, 2009年重庆市政府工作报告): its plan year, not a year it reviews. Up to three words may stand
 * between the year and "report", but no preposition ("in 2008 according to the report" dates a figure).
 */
const REPORT_YEAR =
  /((?:19|20)\d{2})年?(?:的)?(?:[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|州|盟))?(?:国务院)?的?(?:人民)?(?:政府)?(?:工作)?报告|((?:19|20)\d{2})(?:'s)?\s+(?:(?!(?:according|to|in|the|of|by|from|for|and|on|at|as|per|with)\b)[a-z][\w'-]*\s+){0,3}report\b/gi;

/** The years a question names its reports by. */
export function reportYearsNamed(question: string): number[] {
  return [...question.matchAll(REPORT_YEAR)].map((m) => Number(m[1] ?? m[2]));
}

/**
 * The year from which a report's figures are its plan's: the plan year (1982 for the State Council's report of
 * 1981-11-30, whose 1981 figures are estimates of results), else the year it was delivered.
 */
export const planningYear = (d: DocumentSummary | undefined): number | null => d?.planYear ?? d?.year ?? null;

/**
 * A report states a year's plan in the report for that year (its plan year) and the year's results in the next
 * one's: a question about the plan picks the first, one about results the second, one that asks neither or both
 * either.
 */
function coversYear(d: DocumentSummary, year: number, asks: { plan: boolean; result: boolean }): boolean {
  const planYear = planningYear(d);
  if (asks.plan && !asks.result) return planYear === year;
  if (asks.result && !asks.plan) return planYear === year + 1;
  return planYear === year || planYear === year + 1;
}

export function questionScope(question: string, documents: DocumentSummary[]): QuestionScope {
  const language = /[\u4e00-\u9fff]/.test(question) ? 'zh' : 'en';
  const places = [...new Set(documents.map(reportPlace).filter((p): p is string => p !== null))];
  const named = places.filter((p) => (p === NATIONAL_PLACE ? NATIONAL[language].test(question) : namesPlace(question, placeForms(p))));
  // 吉林省 and 吉林市 share the short form 吉林: when the question spells one out in full, the other is not named.
  const spelledOut = named.filter((p) => question.includes(p));
  const placesNamed = named.filter(
    (p) => question.includes(p) || !spelledOut.some((o) => placeForms(o).zh.some((z) => placeForms(p).zh.includes(z))),
  );
  const years = askedYears(question);
  const ofPlace = placesNamed.length ? documents.filter((d) => placesNamed.includes(reportPlace(d) ?? '')) : documents;
  const namesReport = reportYearsNamed(question).length > 0;
  const asks = namesReport
    ? { plan: true, result: false }
    : { plan: ASKS_PLAN[language].test(question), result: ASKS_RESULT[language].test(question) };
  const ofYear = years.length ? ofPlace.filter((d) => years.some((y) => coversYear(d, y, asks))) : ofPlace;
  // A year no report of the place covers still leaves the place's reports as the scope.
  const chosen = !placesNamed.length && !years.length ? [] : ofYear.length ? ofYear : placesNamed.length ? ofPlace : [];
  const storedYears = [...new Set(ofPlace.map(planningYear).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  // Missing only when no report states the year as plan or as result (a 2016 report gives 2015's figures).
  const anyCovers = ofPlace.some((d) => years.some((y) => coversYear(d, y, { plan: false, result: false })));
  const missing = placesNamed.length && years.length && !anyCovers && storedYears.length && Math.max(...years) <= Math.max(...storedYears);
  return {
    places: placesNamed,
    years,
    documents: new Set(chosen.map((d) => d.id)),
    label: [...placesNamed, ...years.map(String)].join(' '),
    missingYear: missing ? { years, stored: storedYears } : null,
  };
}

interface CachedDocuments {
  generation: number;
  documents: DocumentSummary[];
}
const cachedDocuments = new WeakMap<GraphReader, CachedDocuments>();

/** The stored reports, reloaded only when the store's generation changes. */
export async function storedDocuments(store: GraphReader): Promise<DocumentSummary[]> {
  const generation = await store.generation();
  const cached = cachedDocuments.get(store);
  if (cached?.generation === generation) return cached.documents;
  const documents = await store.listDocuments();
  cachedDocuments.set(store, { generation, documents });
  return documents;
}
