// What a part, section or announcement line of a report is about: last year's or the last term's work
// (review), this year's work (year), goals beyond this year (multi-year), or neither (other: the
// government's own conduct, closing remarks). Decided from heading words and the years a heading names,
// compared with the year the report plans for.
export type Horizon = 'review' | 'year' | 'multi-year' | 'other';
export const HORIZONS: readonly Horizon[] = ['review', 'year', 'multi-year', 'other'];

const REVIEW = /回顾|成绩|成效|成就|总结|过去|去年|上年|一年来|五年来|几年来|本届政府|做了|所做|进展|完成情况|执行情况/;
/** 今后五年 and 今后5年 (older reports print the count in digits). */
const NEXT_YEARS = /(?:今后|未来)\s*[五5５]\s*年|今后几年/;
const MULTI_YEAR =
  /(?:今后|未来)\s*[五5５]\s*年|今后几年|五年目标|五年规划|规划纲要|十[一二三四五六七八九]五|\d{4}\s*[-—～~至到]\s*\d{4}|远景|中长期|二〇三五|2035/;
const YEAR = /今年|本年|明年|全年|年度|主要任务|重点工作|工作安排|工作部署|重点任务|总体要求|预期目标|主要目标|工作任务|计划|任务/;
/** The government's own conduct, as a part of its own; inside a year plan such sections stay year. */
const OTHER =
  /自身建设|改进政府(?:自身)?工作|政府建设|政府治理|作风建设|效能建设|廉政建设|政府职能|建设人民满意|法治政府|服务型政府|廉洁政府|勤政廉政/;
/**
 * A glossary or annex heading: 名词解释, 名词注解：, 《政府工作报告》有关(内容)名词(术语)解释, (《政府工作报告》)注释, 附件1, 附录一：…, 附：. A line that goes on
 * into a sentence after its colon (附：试验编号 X。) is a note in running text, not a heading.
 */
export const APPENDIX =
  /^(?:《政府工作报告》)?(?:有关)?(?:内容)?名词(?:术语)?(?:解释|注释|注解)|^(?:《政府工作报告》)?(?:词语|术语)?注释[:：]?$|^附(?:件|录|注)?\s*[\d一二三四五六七八九十]*(?:[:：][^。；;!?！？]{0,20}$|$)/;
const YEARS = /(?:(?:19|20)\d{2}|[一二][九〇零][〇零一二三四五六七八九]{2})(?=\s*年)/g;
const DIGIT = '〇一二三四五六七八九';

/** The years a text names, in digits (2017年) or Chinese numerals (一九八九年, 二〇〇一年). */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(YEARS)].map(([year]) =>
    /^\d/.test(year) ? Number(year) : Number([...year].map((c) => DIGIT.indexOf(c === '零' ? '〇' : c)).join('')),
  );
}

/** A heading's horizon, or null when it has no cue (a topic heading such as 扩大内需). */
export function headingHorizon(title: string, planYear: number | null): Horizon | null {
  if (APPENDIX.test(title.trim())) return 'other';
  const years = yearsIn(title);
  const latest = years.length ? Math.max(...years) : null;
  const review = REVIEW.test(title) || (latest !== null && planYear !== null && latest < planYear);
  const planned = YEAR.test(title) || (latest !== null && planYear !== null && latest >= planYear);
  // "2016年工作回顾和2017年工作安排": the plan comes last and its items are what the part numbers. Without a
  // conjunction there is one subject: "1990年计划的执行情况" reviews last year's plan.
  const joint = title.search(/和|及|与|、/);
  if (review && planned && joint >= 0 && !/回顾|成绩|成效|总结|做了|执行情况|完成情况/.test(title.slice(joint + 1))) return 'year';
  if (MULTI_YEAR.test(title) && !(latest !== null && planYear !== null && latest === planYear && /和|及|与/.test(title))) {
    return review && !planned ? 'review' : 'multi-year';
  }
  if (review) return 'review';
  if (OTHER.test(title)) return 'other';
  if (planned) return 'year';
  return null;
}

/**
 * A line of running text that announces the list after it (一年来，主要做了以下工作： / 今年要重点抓好以下工作：)
 * sets the horizon of what follows; null when the line announces nothing.
 */
export function announcementHorizon(line: string, planYear: number | null): Horizon | null {
  const trimmed = line.trim();
  if (!/[:：]$/.test(trimmed) || trimmed.length > 120) return null;
  if (!/以下|如下|几个方面|几项|几件|重点|主要|着力|着重|抓好|做好|做了|突出/.test(trimmed)) return null;
  const years = yearsIn(trimmed);
  const latest = years.length ? Math.max(...years) : null;
  if (/做了|所做|开展了|取得了|完成了|抓了|一年来|五年来|过去/.test(trimmed)) return 'review';
  if (NEXT_YEARS.test(trimmed)) return 'multi-year';
  // 结合近五年工作的体会，对今年政府工作提出以下建议： is this year's plan.
  if (/今年|本年|明年/.test(trimmed)) return 'year';
  if (/五年/.test(trimmed)) return 'multi-year';
  if (latest !== null && planYear !== null) return latest < planYear ? 'review' : 'year';
  return null;
}

/**
 * A heading whose only period cue is the plan it serves (实施“十二五”规划实现良好开局, 确保“十一五”开好局): the part
 * may be about one year of that plan, so its opening paragraph's year decides when it names one.
 */
export function namesPlanPeriodOnly(title: string): boolean {
  return (
    /十[一二三四五六七八九]五/.test(title) &&
    !NEXT_YEARS.test(title) &&
    !/五年|时期|期间|规划纲要|远景|\d{4}\s*[-—～~至到]\s*\d{4}/.test(title)
  );
}

/** A section heading's horizon when it names the period outright (2016年工作回顾, 今后五年, 今年); else null. */
export function explicitHorizon(title: string, planYear: number | null): Horizon | null {
  const years = yearsIn(title);
  const latest = years.length ? Math.max(...years) : null;
  if (MULTI_YEAR.test(title)) return /回顾|过去|成就|成绩/.test(title) ? 'review' : 'multi-year';
  if (/回顾|过去一年|过去五年|去年|上年|一年来|五年来/.test(title) || (latest !== null && planYear !== null && latest < planYear))
    return 'review';
  if (/今年|本年|明年/.test(title) || (latest !== null && planYear !== null && latest >= planYear)) return 'year';
  return null;
}
