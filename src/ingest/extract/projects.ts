// Projects: named works. A work is the object of a construction verb ("加快建设…整治工程") or the subject of a
// completion verb ("…建成通车"); lists of them are split at 、 and 和. An item counts as a work when it names a
// place or institution, or ends in a works word (改建, 工程, 校区 …), and is not itself a programme or an area.
import type { ExtractionContext, ExtractionParagraph } from './context.ts';
import { type Candidate, candidateAt, resolveCrossings, spansInside } from './lexicon/candidate.ts';
import { cutDictionaryWords, tagDictionaryWords } from './lexicon/jieba.ts';
import { isGenericBody } from './lexicon/name-scan.ts';
import {
  ADVERBS_BEFORE_COMPLETION,
  COMPLETION_VERBS,
  CONSTRUCTION_VERBS,
  COUNT_IN_ITEM,
  LEADING_AMOUNT,
  LEADING_MEASURE,
  PROJECT_HEADS,
  TRAILING_NOT_NAME,
} from './lexicon/project-vocabulary.ts';

const CLAUSE = /[^,;:!?。;:!?]+/g;
const LIST_SEPARATOR = /[、和]/;
const LEADING_CONNECTIVE = /^(?:同时|其中|并|并且|以及|还|也|要|将|全面|积极|大力|加快|继续|全力|新)+/;
/** Places that are works themselves when built: roads, railways, parks (not towns, rivers or zones). */
const BUILT_PLACE_KINDS = new Set(['road', 'rail', 'park']);
const NOT_BUILT_PLACE_ENDINGS = /(?:小镇|强镇)$/;
/** Institutions that are not built: a bank branch or a company set up is not a work. */
const NOT_BUILT_ORGANIZATION_KINDS = new Set(['bank', 'company', 'association', 'agency', 'government']);
const PREPOSITIONS = new Set(['向', '对', '在', '从', '把', '与', '于', '按', '以', '为', '由', '将', '被', '给', '往', '对于', '关于']);

interface Item {
  start: number;
  end: number;
}

/** Item spans of a list between `from` and `to`, split at 、 and 和. */
function splitItems(text: string, from: number, to: number): Item[] {
  const items: Item[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || LIST_SEPARATOR.test(text.charAt(i))) {
      if (i > start) items.push({ start, end: i });
      start = i + 1;
    }
  }
  return items;
}

/** Cuts what is said about a work from its name: lengths in front, "建设" or "11座" behind, modifiers before 的. */
function trimItem(text: string, item: Item, closesList: boolean): Item {
  let { start, end } = item;
  const modifier = text.lastIndexOf('的', end - 1);
  if (modifier >= start) start = modifier + 1;
  const measure = LEADING_MEASURE.exec(text.slice(start, end));
  if (measure) start += measure[0].length;
  const verb = CONSTRUCTION_VERBS.find((v) => text.startsWith(v, start) && end - start > v.length + 2);
  if (verb) start += verb.length;
  if (closesList) {
    const etc = text.indexOf('等', start);
    if (etc > start && etc < end) end = etc;
    const count = COUNT_IN_ITEM.exec(text.slice(start + 2, end));
    if (count) end = start + 2 + count.index;
  }
  for (let guard = 0; guard < 3; guard++) {
    const trailing = TRAILING_NOT_NAME.exec(text.slice(start, end));
    if (!trailing || trailing[0].length === end - start) break;
    end -= trailing[0].length;
  }
  return { start, end };
}

/** "杭州东站西侧、高教新村北侧等地块停车场配套项目": the list only locates one work named after 等. */
function wholeListIsOneWork(text: string, items: Item[]): Item | null {
  const [first] = items;
  const last = items.at(-1);
  if (!first || !last || items.length < 2) return null;
  const lastText = text.slice(last.start, last.end);
  const etc = lastText.indexOf('等');
  if (etc < 0 || lastText.length - etc < 5) return null;
  const headAfterEtc = PROJECT_HEADS.some((h) => lastText.endsWith(h));
  const headBefore = items.slice(0, -1).some((i) => PROJECT_HEADS.some((h) => text.slice(i.start, i.end).endsWith(h)));
  return headAfterEtc && !headBefore ? { start: first.start, end: last.end } : null;
}

interface Known {
  places: Candidate[];
  organizations: Candidate[];
  initiatives: Candidate[];
}

/** Each paragraph's candidates, sorted by start (for `spansInside`). */
function byParagraph(candidates: Candidate[]): Map<string, Candidate[]> {
  const grouped = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const group = grouped.get(c.paragraphId);
    if (group) group.push(c);
    else grouped.set(c.paragraphId, [c]);
  }
  for (const group of grouped.values()) group.sort((a, b) => a.start - b.start);
  return grouped;
}

function isWork(paragraph: ExtractionParagraph, item: Item, known: Known): boolean {
  const name = paragraph.text.slice(item.start, item.end);
  if (name.length < 3 || name.length > 30 || LEADING_AMOUNT.test(name) || isGenericBody(name.replace(/[“”0-9.-]/g, ''))) return false;
  const span = { start: paragraph.charStart + item.start, end: paragraph.charStart + item.end };
  const places = spansInside(known.places, span);
  const organizations = spansInside(known.organizations, span);
  // A place that is not built (a town, a river, a characteristic town) is no work, nor is a work ending in one.
  const endingPlace = places.find((p) => p.end === span.end && !name.includes('至'));
  if (endingPlace && (!BUILT_PLACE_KINDS.has(endingPlace.kind ?? '') || NOT_BUILT_PLACE_ENDINGS.test(endingPlace.name))) return false;
  const wholeOrganization = organizations.find((o) => o.start === span.start && o.end === span.end);
  if (wholeOrganization && NOT_BUILT_ORGANIZATION_KINDS.has(wholeOrganization.kind ?? '')) return false;
  // A programme (山海协作工程, “四好农村路”) is an initiative, unless it is a quoted works name (“百项千亿防洪排涝工程”).
  // A work named after a programme (美丽乡村公路) goes on past it with a works word.
  const programme = spansInside(known.initiatives, span).find(
    (i) => (i.end - i.start) * 2 >= span.end - span.start && !(i.rule === 'quoted' && /工程$/.test(i.name)),
  );
  if (programme && !(programme.end < span.end && PROJECT_HEADS.some((h) => name.endsWith(h)))) return false;
  const words = tagDictionaryWords(name);
  const startsWithName = [...places, ...organizations].some((n) => n.start === span.start);
  // "融入杭州大都市区": the item starts with the real verb; "向临浦…延伸": a prepositional phrase, not a name.
  if (!startsWithName && words[0] && words[0].word.length >= 2 && words[0].tag === 'v') return false;
  if (words.some((w) => PREPOSITIONS.has(w.word))) return false;
  const leading = [...places, ...organizations].filter((n) => n.start === span.start).sort((a, b) => b.end - a.end)[0];
  if (leading && leading.end < span.end) {
    // "塘栖延伸": a place and what happens to it, not a work named after it.
    const rest = paragraph.text.slice(leading.end - paragraph.charStart, item.end);
    const restWords = tagDictionaryWords(rest);
    if (restWords.every((w) => w.tag === 'v' || w.tag === 'vn') && !PROJECT_HEADS.some((h) => rest.endsWith(h))) return false;
  }
  if (places.length > 0 || organizations.length > 0) return true;
  const head = PROJECT_HEADS.filter((h) => name.endsWith(h)).sort((a, b) => b.length - a.length)[0];
  const body = head ? name.slice(0, -head.length) : '';
  return body.length >= 2 && !isGenericBody(body);
}

/** Word boundaries of a clause, so that a verb is only found as a word (not 建成 inside 创建成效). */
function wordBoundaries(text: string, from: number, to: number): Set<number> {
  const boundaries = new Set<number>([from]);
  let offset = from;
  for (const word of cutDictionaryWords(text.slice(from, to))) {
    offset += word.length;
    boundaries.add(offset);
  }
  return boundaries;
}

function firstVerb(
  text: string,
  from: number,
  to: number,
  verbs: readonly string[],
  boundaries: Set<number>,
): { at: number; verb: string } | null {
  for (let i = from; i < to; i++) {
    if (!boundaries.has(i)) continue;
    const verb = verbs.find((v) => text.startsWith(v, i) && i + v.length <= to && boundaries.has(i + v.length));
    if (verb) return { at: i, verb };
  }
  return null;
}

function itemsOfClause(text: string, from: number, to: number): Item[] {
  const boundaries = wordBoundaries(text, from, to);
  const lists: Item[][] = [];
  const built = firstVerb(text, from, to, CONSTRUCTION_VERBS, boundaries);
  if (built) lists.push(splitItems(text, built.at + built.verb.length, to));
  const finished = firstVerb(text, from, to, COMPLETION_VERBS, boundaries);
  if (finished && finished.at > from) {
    const subject = text.slice(from, finished.at);
    const connective = LEADING_CONNECTIVE.exec(subject)?.[0].length ?? 0;
    const adverbs = ADVERBS_BEFORE_COMPLETION.exec(subject)?.[0].length ?? 0;
    if (from + connective < finished.at - adverbs) lists.push(splitItems(text, from + connective, finished.at - adverbs));
  }
  return lists.flatMap((items) => {
    if (items.length === 0) return [];
    const whole = wholeListIsOneWork(text, items);
    if (whole) return [trimItem(text, whole, false)];
    return items.map((item, index) => trimItem(text, item, index === items.length - 1));
  });
}

function projectsIn(paragraph: ExtractionParagraph, known: Known): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (const clause of text.matchAll(CLAUSE)) {
    for (const item of itemsOfClause(text, clause.index, clause.index + clause[0].length)) {
      if (item.end <= item.start || !isWork(paragraph, item, known)) continue;
      found.push(
        candidateAt(paragraph, item.start, item.end, {
          type: 'project',
          kind: 'works',
          name: text.slice(item.start, item.end),
          rule: 'works',
          priority: 6,
        }),
      );
    }
  }
  return found;
}

export function extractProjects(ctx: ExtractionContext, known: Known): Candidate[] {
  const places = byParagraph(known.places);
  const organizations = byParagraph(known.organizations);
  const initiatives = byParagraph(known.initiatives);
  return resolveCrossings(
    ctx.paragraphs.flatMap((p) =>
      projectsIn(p, {
        places: places.get(p.id) ?? [],
        organizations: organizations.get(p.id) ?? [],
        initiatives: initiatives.get(p.id) ?? [],
      }),
    ),
  );
}
