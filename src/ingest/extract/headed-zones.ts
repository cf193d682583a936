// Zones named by a place and a composite designation (兰州新区综合保税区, 中国（甘肃）自由贸易试验区, 泉州高新技术
// 产业开发区): the place found in front becomes the head of the name, and a designation left without any head
// (综合保税区, 贸易试验区) is a class of zones, not one.
import { adminStem } from '../../geo/admin-stem.ts';
import { gazetteer } from '../../geo/gazetteer.ts';
import type { ExtractionContext } from './context.ts';
import { type Candidate, candidateAt } from './lexicon/candidate.ts';
import { dictionaryTag, isNameTag, tagDictionaryWords } from './lexicon/jieba.ts';
import { boundaryBefore, isCjk, precededByCount } from './lexicon/name-scan.ts';
import { PLANNING_REGION } from './lexicon/place-passes.ts';
import { COMMON_WORDS_NAMED_LIKE_PLACES } from './lexicon/place-vocabulary.ts';

const DESIGNATION =
  /(?:国家级|国家|省级)?(?:自由贸易试验区|自贸试验区|综合保税区|综保区|保税港区|保税物流园区|保税区|自主创新示范区|自创区|高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|跨境电子商务综合试验区|跨境电商综合试验区|综合试验区|台商投资区|临空经济区|出口加工区|片区|产业园|工业园区)/g;
/** Landmarks named by a place and what they are (苏州古城, 平江历史文化街区, 祁连山国家公园, 青岛机场, 黄河三角洲, 贺兰山东麓). */
const LANDMARK =
  /(?:国家级?)?(?:历史文化街区|历史文化片区|历史街区|古城|古镇|老街|商圈|国家公园|文化公园|考古遗址公园|遗址公园|森林公园|湿地公园|植物园|动物园|园博园|湿地|风景名胜区|风景区|景区|石窟|火车站|高铁站|国际邮轮码头|邮轮码头|国际机场|新机场|军民合用机场|通用机场|水上机场|机场|内陆港|港区(?!域)|港(?![澳口台资股人航产政城])|国际陆港|陆港型物流枢纽|国家物流枢纽|综合交通枢纽|空运口岸|航空口岸|公路口岸|铁路口岸|[东西南北]麓|[南北]坡|河谷|三角洲|滩区|大峡谷)/g;
/** Hubs among the landmarks, with their kind (哈尔滨火车站, 哈尔滨内陆港). */
const HUB_KIND: ReadonlyArray<readonly [RegExp, string]> = [
  [/站$/, 'station'],
  [/机场$/, 'airport'],
  [/(?:港|港区|口岸|枢纽|码头)$/, 'port'],
];
const CHINA_BRACKETS = /中国[（(][\u4e00-\u9fa5]{2,4}[）)]$/;
/** Designations that name no zone on their own (a report's 经济开发区 or 高新区 is its own zone, and stays). */
const HEADLESS = /^(?:自由)?贸易试验区$|^自贸试验区$|^综合保税区$|^综保区$|^保税港区$|^保税区$|^片区$|^综合试验区$/;

/**
 * Designations written after a place and words saying what the zone is for (某县生态建设示范区, 某县陶瓷园区,
 * 开封宋都古城国家文化产业示范园区): the name runs from the place to the designation.
 */
const DESCRIBED_DESIGNATION =
  /(?:示范园区|示范区|试验区|合作园区|开发园区|园区|产业园|合作区|发展区|协同区|创新区|自创区|保税港区|综合保税区|集聚区|科技城|汽车城|经开区|高新区|经济区|(?<![宅老]|老工业)基地)/g;
/** Designations that name a zone only after words saying what it is for (晋北煤炭基地; not 南昌基地, 沈阳经济区, a region). */
const PURPOSE_NEEDED = new Set(['经济区', '基地']);
const MIN_PURPOSE_LENGTH = 2;
/**
 * Designations of one kind of zone whose name adds at most a short qualifier to the place (江阴临港经开区, 阿克苏—阿拉尔
 * 国家高新区): a longer run is a clause about the place (广州经开区综合实力稳居国家级经开区).
 */
const SHORT_QUALIFIER = new Map([
  ['经开区', 4],
  ['高新区', 4],
]);
const MAX_DESCRIBED_LENGTH = 16;
/** Descriptions that make it an institution's campus or a selection, not a zone (…医院园区, …入选全国绿色园区). */
const NOT_A_ZONE_DESCRIPTION =
  /大学|学院|医院|学校|公司|集团|入选|获批|获评|评为|认定|[一二三四五六七八九十两]大|推动|推进|加快|支持|实施|打造|建成|建立|启动|开工|完成|争创|创建|申报|成为|加强|提升|纳入|列入|设立|批准|获得|共建|落户|入驻|位于|中心/;

const PLACE_HEAD_KINDS = new Set([
  'province',
  'city',
  'county',
  'district',
  'town',
  'township',
  'subdistrict',
  'zone',
  'newtown',
  'region',
  PLANNING_REGION,
  'area',
  'river',
  'lake',
  'port',
  'airport',
]);

/**
 * Designations that stand for the report's own zone when listed among its zones (高新区、经开区、天府新区等) or standing
 * alone as a subject or object (推动|经开区…); not as a class (升格为|经济技术开发区, 现有|出口加工区, 全国53个|高新区).
 */
const OWN_LISTED_DESIGNATIONS = new Set(['高新区', '经开区', '高新技术产业开发区', '经济技术开发区', '出口加工区']);

function standsAlone(text: string, at: number): boolean {
  return boundaryBefore(text, at) && !text.endsWith('为', at) && !precededByCount(text, at);
}
const ITEM_BEFORE = /[、，,；;：:]/;
const ITEM_AFTER = /[、，,；;和及等]/;

/** Designations that, written alone in a city's or county's report, mean that place's own zone. */
const OWN_ZONE_DESIGNATIONS = new Set([
  '综合保税区',
  '综保区',
  '保税港区',
  '保税区',
  '台商投资区',
  '临空经济区',
  '跨境电子商务综合试验区',
  '跨境电商综合试验区',
  '自由贸易试验区',
  '自贸试验区',
]);

/** The stem of the report's place when it is a prefecture or county (泉州), whose own zones it may leave unnamed. */
function ownStem(ctx: ExtractionContext): string | null {
  const unit = ctx.placeCode ? gazetteer().byCode(ctx.placeCode) : undefined;
  return unit && (unit.level === 'prefecture' || unit.level === 'county') ? adminStem(unit.name) : null;
}

export function headedZones(ctx: ExtractionContext, places: Candidate[]): Candidate[] {
  const own = ownStem(ctx);
  const byEnd = new Map<number, Candidate[]>();
  for (const p of places) if (PLACE_HEAD_KINDS.has(p.kind ?? '')) byEnd.set(p.end, [...(byEnd.get(p.end) ?? []), p]);
  const found: Candidate[] = [];
  for (const paragraph of ctx.paragraphs) {
    const text = paragraph.text;
    for (const match of text.matchAll(LANDMARK)) {
      const at = paragraph.charStart + match.index;
      const heads = (byEnd.get(at) ?? []).filter((h) => h.rule !== 'headed-zone');
      if (!heads.length) continue;
      // 防城|港 and 连云|港 are cities, not ports of a district.
      if (match[0] === '港' && heads.some((h) => gazetteer().byStem(`${h.name.replace(/[区县市]$/, '')}港`).length)) continue;
      const kind = HUB_KIND.find(([ending]) => ending.test(match[0]))?.[1] ?? 'area';
      let start = Math.min(...heads.map((h) => h.start));
      // 泉州|晋江|国际机场, 苏南|某某|机场: a hub takes the unit or planning region written before its head into its name
      // (not 吴江|同里湿地, a landmark).
      for (let outer = byEnd.get(start); kind !== 'area' && outer?.length; outer = byEnd.get(start)) {
        const units = outer.filter((h) => h.rule === 'gazetteer' || h.kind === PLANNING_REGION);
        if (!units.length) break;
        start = Math.min(...units.map((h) => h.start));
      }
      const end = at + match[0].length;
      const name = text.slice(start - paragraph.charStart, end - paragraph.charStart);
      found.push(
        candidateAt(paragraph, start - paragraph.charStart, end - paragraph.charStart, {
          type: 'place',
          kind,
          name,
          rule: 'headed-zone',
          priority: 8,
        }),
      );
    }
    for (const match of text.matchAll(DESIGNATION)) {
      const at = paragraph.charStart + match.index;
      const china = CHINA_BRACKETS.exec(text.slice(Math.max(0, match.index - 8), match.index));
      const heads = byEnd.get(at) ?? [];
      let start = china ? at - china[0].length : heads.length ? Math.min(...heads.map((h) => h.start)) : null;
      // 郑州|新郑|综合保税区: the zone takes the unit written before its head when that unit holds the head.
      const inner = heads.find((h) => h.code)?.code;
      if (start !== null && !china && inner) {
        for (let outer = byEnd.get(start); outer?.length; outer = byEnd.get(start)) {
          const holder = outer.find((o) => o.rule === 'gazetteer' && o.code && gazetteer().within(inner, o.code));
          if (!holder) break;
          start = holder.start;
        }
      }
      if (start === null) {
        // A city's or county's report writes its own zone without its name (升级为综合保税区): the zone is the report's.
        const designation = match[0].replace(/^(?:国家级|国家|省级)/, '');
        // 国家高新区 in a city's report is its own high-tech zone; a bare 高新区 may be any county's, unless it stands as an
        // item of a list of the city's zones (高新区、经开区、天府新区等).
        const [before, after] = [text[match.index - 1] ?? '', text[match.index + match[0].length] ?? ''];
        const listed = (before === '、' && ITEM_AFTER.test(after)) || (after === '、' && ITEM_BEFORE.test(before));
        if (
          own &&
          (OWN_ZONE_DESIGNATIONS.has(designation) ||
            (OWN_LISTED_DESIGNATIONS.has(designation) && (listed || standsAlone(text, match.index))))
        ) {
          found.push(
            candidateAt(paragraph, match.index, match.index + match[0].length, {
              type: 'place',
              kind: 'zone',
              name: `${own}${designation}`,
              rule: 'headed-zone',
              priority: 8,
              aliases: [match[0]],
            }),
          );
        }
        continue;
      }
      const end = at + match[0].length;
      const name = text.slice(start - paragraph.charStart, end - paragraph.charStart);
      found.push(
        candidateAt(paragraph, start - paragraph.charStart, end - paragraph.charStart, {
          type: 'place',
          kind: 'zone',
          name,
          rule: 'headed-zone',
          priority: 8,
        }),
      );
    }
  }
  return [...found, ...describedZones(ctx, byEnd, own)];
}

/** Whether a county-level or larger unit's stem (某县, 某市) starts the text; ordinary words (古城, 新城) do not count. */
function startsWithUnitStem(text: string): boolean {
  for (let length = 4; length >= 2; length--) {
    const stem = text.slice(0, length);
    if (COMMON_WORDS_NAMED_LIKE_PLACES.has(stem)) continue;
    if (
      gazetteer()
        .byStem(stem)
        .some((u) => u.level !== 'township')
    )
      return true;
  }
  return false;
}

let prefectureInitials: Set<string> | null = null;

/** First characters of the prefectures' and provinces' stems (兰 of 兰州, 白 of 白银). */
function initials(): Set<string> {
  if (!prefectureInitials) {
    const g = gazetteer();
    const provinces = Array.from({ length: 90 }, (_, i) => g.byCode(`${i + 10}0000`)).filter((u) => u !== undefined);
    const units = [...provinces, ...provinces.flatMap((p) => g.children(p.code).filter((u) => u.level === 'prefecture'))];
    prefectureInitials = new Set(units.map((u) => adminStem(u.name).charAt(0)));
  }
  return prefectureInitials;
}

/** Cities abbreviated to one character each (兰白 for 兰州 and 白银, 福厦泉), a run that is no dictionary word. */
function startsWithCityAbbreviations(text: string, own: string | null): boolean {
  for (const length of [3, 2]) {
    const run = text.slice(0, length);
    if (run.length !== length || ![...run].every((ch) => initials().has(ch)) || dictionaryTag(run) !== null) continue;
    // Before 国家 (兰白国家…), or with the report's own city last (深哈合作园区 in a report of 哈…).
    // The own city must stand abbreviated (深哈|合作), not start its full name (大|苏州工业园区).
    const ownInitial = own?.[0];
    if (
      text.startsWith('国家', length) ||
      (ownInitial !== undefined && run.endsWith(ownInitial) && !startsWithUnitStem(text.slice(length - 1)))
    )
      return true;
  }
  return false;
}

/** Where a described zone's name may begin at the latest: after punctuation or a joining character, 16 characters back. */
function phraseStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && at - start < MAX_DESCRIBED_LENGTH) {
    const previous = text.charAt(start - 1);
    // A place in brackets (松北（深圳龙岗）科技创新产业园) and a dash between names (中国—以色列) stay inside the name.
    const bracket = previous === '）' || previous === ')' ? BRACKETED_BEFORE.exec(text.slice(Math.max(0, start - 10), start)) : null;
    if (bracket) start -= bracket[0].length;
    else if ((previous === '—' || previous === '-') && isCjk(text[start - 2]) && isCjk(text[start])) start--;
    else if (isCjk(previous) && !JOINING.includes(previous)) start--;
    else break;
  }
  // 白银市|银西生态产业园: a city or province written out ends the phrase before it.
  const unitEnd = Math.max(text.lastIndexOf('市', at - 1), text.lastIndexOf('省', at - 1));
  return unitEnd >= start ? unitEnd + 1 : start;
}
/** 大连建设工业设计集聚区: a place building something is a clause; 某县生态建设示范区 ends its description in 建设 (and 新疆生产建设兵团 is a name). */
const BUILDS_SOMETHING = /(?<!生产)建设[^，。；]{2,}$/;
const JOINING = '的和与及或等在对向把为将从是';
const BRACKETED_BEFORE = /[（(][\u4e00-\u9fa5]{2,6}[）)]$/;
/** A Chinese unit in brackets inside a name that starts with 中国 (中国国际信息技术（福建）产业园). */
const BRACKETED = /[（(]([\u4e00-\u9fa5]{2,6})[）)]/;

/**
 * A place that starts the name, after any leading ordinary words (抓住|苏南国家自主创新示范区, 扩大|甘肃…) and an optional
 * 中国, then a description without a clause's verb up to the designation (某县生态建设示范区).
 */
function describedZones(ctx: ExtractionContext, byEnd: Map<number, Candidate[]>, own: string | null): Candidate[] {
  const headEnds = new Map<number, number>();
  for (const h of [...byEnd.values()].flat())
    if (h.rule !== 'headed-zone') headEnds.set(h.start, Math.max(headEnds.get(h.start) ?? 0, h.end));
  const found: Candidate[] = [];
  for (const paragraph of ctx.paragraphs) {
    const text = paragraph.text;
    for (const match of text.matchAll(DESCRIBED_DESIGNATION)) {
      const phrase = phraseStart(text, match.index);
      let start: number | null = null;
      let prefix = 0;
      for (const { word, tag } of [{ word: '', tag: '' }, ...tagDictionaryWords(text.slice(phrase, match.index))]) {
        prefix += word.length;
        if (word && isNameTag(tag)) break;
        const at = phrase + prefix;
        if (at >= match.index) break;
        // A name does not start inside brackets (川藏（雅安）…试验区 does not start at 雅安).
        if (/^[^（(]*[）)]/.test(text.slice(at, match.index))) continue;
        const china = text.startsWith('中国', at) ? 2 : 0;
        const bracketed = china ? BRACKETED.exec(text.slice(at, match.index))?.[1] : undefined;
        if (
          headEnds.has(paragraph.charStart + at + china) ||
          startsWithUnitStem(text.slice(at + china, match.index)) ||
          startsWithCityAbbreviations(text.slice(at, match.index), own) ||
          (bracketed !== undefined && startsWithUnitStem(bracketed))
        ) {
          start = at;
          break;
        }
      }
      if (
        start === null ||
        NOT_A_ZONE_DESCRIPTION.test(text.slice(start, match.index)) ||
        BUILDS_SOMETHING.test(text.slice(start, match.index))
      )
        continue;
      const headEnd = headEnds.get(paragraph.charStart + start) ?? paragraph.charStart + start + 2;
      if (PURPOSE_NEEDED.has(match[0]) && paragraph.charStart + match.index - headEnd < MIN_PURPOSE_LENGTH) continue;
      const longest = SHORT_QUALIFIER.get(match[0]);
      if (longest !== undefined && paragraph.charStart + match.index - headEnd > longest) continue;
      const end = match.index + match[0].length;
      found.push(
        candidateAt(paragraph, start, end, { type: 'place', kind: 'zone', name: text.slice(start, end), rule: 'headed-zone', priority: 8 }),
      );
    }
  }
  return found;
}

/** Drops designations without a head and zone names cut short inside a headed one (贸易试验区 in 中国（甘肃）自由贸易试验区). */
export function withoutHeadlessZones(candidates: Candidate[]): Candidate[] {
  const headed = candidates.filter((c) => c.rule === 'headed-zone');
  return candidates.filter((c) => {
    if (c.rule === 'headed-zone' || !['zone', 'newtown', 'park'].includes(c.kind ?? '')) return true;
    if (HEADLESS.test(c.name)) return false;
    return !headed.some((h) => h.end === c.end && h.start < c.start);
  });
}
