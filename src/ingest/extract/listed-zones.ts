// Zones listed next to zones already found (东部综合商务城、西部生态科技城、南部太湖新城; 广东金融高新区、南三产业合作区、
// 空港经济区): an item of the same 、-list that ends in a zone's designation is a zone too, though no place heads it.
import type { ExtractionContext, ExtractionParagraph } from './context.ts';
import { type Candidate, candidateAt } from './lexicon/candidate.ts';
import { holdsName, leadingNonNameLength, tagDictionaryWords } from './lexicon/jieba.ts';
import { precededByCount } from './lexicon/name-scan.ts';

/** What a zone's name ends in; the first one in a list's last item ends that item (锡宜协同发展区|建设取得…). */
const ZONE_ENDING =
  /(?:示范园区|示范区|试验区|合作区|发展区|协同区|创新区|集聚区|经济区|服务区|开发区|高新区|经开区|产业园|工业园区|园区|科技城|商务城|新城)/g;
/** A quarter of the city named by its direction (东部综合商务城) is specific among its listed mates. */
const DIRECTION = /^(?:[东西南北]|中南|东南|西南|东北|西北)?[东西南北中]部/;
const ZONE_KINDS: ReadonlySet<string> = new Set(['zone', 'newtown', 'park']);
const CLAUSE = /[^，。；：！？,;:!?\n]+/g;
/** A superlative or a level makes a class (全国首家省级…产业园). */
const CLASS_HEAD = /^(?:全国|全省|全市|全区|首家|首个|首批|省级|国家级|市级)/;
/** Longest item kept: a longer slot is a clause, not a name. */
const MAX_ITEM = 16;

interface Slot {
  start: number;
  end: number;
}

/** The list's slots in a clause, split at 、 and at the last slot's 和/及 (…新城和北部高铁新城). */
function slotsOf(clause: string, offset: number): Slot[] {
  const slots: Slot[] = [];
  let start = 0;
  for (const part of clause.split('、')) {
    slots.push({ start: offset + start, end: offset + start + part.length });
    start += part.length + 1;
  }
  return slots;
}

/** Verbs and adverbs opening the list's first slot (继续建设|东部综合商务城); a direction (东部) starts the name. */
function leadingVerbs(slot: string): number {
  let length = 0;
  for (const { word, tag } of tagDictionaryWords(slot.slice(0, leadingNonNameLength(slot)))) {
    if (tag === 'f') break;
    length += word.length;
  }
  return length;
}

function balanced(head: string): boolean {
  return (head.match(/[（(]/g)?.length ?? 0) === (head.match(/[）)]/g)?.length ?? 0);
}

/** The zone name a slot holds: from after its leading verbs to the end of its first designation, or null. */
function zoneIn(text: string, slot: Slot, first: boolean): Slot | null {
  const raw = text.slice(slot.start, slot.end);
  const lead = first ? leadingVerbs(raw) : 0;
  const body = raw.slice(lead);
  ZONE_ENDING.lastIndex = 0;
  const ending = ZONE_ENDING.exec(body);
  if (!ending) return null;
  const name = body.slice(0, ending.index + ending[0].length);
  const head = body.slice(0, ending.index);
  if (name.length > MAX_ITEM || head.length < 2 || /[和与及的等]/.test(head) || CLASS_HEAD.test(head) || !balanced(head)) return null;
  // The head must name something (南三, 白鹅潭, 锡宜) or a quarter (东部): 电子信息产业园、激光产业园 are trades' parks.
  if (!holdsName(head) && !DIRECTION.test(head)) return null;
  // A slot saying what is done (改造|某园区) is a clause, not a name.
  if (tagDictionaryWords(head).some((w) => w.word.length >= 2 && w.tag === 'v')) return null;
  return { start: slot.start + lead, end: slot.start + lead + name.length };
}

function listedZonesIn(paragraph: ExtractionParagraph, zones: Candidate[], found: Candidate[]): Candidate[] {
  const text = paragraph.text;
  const listed: Candidate[] = [];
  for (const clause of text.matchAll(CLAUSE)) {
    if (!clause[0].includes('、')) continue;
    const slots = slotsOf(clause[0], clause.index);
    const names = slots.map((slot, i) => zoneIn(text, slot, i === 0));
    // A zone found already inside a slot (滨湖科学城, 某县经开区) makes the list one of zones.
    const holdsKnownZone = (slot: Slot) =>
      zones.some((z) => z.start >= paragraph.charStart + slot.start && z.end <= paragraph.charStart + slot.end);
    if (!slots.some(holdsKnownZone)) continue;
    for (const name of names) {
      if (!name || precededByCount(text, name.start)) continue;
      const [start, end] = [paragraph.charStart + name.start, paragraph.charStart + name.end];
      // An item holding a place found already (南部|太湖新城) keeps that place.
      if (found.some((c) => c.start < end && start < c.end)) continue;
      listed.push(
        candidateAt(paragraph, name.start, name.end, {
          type: 'place',
          kind: 'zone',
          name: text.slice(name.start, name.end),
          rule: 'listed-zone',
          priority: 6,
        }),
      );
    }
  }
  return listed;
}

export function listedZones(ctx: ExtractionContext, found: Candidate[]): Candidate[] {
  const zones = found.filter((c) => c.type === 'place' && ZONE_KINDS.has(c.kind ?? ''));
  return ctx.paragraphs.flatMap((paragraph) => listedZonesIn(paragraph, zones, found));
}
