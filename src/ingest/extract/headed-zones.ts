// Zones named by a place and a composite designation (兰州新区综合保税区, 中国（甘肃）自由贸易试验区, 泉州高新技术
// 产业开发区): the place found in front becomes the head of the name, and a designation left without any head
// (综合保税区, 贸易试验区) is a class of zones, not one.
import { adminStem } from '../../geo/admin-stem.ts';
import { gazetteer } from '../../geo/gazetteer.ts';
import type { ExtractionContext } from './context.ts';
import { type Candidate, candidateAt } from './lexicon/candidate.ts';

const DESIGNATION = /(?:国家级|国家|省级)?(?:自由贸易试验区|自贸试验区|综合保税区|保税港区|保税物流园区|保税区|自主创新示范区|高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|跨境电子商务综合试验区|综合试验区|台商投资区|临空经济区|片区|产业园|工业园区)/g;
/** Landmarks named by a place and what they are (苏州古城, 平江历史文化街区, 祁连山国家公园). */
const LANDMARK = /(?:历史文化街区|历史文化片区|历史街区|古城|古镇|老街|商圈|国家公园|文化公园|遗址公园|森林公园|湿地公园|风景名胜区|风景区|景区|石窟)/g;
const CHINA_BRACKETS = /中国[（(][\u4e00-\u9fa5]{2,4}[）)]$/;
/** Designations that name no zone on their own (a report's 经济开发区 or 高新区 is its own zone, and stays). */
const HEADLESS = /^(?:自由)?贸易试验区$|^自贸试验区$|^综合保税区$|^保税港区$|^保税区$|^片区$|^综合试验区$/;

const PLACE_HEAD_KINDS = new Set(['province', 'city', 'county', 'district', 'town', 'township', 'subdistrict', 'zone', 'newtown', 'region', 'area', 'river', 'lake']);

/** Designations that, written alone in a city's or county's report, mean that place's own zone. */
const OWN_ZONE_DESIGNATIONS = new Set(['综合保税区', '保税港区', '保税区', '台商投资区', '临空经济区', '跨境电子商务综合试验区', '自由贸易试验区', '自贸试验区']);

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
      const start = Math.min(...heads.map((h) => h.start));
      const end = at + match[0].length;
      const name = text.slice(start - paragraph.charStart, end - paragraph.charStart);
      found.push(candidateAt(paragraph, start - paragraph.charStart, end - paragraph.charStart, { type: 'place', kind: 'area', name, rule: 'headed-zone', priority: 8 }));
    }
    for (const match of text.matchAll(DESIGNATION)) {
      const at = paragraph.charStart + match.index;
      const china = CHINA_BRACKETS.exec(text.slice(Math.max(0, match.index - 8), match.index));
      const heads = byEnd.get(at) ?? [];
      const start = china ? at - china[0].length : heads.length ? Math.min(...heads.map((h) => h.start)) : null;
      if (start === null) {
        // A city's or county's report writes its own zone without its name (升级为综合保税区): the zone is the report's.
        const designation = match[0].replace(/^(?:国家级|国家|省级)/, '');
        if (own && OWN_ZONE_DESIGNATIONS.has(designation)) {
          found.push(candidateAt(paragraph, match.index, match.index + match[0].length, {
            type: 'place', kind: 'zone', name: `${own}${designation}`, rule: 'headed-zone', priority: 8, aliases: [match[0]],
          }));
        }
        continue;
      }
      const end = at + match[0].length;
      const name = text.slice(start - paragraph.charStart, end - paragraph.charStart);
      found.push(candidateAt(paragraph, start - paragraph.charStart, end - paragraph.charStart, { type: 'place', kind: 'zone', name, rule: 'headed-zone', priority: 8 }));
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
