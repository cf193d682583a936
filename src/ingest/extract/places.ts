// Places: towns, townships and subdistricts, water bodies, zones and parks, roads and rail, districts,
// cities, provinces, countries and regions. Paragraph passes find suffixed names; document passes then
// find the same towns written without their suffix (瓜沥 for 瓜沥镇) and towns that a list establishes
// ("瓜沥、塘栖、新登、临浦等小城镇").
import { defined } from '../../domain/defined.ts';
import { gazetteer } from '../../geo/gazetteer.ts';
import { adminPlacesIn } from './admin-places.ts';
import { classListMembers } from './class-lists.ts';
import type { ExtractionContext } from './context.ts';
import { headedZones, withoutHeadlessZones } from './headed-zones.ts';
import { listedZones } from './listed-zones.ts';
import { minedPlacesIn } from './mined-places.ts';
import { routesIn } from './routes.ts';
import { type Candidate, candidateAt, occurrences, resolveCrossings } from './lexicon/candidate.ts';
import { isCommonWord, isFrequentCommonWord, standsAsWord, tagDictionaryWords } from './lexicon/jieba.ts';
import { boundaryBefore, isCjk, isGenericBody, listItems } from './lexicon/name-scan.ts';
import {
  adminUnitsIn,
  mountainsIn,
  namedPlacesIn,
  numberedAreasIn,
  quartersIn,
  ringsIn,
  roadLinesIn,
  roadsIn,
  townsIn,
  watersIn,
  zonesIn,
  type NamedPlace,
  PLANNING_REGION,
} from './lexicon/place-passes.ts';
import { ADMIN_SUFFIXES, INSTITUTION_AFTER, ORGANISATION_AFTER, REGIONS } from './lexicon/place-vocabulary.ts';
import { resolutionKey } from '../resolve.ts';

/** Bare names of towns (and route endpoints) known in this document, with their kind. */
type KnownNames = Map<string, string>;

const ENUMERATED_TOWNS =
  /((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,3})等(?:[0-9一二三四五六七八九十两]+个)?(?:小城镇|中心镇|乡镇|集镇|城镇|镇|乡|街道)/g;
const SHORT_LIST = /[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+/g;
const QUOTATION = /“[^“”]*”/g;
const TITLE = /《([^《》]*)》/g;

function plausibleBareName(name: string, known: KnownNames): boolean {
  if (known.has(name)) return true;
  return name.length >= 2 && name.length <= 3 && !isCommonWord(name) && !isGenericBody(name);
}

/** "瓜沥、塘栖、新登、临浦等小城镇": every item of a list that ends in a town word is a town. */
function enumeratedTowns(ctx: ExtractionContext, known: KnownNames): Candidate[] {
  const found: Candidate[] = [];
  for (const paragraph of ctx.paragraphs) {
    for (const match of paragraph.text.matchAll(ENUMERATED_TOWNS)) {
      const [, list] = match;
      if (list === undefined) continue;
      for (const item of listItems(paragraph.text, match.index, list, { maxBody: 3 }) ?? []) {
        if (!plausibleBareName(item.name, known)) continue;
        const kind = known.get(item.name) ?? 'town';
        known.set(item.name, kind);
        found.push(
          candidateAt(paragraph, item.start, item.start + item.name.length, {
            type: 'place',
            kind,
            name: item.name,
            rule: 'enumerated-town',
            priority: 9,
          }),
        );
      }
    }
  }
  return found;
}

/** A list whose items are mostly known towns ("向临浦、瓜沥、塘栖延伸") makes its other short items towns too. */
function listMates(ctx: ExtractionContext, known: KnownNames): void {
  for (let round = 0; round < 3; round++) {
    let added = false;
    for (const paragraph of ctx.paragraphs) {
      const text = paragraph.text;
      for (const match of text.matchAll(SHORT_LIST)) {
        const items = listItems(text, match.index, match[0], { maxBody: 3 });
        // The last item may run into the words after the list (塘栖延伸): only a known name at its start counts.
        const last = items?.at(-1);
        if (!items || !last) continue;
        const lastKnown = [...known.keys()].some(
          (name) => last.name.startsWith(name) && standsAsWord(text, last.start, last.start + name.length),
        );
        const inner = items.slice(0, -1);
        const knownCount = inner.filter((i) => known.has(i.name)).length + (lastKnown ? 1 : 0);
        if (knownCount === 0 || knownCount * 2 < items.length) continue;
        for (const item of inner) {
          if (known.has(item.name) || !plausibleBareName(item.name, known)) continue;
          if (!standsAsWord(text, item.start, item.start + item.name.length)) continue;
          known.set(item.name, 'town');
          added = true;
        }
      }
    }
    if (!added) return;
  }
}

/** "瓜沥至临浦", "郭巨至昆亭段": a route between a known place and another makes the other a place. */
function routeEndpoints(ctx: ExtractionContext, known: KnownNames): void {
  const names = [...known.keys()];
  for (const { paragraph, index } of occurrences(ctx, '至')) {
    const text = paragraph.text;
    const left = names.find((n) => text.endsWith(n, index));
    const right = names.find((n) => text.startsWith(n, index + 1));
    if (left && !right) {
      const name = text.slice(index + 1, index + 3);
      const after = text[index + 3] ?? '';
      if ([...name].every(isCjk) && /^[段线、,等和及精]?$/.test(after) && !isCommonWord(name) && !isGenericBody(name))
        known.set(name, 'area');
    } else if (right && !left && index >= 2) {
      const name = text.slice(index - 2, index);
      if ([...name].every(isCjk) && boundaryBefore(text, index - 2) && !isCommonWord(name) && !isGenericBody(name)) known.set(name, 'area');
    }
  }
}

/** Every occurrence of a known bare name, unless it is part of another word (钱塘 in 钱塘江, 江干 in 长江干流). */
function bareMentions(ctx: ExtractionContext, known: KnownNames): Candidate[] {
  const found: Candidate[] = [];
  for (const [name, kind] of known) {
    for (const { paragraph, index } of occurrences(ctx, name)) {
      // The end of a route section (郭巨至昆亭段) is written straight before 段, which the segmenter may take along.
      const sectionEnd = paragraph.text[index - 1] === '至' && paragraph.text[index + name.length] === '段';
      if (!sectionEnd && !standsAsWord(paragraph.text, index, index + name.length)) continue;
      found.push(candidateAt(paragraph, index, index + name.length, { type: 'place', kind, name, rule: 'bare-town', priority: 8 }));
    }
  }
  return found;
}

function adminKindOf(name: string): string {
  return ADMIN_SUFFIXES.find(([suffix]) => name.endsWith(suffix))?.[1] ?? 'district';
}

/** A bare name accepted only on the dictionary's word (萧山) needs one use that is not the head of a longer name. */
function establishedNamedPlaces(named: NamedPlace[], others: Candidate[]): Candidate[] {
  const headOfLonger = (c: Candidate) => others.some((o) => o.start === c.start && o.end > c.end);
  const established = new Set(named.filter((n) => n.bareAdministrative && !headOfLonger(n.candidate)).map((n) => n.candidate.name));
  return named.filter((n) => !n.bareAdministrative || established.has(n.candidate.name)).map((n) => n.candidate);
}

const QUOTED_RULES = new Set(['water', 'zone', 'road', 'road-line', 'mountain', 'town', 'quarter', 'admin-unit']);

/** A suffix match inside a quoted programme name (科创甬江 in “科创甬江2035”) is a word of the slogan, not a place. */
function outsideQuotations(ctx: ExtractionContext, candidates: Candidate[]): Candidate[] {
  const quotes = ctx.paragraphs.flatMap((p) =>
    [...p.text.matchAll(QUOTATION)].map((m) => ({ start: p.charStart + m.index + 1, end: p.charStart + m.index + m[0].length - 1 })),
  );
  return candidates.filter(
    (c) =>
      !QUOTED_RULES.has(c.rule) || !quotes.some((q) => q.start <= c.start && c.end <= q.end && (q.start !== c.start || q.end !== c.end)),
  );
}

/** A place name heading an organisation's (独墅湖医院, 金川公司) is a word of that name: no mention of the place. */
function withoutOrganisationHeads(ctx: ExtractionContext, candidates: Candidate[]): Candidate[] {
  const paragraphs = new Map(ctx.paragraphs.map((p) => [p.id, p]));
  return candidates.filter((c) => {
    const paragraph = defined(paragraphs.get(c.paragraphId), 'paragraph of a candidate');
    const end = c.end - paragraph.charStart;
    const after = paragraph.text.slice(end, end + 6);
    return !ORGANISATION_AFTER.test(after) && !INSTITUTION_AFTER.test(after);
  });
}

/** A name that is a whole title (话剧《红旗渠》) names the work, not the place. */
function withoutTitles(ctx: ExtractionContext, candidates: Candidate[]): Candidate[] {
  const titles = new Set(
    ctx.paragraphs.flatMap((p) =>
      [...p.text.matchAll(TITLE)].map((m) => `${p.charStart + m.index + 1}:${p.charStart + m.index + m[0].length - 1}`),
    ),
  );
  return candidates.filter((c) => !titles.has(`${c.start}:${c.end}`));
}

/** 三环东路 is a section of the ring road 三环: the ring is the place. */
function withoutRingSections(candidates: Candidate[]): Candidate[] {
  const rings = candidates.filter((c) => c.rule === 'ring');
  return candidates.filter((c) => c.rule !== 'road' || !rings.some((r) => r.start === c.start));
}

/**
 * A mined name inside a longer place name (凤凰山 in 凤凰山考古遗址公园) is a word of that name; the tail of a route
 * (格尔木铁路 in 敦煌至格尔木铁路) is no route of its own…
 */
function withoutNestedMined(candidates: Candidate[]): Candidate[] {
  const routes = candidates.filter((c) => c.rule === 'route');
  return candidates.filter((c) => {
    if (c.rule === 'mined')
      return !candidates.some((o) => o !== c && o.start <= c.start && c.end <= o.end && o.end - o.start > c.end - c.start);
    if (c.rule === 'route' || (c.kind !== 'road' && c.kind !== 'rail')) return true;
    // …nor its head (长春轻轨 in 长春轻轨4号线).
    return !routes.some((r) => (r.end === c.end && r.start < c.start) || (r.start === c.start && r.end > c.end));
  });
}

/** Suffixes that a 、-list of names shares (如美、叶巴滩、拉哇电站: three power stations; 长城、黄河国家文化公园). */
const SHARED_SUFFIXES = ['国家文化公园', '国家公园', '水电站', '电站', '水库', '高速公路', '高铁', '铁路', '机场', '口岸', '大桥', '隧道'];
const SHARED_ITEM = /^[\u4e00-\u9fff]{2,4}(?:至[\u4e00-\u9fff]{2,4})?$/;
const WORK_ENDING = /[桥港站路道]$/;

/** The items of a 、-list in front of a suffixed name, each that name's kind with the suffix added (如美 → 如美电站). */
function elidedListMembers(ctx: ExtractionContext, candidates: Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  for (const last of candidates) {
    const suffix = SHARED_SUFFIXES.find((s) => last.name.endsWith(s) && last.name.length > s.length);
    if (!suffix || !['water', 'road', 'mined', 'route', 'zone', 'headed-zone'].includes(last.rule)) continue;
    const paragraph = ctx.paragraphs.find((p) => p.charStart <= last.start && last.end <= p.charStart + p.text.length);
    if (!paragraph) continue;
    const text = paragraph.text;
    let end = last.start - paragraph.charStart - 1;
    while (end > 0 && text[end] === '、') {
      // An item has two characters at least: 如 before 美 is no boundary of 如美.
      const itemStart = (to: number) => {
        let from = to;
        while (from > 0 && to - from < 4 && /[\u4e00-\u9fff]/.test(text.charAt(from - 1)) && (to - from < 2 || !boundaryBefore(text, from)))
          from--;
        return from;
      };
      let start = itemStart(end);
      // A route's list names each route by its ends (吉林至草市、通化至新开岭高速公路).
      if (last.name.includes('至') && text[start - 1] === '至' && start - 1 - itemStart(start - 1) >= 2) start = itemStart(start - 1);
      const item = text.slice(start, end);
      // A unit's stem (加查, 樟木) names its station even when the dictionary also has it as a word, unless the word is
      // frequent and the unit a township (工程 of some 工程街道).
      const unitStem = gazetteer()
        .byStem(item)
        .some((u) => u.level !== 'township' || !isFrequentCommonWord(item));
      if (!SHARED_ITEM.test(item) || (isCommonWord(item) && !unitStem) || isGenericBody(item) || !boundaryBefore(text, start)) break;
      const at = paragraph.charStart + start;
      // A unit's bare name (加查、街需电站) names the station after it and stays a member.
      const unitOnly = (c: Candidate) => c.start === at && c.end === at + item.length && c.rule === 'gazetteer';
      // An item that is a name already (银西铁路, 中兰客专, a work such as 虎门二桥) or a section (武威段) ends the list.
      if (
        candidates.some((c) => c.start <= at && at + item.length <= c.end && !unitOnly(c)) ||
        item.endsWith('段') ||
        WORK_ENDING.test(item)
      )
        break;
      // A phrase with a verb (七库连通) ends the list too.
      if (!unitStem && tagDictionaryWords(item).some((w) => w.word.length >= 2 && w.tag.startsWith('v'))) break;
      found.push(
        candidateAt(paragraph, start, end, {
          type: 'place',
          kind: last.kind ?? 'area',
          name: item + suffix,
          rule: 'elided-list',
          priority: 7,
        }),
      );
      end = start - 1;
    }
  }
  return found;
}

/** A planning region (晋北) written where a place of the same span was found (晋北 of 晋北、晋东三大煤炭基地) yields to it. */
function withoutRegionsNamingMore(candidates: Candidate[]): Candidate[] {
  const spans = new Set(candidates.filter((c) => c.kind !== PLANNING_REGION).map((c) => `${c.start}:${c.end}`));
  return candidates.filter((c) => c.kind !== PLANNING_REGION || !spans.has(`${c.start}:${c.end}`));
}

export function extractPlaces(ctx: ExtractionContext): Candidate[] {
  const local: Candidate[] = [];
  const named: NamedPlace[] = [];
  const bareAdministrativeWords = new Set<Candidate>();
  for (const paragraph of ctx.paragraphs) {
    local.push(
      ...townsIn(paragraph),
      ...watersIn(paragraph),
      ...zonesIn(paragraph),
      ...roadsIn(paragraph),
      ...roadLinesIn(paragraph),
      ...ringsIn(paragraph),
      ...mountainsIn(paragraph),
      ...quartersIn(paragraph),
      ...numberedAreasIn(paragraph),
      ...adminUnitsIn(paragraph),
      ...minedPlacesIn(paragraph),
      ...routesIn(paragraph),
    );
    for (const n of namedPlacesIn(paragraph)) {
      named.push(n);
      if (n.bareAdministrative) bareAdministrativeWords.add(n.candidate);
    }
  }
  const adminPlaces = adminPlacesIn(ctx);
  const administrative = adminPlaces.filter((a) => !a.headsFeature).map((a) => a.candidate);
  const featureHeads = adminPlaces.filter((a) => a.headsFeature).map((a) => a.candidate);
  const known: KnownNames = new Map();
  for (const town of local.filter((c) => c.rule === 'town')) known.set(resolutionKey('place', town.name), town.kind ?? 'town');
  if (ctx.place) known.set(resolutionKey('place', ctx.place), adminKindOf(ctx.place));
  const enumerated = enumeratedTowns(ctx, known);
  listMates(ctx, known);
  routeEndpoints(ctx, known);
  const bare = bareMentions(ctx, known);
  // Planning regions head the places named after them (苏南国家自主创新示范区) and are dropped at the end.
  const planningRegions = named.filter((n) => n.candidate.kind === PLANNING_REGION).map((n) => n.candidate);
  const found = [...administrative, ...local, ...enumerated, ...bare, ...planningRegions];
  const all = withoutHeadlessZones(
    withoutNestedMined(withoutRingSections(outsideQuotations(ctx, [...found, ...headedZones(ctx, [...found, ...featureHeads])]))),
  );
  all.push(...elidedListMembers(ctx, all));
  all.push(...classListMembers(ctx, all));
  all.push(...listedZones(ctx, all));
  // Bare administrative words of the dictionary (富阳) are the gazetteer's to judge, with the jurisdiction in view.
  const resolved = resolveCrossings(
    withoutTitles(
      ctx,
      withoutOrganisationHeads(
        ctx,
        withoutRegionsNamingMore([...all, ...establishedNamedPlaces(named, all).filter((c) => !bareAdministrativeWords.has(c))]),
      ),
    ),
  );
  // A macro-region found by its landmark suffix (长江三角洲) is a strategy's name, as its short form (长三角) is.
  return resolved.filter((c) => c.kind !== PLANNING_REGION && !REGIONS.has(c.name));
}
