// Projects: named works. A work is the object of a construction verb ("加快建设…整治工程") or the subject of a
// completion verb ("…建成通车"); lists of them are split at 、 and 和. An item counts as a work when it names a
// place or institution, or ends in a works word (改建, 工程, 校区 …).
import type { ExtractionContext, ExtractionParagraph } from './context.ts';
import { type Candidate, candidateAt, resolveCrossings, spanContains } from './lexicon/candidate.ts';
import { isGenericBody } from './lexicon/name-scan.ts';
import {
  ADVERBS_BEFORE_COMPLETION, COMPLETION_VERBS, CONSTRUCTION_VERBS, LEADING_COUNT, PROJECT_HEADS, TRAILING_NOT_NAME,
} from './lexicon/project-vocabulary.ts';

const CLAUSE = /[^,;:!?。;:!?]+/g;
const LIST_SEPARATOR = /[、和]/;
const LEADING_CONNECTIVE = /^(?:同时|其中|并|并且|以及|还|也|要|将|全面|积极|大力|加快|继续|全力|新)+/;

interface Item {
  start: number;
  end: number;
}

/** Item spans of a list between `from` and `to`, split at 、 and 和. */
function splitItems(text: string, from: number, to: number): Item[] {
  const items: Item[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || LIST_SEPARATOR.test(text[i]!)) {
      if (i > start) items.push({ start, end: i });
      start = i + 1;
    }
  }
  return items;
}

/** Cuts what is said about a work from its name: counts in front, "建设" or "11座" behind. */
function trimItem(text: string, item: Item): Item {
  let { start, end } = item;
  const count = LEADING_COUNT.exec(text.slice(start, end));
  if (count) start += count[0].length;
  for (let guard = 0; guard < 3; guard++) {
    const trailing = TRAILING_NOT_NAME.exec(text.slice(start, end));
    if (!trailing || trailing[0].length === end - start) break;
    end -= trailing[0].length;
  }
  const etc = text.indexOf('等', start);
  if (etc > start && etc < end) end = etc;
  return { start, end };
}

/** "汽车东站西侧、盛丰新村北侧等地块停车场配套项目": the list only locates one work named after 等. */
function wholeListIsOneWork(text: string, items: Item[]): Item | null {
  const last = items[items.length - 1]!;
  const lastText = text.slice(last.start, last.end);
  const etc = lastText.indexOf('等');
  if (items.length < 2 || etc < 0 || lastText.length - etc < 5) return null;
  const headAfterEtc = PROJECT_HEADS.some((h) => lastText.endsWith(h));
  const headBefore = items.slice(0, -1).some((i) => PROJECT_HEADS.some((h) => text.slice(i.start, i.end).endsWith(h)));
  return headAfterEtc && !headBefore ? { start: items[0]!.start, end: last.end } : null;
}

function isWork(paragraph: ExtractionParagraph, item: Item, named: Candidate[]): boolean {
  const name = paragraph.text.slice(item.start, item.end);
  if (name.length < 3 || name.length > 30 || isGenericBody(name.replace(/[“”0-9.\-]/g, ''))) return false;
  const span = { start: paragraph.charStart + item.start, end: paragraph.charStart + item.end };
  const namesSomething = named.some((n) => n.paragraphId === paragraph.id && spanContains(span, n));
  return namesSomething || PROJECT_HEADS.some((h) => name.endsWith(h));
}

function firstVerb(text: string, from: number, to: number, verbs: readonly string[]): { at: number; verb: string } | null {
  for (let i = from; i < to; i++) {
    const verb = verbs.find((v) => text.startsWith(v, i) && i + v.length <= to);
    if (verb) return { at: i, verb };
  }
  return null;
}

function itemsOfClause(text: string, from: number, to: number): Item[] {
  const built = firstVerb(text, from, to, CONSTRUCTION_VERBS);
  const lists: Item[][] = [];
  if (built) lists.push(splitItems(text, built.at + built.verb.length, to));
  const finished = firstVerb(text, from, to, COMPLETION_VERBS);
  if (finished && finished.at > from) {
    const subject = text.slice(from, finished.at);
    const connective = LEADING_CONNECTIVE.exec(subject)?.[0].length ?? 0;
    const adverbs = ADVERBS_BEFORE_COMPLETION.exec(subject)?.[0].length ?? 0;
    if (from + connective < finished.at - adverbs) lists.push(splitItems(text, from + connective, finished.at - adverbs));
  }
  return lists.flatMap((items) => {
    if (items.length === 0) return [];
    const whole = wholeListIsOneWork(text, items);
    return whole ? [trimItem(text, whole)] : items.map((i) => trimItem(text, i));
  });
}

function projectsIn(paragraph: ExtractionParagraph, named: Candidate[]): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (const clause of text.matchAll(CLAUSE)) {
    for (const item of itemsOfClause(text, clause.index, clause.index + clause[0].length)) {
      if (!isWork(paragraph, item, named)) continue;
      found.push(candidateAt(paragraph, item.start, item.end, {
        type: 'project', kind: 'works', name: text.slice(item.start, item.end), rule: 'works', priority: 6,
      }));
    }
  }
  return found;
}

export function extractProjects(ctx: ExtractionContext, places: Candidate[], organizations: Candidate[]): Candidate[] {
  const named = [...places, ...organizations];
  return resolveCrossings(ctx.paragraphs.flatMap((p) => projectsIn(p, named)));
}
