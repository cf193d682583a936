// Places named in a 、-list closed by 等 (or a count of 大 ones) and a class of places (…等历史文化街区, …等13个公园, …等重要河流,
// …等片区, 济青、济德等高速公路, 晋北、晋中、晋东三大煤炭基地):
// each item is one of that class; the last may join two (滇藏和中尼等干线公路).
import { findAdminUnit } from '../../geo/find-unit.ts';
import type { ExtractionContext } from './context.ts';
import { type Candidate, candidateAt } from './lexicon/candidate.ts';
import { dictionaryTag, isCommonWord, leadingNonNameLength, tagDictionaryWords } from './lexicon/jieba.ts';
import { isGenericBody, listItems, precededByCount } from './lexicon/name-scan.ts';
import { PLANNING_REGION } from './lexicon/place-passes.ts';

const CLASS_LIST =
  /((?:[\u4e00-\u9fff]{2,10}、)+[\u4e00-\u9fff]{2,10})(?:等|(?=[两三四五六七八九十]大))(?:[0-9一二三四五六七八九十两百]+(?:多|余)?[个处条座家大])?(?:重要|主要|重点|骨干|城市|市区|城区|市级|县级|省级|集中式|特色|历史文化|千万千瓦级|百万千瓦级|大型)?(煤炭基地|新能源基地|能源化工基地|能源基地|历史文化街区|历史街区|街区|国家公园|公园|游园|古典园林|园林|景区|景点|湿地|水系|河道|河流|湖泊|水库|港口|口岸(?!功能|经济|平台|业务)|码头|机场|垃圾场|海岛|岛屿|古镇|古村落|高速公路|干线公路|公路|城际铁路|高速铁路|铁路|高铁|片区|主次干道|主干道|干道|饮用水水源地|水源地)/g;
const CLASS_KIND: Readonly<Record<string, string>> = {
  湿地: 'lake',
  水系: 'river',
  河道: 'river',
  河流: 'river',
  湖泊: 'lake',
  水库: 'reservoir',
  饮用水水源地: 'reservoir',
  水源地: 'reservoir',
  港口: 'port',
  口岸: 'port',
  煤炭基地: 'zone',
  新能源基地: 'zone',
  能源化工基地: 'zone',
  能源基地: 'zone',
  码头: 'port',
  机场: 'airport',
  高速公路: 'road',
  干线公路: 'road',
  公路: 'road',
  铁路: 'rail',
  城际铁路: 'rail',
  高速铁路: 'rail',
  高铁: 'rail',
  主次干道: 'road',
  主干道: 'road',
  干道: 'road',
};
/** A route written short in a list of its class is named in full (济青 → 济青高速公路, 川藏 → 川藏公路). */
const CLASS_NAME_SUFFIX: Readonly<Record<string, string>> = {
  高速公路: '高速公路',
  干线公路: '公路',
  公路: '公路',
  铁路: '铁路',
  城际铁路: '城际铁路',
  高速铁路: '高速铁路',
  高铁: '高铁',
  片区: '片区',
  口岸: '口岸',
  煤炭基地: '煤炭基地',
  新能源基地: '新能源基地',
  能源化工基地: '能源化工基地',
  能源基地: '能源基地',
};
const ROUTE_ENDING = /(?:路|线|高速|铁路|公路|客专|段)$/;
/** A route's 至 is inside its name (同仁至赛尔龙、…等公路). */
const ROUTE_WORDS: ReadonlySet<string> = new Set(['至']);
/** Works in front of the first item are no part of it (整治|川藏; the dictionary takes 整治 for a noun). */
const WORKS_BEFORE = /^(?:整治|治理|疏浚|改造|提升)/;
const JOINED = /^([\u4e00-\u9fff]{2,})[和及与]([\u4e00-\u9fff]{2,})$/;

/**
 * An item that joins two names (朝阳街和所城里), says what is done (北马路拓宽改造, 改造晋安河), is a work (…防洪工程) or a
 * phrase of relation (以长江为重点的, 沿黄) is no one place.
 */
function namesOnePlace(item: string): boolean {
  if (/[和与及的]|工程$/.test(item) || /^[以沿在对把]/.test(item)) return false;
  return !tagDictionaryWords(item).some((w) => w.word.length >= 2 && (w.tag === 'v' || w.tag === 'vn'));
}

/**
 * The list's items, the first without the verbs before it, the last split where it joins two, each a whole slot; none
 * when the first has no boundary near.
 */
function itemsOf(text: string, at: number, list: string, route: boolean): Array<{ name: string; start: number }> {
  const scan = { maxBody: 8, insideWords: route ? ROUTE_WORDS : undefined };
  const bounded = listItems(text, at, list, scan);
  // Without a boundary near the first item, the list starts after it.
  const rest = list.indexOf('、') + 1;
  const items = bounded ?? listItems(text, at + rest, list.slice(rest), scan) ?? [];
  const first = items[0];
  if (bounded && first) {
    const verbs = WORKS_BEFORE.exec(first.name)?.[0].length ?? leadingNonNameLength(first.name);
    if (first.name.length - verbs < 2) items.shift();
    else items[0] = { name: first.name.slice(verbs), start: first.start + verbs };
  }
  const last = items.at(-1);
  const [, left, right] = (last ? JOINED.exec(last.name) : null) ?? [];
  // 瑶海和平路 joins nothing: 和 opens a word there (和平).
  if (last && left !== undefined && right !== undefined && dictionaryTag(last.name.slice(left.length, left.length + 2)) === null) {
    items.splice(-1, 1, { name: left, start: last.start }, { name: right, start: last.start + left.length + 1 });
  }
  // Past the first slot an item is the whole slot between two marks (并州路, not 州路 after a conjunction's 并).
  const firstMark = at + list.indexOf('、');
  return items.filter((item) => item.start < firstMark || /[、和及与]/.test(text[item.start - 1] ?? ''));
}

/** Units listed before 等地 / 等县 (对定陶、聂拉木等地的对口帮扶): each item the gazetteer knows down to counties is that unit. */
const UNIT_LIST =
  /((?:[\u4e00-\u9fff]{2,10}、)+[\u4e00-\u9fff]{2,10})等(?:[0-9一二三四五六七八九十]+个)?(?:地(?!区)|地区|县市|县区|市县|县)/g;
const KIND_OF_LEVEL: Readonly<Record<string, string>> = { province: 'province', prefecture: 'city', county: 'county' };

function listedUnits(paragraph: ExtractionContext['paragraphs'][number], found: Candidate[]): Candidate[] {
  const units: Candidate[] = [];
  for (const match of paragraph.text.matchAll(UNIT_LIST)) {
    const [, list] = match;
    if (list === undefined) continue;
    for (const item of itemsOf(paragraph.text, match.index, list, false)) {
      const at = paragraph.charStart + item.start;
      if (found.some((c) => c.start < at + item.name.length && at < c.end)) continue;
      const unit = findAdminUnit(item.name, { deepest: 'county' });
      if (!unit) continue;
      units.push(
        candidateAt(paragraph, item.start, item.start + item.name.length, {
          type: 'place',
          kind: KIND_OF_LEVEL[unit.level] ?? 'county',
          name: unit.name,
          rule: 'class-list',
          priority: 5,
          code: unit.code,
          aliases: unit.name === item.name ? [] : [item.name],
        }),
      );
    }
  }
  return units;
}

export function classListMembers(ctx: ExtractionContext, found: Candidate[]): Candidate[] {
  const members: Candidate[] = [];
  // A planning region (晋北) is dropped at the end: it keeps no item from being one of the class (晋北煤炭基地).
  const kept = found.filter((c) => c.kind !== PLANNING_REGION);
  for (const paragraph of ctx.paragraphs) {
    members.push(...listedUnits(paragraph, found));
    for (const match of paragraph.text.matchAll(CLASS_LIST)) {
      const [, list, className] = match;
      if (list === undefined || className === undefined) continue;
      const suffix = CLASS_NAME_SUFFIX[className];
      const kind = CLASS_KIND[className] ?? 'area';
      for (const listed of itemsOf(paragraph.text, match.index, list, suffix !== undefined)) {
        // 成都|至康定: a route's first end found as a place stays in the route's name.
        const end = listed.name.startsWith('至') ? found.find((c) => c.end === paragraph.charStart + listed.start) : undefined;
        const item = end
          ? {
              name: paragraph.text.slice(end.start - paragraph.charStart, listed.start + listed.name.length),
              start: end.start - paragraph.charStart,
            }
          : listed;
        const at = paragraph.charStart + item.start;
        // An item found already (渭河, or 宁波 standing for its airport) keeps what it was found as, and so does its
        // tail after words that name nothing (保护好|东平湖; not 后埔|枋湖片区 or 莘县至|南乐).
        const itemEnd = at + item.name.length;
        const wordsBefore = (c: Candidate) => {
          const prefix = paragraph.text.slice(item.start, c.start - paragraph.charStart);
          return leadingNonNameLength(prefix) === prefix.length;
        };
        if (kept.some((c) => (c.start <= at && itemEnd <= c.end) || (c.end === itemEnd && c.start > at && wordsBefore(c)))) continue;
        // 64个文化场馆、罍街等: an item counted is a class of its own.
        if (isCommonWord(item.name) || isGenericBody(item.name) || !namesOnePlace(item.name) || precededByCount(paragraph.text, item.start))
          continue;
        // An item that writes the class itself (临空产业园片区 in …、三学街片区等片区) keeps its name as written.
        const name = suffix && !ROUTE_ENDING.test(item.name) && !item.name.endsWith(suffix) ? item.name + suffix : item.name;
        members.push(
          candidateAt(paragraph, item.start, item.start + item.name.length, {
            type: 'place',
            kind,
            name,
            rule: 'class-list',
            priority: 5,
            aliases: name === item.name ? [] : [item.name],
          }),
        );
      }
    }
  }
  return members;
}
