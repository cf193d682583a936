// When two indicator names written in different reports (or a draft) are the same indicator: compared on a key
// without quotes, leading action verbs and trailing 目标/指标, then by their longest common subsequence.
import { afterVerbs } from '../ingest/extract/indicators/metrics.ts';
import { cleanName } from '../ingest/resolve.ts';

const TRAILING_WORDS = /(?:目标值|目标|指标|任务|计划|预期|项目)$/;
/** Item numbers a name may have been read with (2.完成…, ⑦建成…), and words that only frame it. */
const LEADING_WORDS =
  /^(?:\d{1,3}[.、]|[①-⑳]|\([一二三四五六七八九十\d]{1,3}\)|再|又|年度|年内|全年|累计|共|总共|力争|确保|争取|全社会|全市|全省|全区|全县|全国)+/;
/** Verbs of the work done to a thing, before or after it (提升改造农村公路, 农村公路提升改造): the thing is the indicator. */
const WORK_VERBS = /(?:处置|建设|改造|整治|提升|设置|安装)/g;
/** Keys shorter than this name nothing in particular (项目, 企业) and never match. */
const MIN_KEY = 3;
/** A key wholly inside another names the same indicator when it says this much (道路增亮 in 城市道路增亮). */
const MIN_CONTAINED = 4;
const MIN_PREFIX = 6;

/** The key two names of one indicator share: 新建美丽乡村公路 and 美丽乡村公路 → 美丽乡村公路. */
export function indicatorKey(name: string): string {
  let key = cleanName(name).replace(LEADING_WORDS, '').replace(TRAILING_WORDS, '');
  // 研发经费支出与地区生产总值之比 is written 研发经费支出占地区生产总值比重 as often.
  key = key.replace(/^(.+)与(.+)之比$/, '$1占$2比重').replace(/[()]/g, '');
  const withoutVerbs = afterVerbs(key);
  if (withoutVerbs.length >= MIN_KEY) key = withoutVerbs;
  const withoutWorkVerbs = key.replace(WORK_VERBS, '');
  if (withoutWorkVerbs.length >= MIN_KEY) key = withoutWorkVerbs;
  return key;
}

function lcsLength(a: string, b: string): number {
  // One row of the table, every cell filled from the start: each `?? 0` only satisfies the index type.
  const previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      previous[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(above, previous[j - 1] ?? 0);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** 0..1: how much of the longer key the shorter one is, when it is the longer one with words added; 0 unless they end alike. */
export function nameSimilarity(a: string, b: string): number {
  const x = indicatorKey(a);
  const y = indicatorKey(b);
  // A short key names something in particular only as a quoted term (“三改”), not as a bare noun (项目).
  if (x.length < MIN_KEY || y.length < MIN_KEY) return x === y && /[“"]/.test(a) && /[“"]/.test(b) ? 1 : 0;
  if (x === y) return 1;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  // A name cut short by the reader (市级名师乡村 for 市级名师乡村工作室) still opens the full one.
  if (shorter.length >= MIN_PREFIX && longer.startsWith(shorter)) return SAME_INDICATOR;
  if (x.at(-1) !== y.at(-1)) return 0;
  // Only words added (PM2.5平均浓度 in PM2.5颗粒平均浓度), never words swapped (城镇… against 农村…).
  if (lcsLength(shorter, longer) < shorter.length) return 0;
  const contained = shorter.length >= MIN_CONTAINED && longer.includes(shorter) ? SAME_INDICATOR : 0;
  return Math.max(contained, shorter.length / longer.length);
}

export const SAME_INDICATOR = 0.75;

/** Fragments to look an indicator up by in a store that matches on substrings (quotes split a name). */
export function lookupFragments(name: string): string[] {
  const key = indicatorKey(name);
  const runs = normalizeRuns(key).filter((r) => r.length >= 2);
  const fragments = new Set<string>();
  for (const run of runs) {
    fragments.add(run.length <= 4 ? run : run.slice(-4));
    if (run.length > 4) fragments.add(run.slice(0, 4));
  }
  return [...fragments];
}

function normalizeRuns(text: string): string[] {
  return text.split(/[“”"'‘’《》「」、,]/);
}

/** Words that make a figure an amount of work done in its period (新建, 实施, 新增) rather than a level. */
const FLOW_WORDS =
  /新建|新增|新开工|开工|建成|建设|实施|完成|改造|整治|培育|引进|招引|创建|创成|打造|新培育|新引进|关停|淘汰|治理|推广|发放|帮助|吸纳|举办|累计/;

export function isFlowName(textBeforeFigure: string): boolean {
  return FLOW_WORDS.test(textBeforeFigure);
}

/** Indicators where less is better: a cap (以内/以下) or a burden (浓度, 能耗, 失业率, 事故 …). */
const LOWER_IS_BETTER = /浓度|能耗|排放|失业率|死亡|事故|发生率|不良率|涨幅|价格|负债|赤字|贫困|用时|时间|天数|劣|超标|投诉/;

export function lowerIsBetter(name: string, comparators: Array<string | null>): boolean {
  return comparators.includes('以内') || LOWER_IS_BETTER.test(name);
}
