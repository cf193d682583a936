// Initiatives: quoted programmes (“五水共治”), counted bundles with their parts (六大战略, “六个浙江”),
// named programmes written without quotes (小城镇环境综合整治三年行动计划, 山海协作工程) and national programmes.
import { defined } from '../../domain/defined.ts';
import type { ExtractionContext, ExtractionParagraph } from './context.ts';
import { type Candidate, candidateAt, occurrences, resolveCrossings, spansOverlap } from './lexicon/candidate.ts';
import {
  BUNDLE_PHRASE,
  HONOUR_AFTER,
  HONOUR_BEFORE,
  KNOWN_PROGRAMMES,
  PROGRAMME_BUNDLE_HEADS,
  PROGRAMME_HEADS,
  QUOTED_BUNDLE,
  UNQUOTED_PROGRAMME_HEADS,
} from './lexicon/initiative-vocabulary.ts';
import { isGenericBody, scanNameStart } from './lexicon/name-scan.ts';

const QUOTED = /[“「]([^“”「」\n]{1,40})[”」]/g;
const TRAILING_NOTE = /\([^()]*\)$/;
const NUMERIC = /^[0-9.]+$/;
const CLAUSE_BREAK = /[,.;:!?。;:!?]/;
const NUMERALS = '一二三四五六七八九';
const WORKS_BODY = /(?:整治|治理|改造|景观|亮化|扩建|主体|水利|一期|二期|三期|建设|西排|东排|安居|管网)$/;

function numeralValue(text: string): number {
  if (text === '两') return 2;
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + NUMERALS.indexOf(text.charAt(1)) + 1;
  if (text.endsWith('十')) return (NUMERALS.indexOf(text.charAt(0)) + 1) * 10;
  return NUMERALS.indexOf(text) + 1;
}

/** What an initiative is, by the rule that found it: a bundle of programmes, a part of one, or a programme. */
function kindOf(rule: string): string {
  if (rule === 'bundle') return 'bundle';
  return rule === 'bundle-part' ? 'part' : 'programme';
}

function initiative(
  paragraph: ExtractionParagraph,
  start: number,
  end: number,
  name: string,
  rule: string,
  priority: number,
  extra: Partial<Candidate> = {},
): Candidate {
  return candidateAt(paragraph, start, end, { type: 'initiative', kind: kindOf(rule), name, rule, priority, ...extra });
}

function headAfter(text: string, at: number): string | undefined {
  return PROGRAMME_HEADS.find((head) => text.startsWith(head, at));
}

/** “五水共治”, “地票”改革, “5433”现代综合交通大会战, “最美人物(故事)”; honours and titles in quotes are skipped. */
function quotedIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const [, inner] = match;
    if (inner === undefined) continue;
    const innerStart = match.index + 1;
    const innerEnd = innerStart + inner.length;
    if (HONOUR_BEFORE.test(text.slice(Math.max(0, match.index - 6), match.index)) || HONOUR_AFTER.test(text.slice(innerEnd + 1))) continue;
    const name = inner.replace(TRAILING_NOTE, '').trim();
    if (NUMERIC.test(name)) {
      // A number is named by what follows it: “5433”现代综合交通大会战.
      const tail = /^[\u4e00-\u9fff]{2,10}/.exec(text.slice(innerEnd + 1));
      if (tail) found.push(initiative(paragraph, innerStart, innerEnd + 1 + tail[0].length, name + tail[0], 'quoted', 8));
      continue;
    }
    if (name.length < 2) continue;
    const head = headAfter(text, innerEnd + 1);
    found.push(initiative(paragraph, innerStart, innerStart + name.length, name, 'quoted', 8, head ? { aliases: [name + head] } : {}));
  }
  return found;
}

/** “亲”“清”新型政商关系: single quoted characters that together name what follows them. */
function quotedCharactersIn(paragraph: ExtractionParagraph): Candidate[] {
  const pattern = /((?:“[\u4e00-\u9fff]”){2,})([\u4e00-\u9fff]{2,10}?)(?=[,.;:、。的]|$)/g;
  return [...paragraph.text.matchAll(pattern)].flatMap((m) => {
    const [whole, characters, named] = m;
    if (characters === undefined || named === undefined) return [];
    return [initiative(paragraph, m.index, m.index + whole.length, characters.replace(/[“”]/g, '') + named, 'quoted', 8)];
  });
}

interface ListItem {
  name: string;
  start: number;
}

/** The n items of the list right before `at` (a quoted list, or items joined by 、/和), or null. */
function precedingList(text: string, at: number, count: number): ListItem[] | null {
  let segmentStart = at;
  while (segmentStart > 0 && !CLAUSE_BREAK.test(text.charAt(segmentStart - 1))) segmentStart--;
  const segment = text.slice(segmentStart, at);
  const quoted = /“([^“”]+)”$/.exec(segment);
  const quotedItems = quoted?.[1];
  let listStart: number;
  let list: string;
  if (quoted && quotedItems !== undefined) {
    listStart = segmentStart + quoted.index + 1;
    list = quotedItems;
  } else {
    list = segment.replace(/(?:建设|等)$/, '');
    listStart = segmentStart;
  }
  const items: ListItem[] = [];
  let offset = listStart;
  for (const part of list.split(/[、和及与]/)) {
    items.push({ name: part, start: offset });
    offset += part.length + 1;
  }
  const [first] = items;
  if (!quoted && first) {
    const firstEnd = first.start + first.name.length;
    const start = scanNameStart(text, firstEnd, { maxBody: 20, letters: true }) ?? first.start;
    items[0] = { name: text.slice(start, firstEnd), start };
  }
  // Quoted parts are names by being quoted ("绿色发展"); unquoted ones must name something in particular.
  const valid =
    items.length === count && items.every((i) => i.name.length >= 2 && i.name.length <= 24 && (quoted !== null || !isGenericBody(i.name)));
  return valid ? items : null;
}

/** 六大战略 after “产业集群、…”, 两大试点 after “A和B”: the bundle and its parts. */
function bundlesIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (const match of text.matchAll(BUNDLE_PHRASE)) {
    if (text[match.index - 1] === '“') continue;
    const [phrase, numeral, , head] = match;
    if (numeral === undefined || head === undefined) continue;
    const count = numeralValue(numeral);
    const parts = precedingList(text, match.index, count);
    if (!parts) continue;
    for (const part of parts) found.push(initiative(paragraph, part.start, part.start + part.name.length, part.name, 'bundle-part', 7));
    if (!PROGRAMME_BUNDLE_HEADS.has(head)) continue;
    const partNames = parts.map((p) => p.name);
    found.push(initiative(paragraph, match.index, match.index + phrase.length, phrase, 'bundle', 8, { parts: partNames }));
    // A quoted list (“A、B、C”六大战略) also names the bundle: from its first part to the end of its last.
    const [firstPart] = parts;
    const lastPart = parts.at(-1);
    if (text[match.index - 1] === '”' && firstPart && lastPart) {
      const listStart = firstPart.start;
      const listEnd = lastPart.start + lastPart.name.length;
      found.push(initiative(paragraph, listStart, listEnd, phrase, 'bundle', 9, { aliases: [text.slice(listStart, listEnd)] }));
    }
  }
  return found;
}

/** “六个浙江” and “三个年”: a quoted counted name whose parts are listed before it or quoted elsewhere. */
function quotedBundles(ctx: ExtractionContext, quoted: Candidate[]): void {
  const paragraphById = new Map(ctx.paragraphs.map((p) => [p.id, p]));
  for (const bundle of quoted) {
    const [, numeral, , stem] = QUOTED_BUNDLE.exec(bundle.name) ?? [];
    if (numeral === undefined || stem === undefined) continue;
    const count = numeralValue(numeral);
    const paragraph = defined(paragraphById.get(bundle.paragraphId), 'paragraph of a quoted bundle');
    const listed = precedingList(paragraph.text, bundle.start - paragraph.charStart - 1, count);
    if (listed?.every((i) => i.name.endsWith(stem.slice(-1)))) {
      bundle.parts = listed.map((i) => i.name);
      continue;
    }
    bundle.parts = quotedParts(ctx, quoted, stem, count, bundle.name);
  }
}

/** Quoted names ending in the bundle's stem (法治浙江 for “六个浙江”), preferring those that open a paragraph. */
function quotedParts(ctx: ExtractionContext, quoted: Candidate[], stem: string, count: number, bundleName: string): string[] | undefined {
  const paragraphById = new Map(ctx.paragraphs.map((p) => [p.id, p]));
  const members = quoted.filter((q) => q.name !== bundleName && q.name.endsWith(stem) && q.name.length === stem.length + 2);
  const opening = members.filter((q) => {
    const p = defined(paragraphById.get(q.paragraphId), 'paragraph of a quoted name');
    return /^[0-9]*[.、]?“$/.test(p.text.slice(0, q.start - p.charStart));
  });
  for (const group of [opening, members]) {
    const names = [...new Set(group.map((q) => q.name))];
    if (names.length === count) return names;
  }
  return undefined;
}

/** 小城镇环境综合整治三年行动计划, 山海协作工程, 拥江发展战略: named programmes without quotes. */
function namedProgrammesIn(paragraph: ExtractionParagraph): Candidate[] {
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (const { head, keepsBodyAsAlias } of UNQUOTED_PROGRAMME_HEADS) {
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
      if (text[at - 1] === '”' || text[at + head.length] === '”') continue;
      const start = scanNameStart(text, at, { maxBody: 12 });
      if (start === null || at - start < 3) continue;
      const body = text.slice(start, at);
      if (/[0-9一二三四五六七八九十百千]$/.test(body) || isGenericBody(body)) continue;
      // A works name (…整治工程) is a project; 工程总承包 is not a programme at all.
      if (head === '工程' && (WORKS_BODY.test(body) || '总师量款质技'.includes(text[at + head.length] ?? ''))) continue;
      const longer = found.find((f) => f.start === paragraph.charStart + start && f.end >= paragraph.charStart + at + head.length);
      if (longer) continue;
      found.push(initiative(paragraph, start, at + head.length, body + head, 'programme', 6, keepsBodyAsAlias ? { aliases: [body] } : {}));
    }
  }
  return found;
}

function knownProgrammesIn(paragraph: ExtractionParagraph): Candidate[] {
  const found: Candidate[] = [];
  for (const name of KNOWN_PROGRAMMES) {
    for (let at = paragraph.text.indexOf(name); at >= 0; at = paragraph.text.indexOf(name, at + name.length)) {
      found.push(initiative(paragraph, at, at + name.length, name, 'known-programme', 7));
    }
  }
  return found;
}

/** Later uses of an initiative's name or alias without quotes (健康浙江, 八项规定, 治危拆违) are mentions too. */
function laterUses(ctx: ExtractionContext, found: Candidate[]): Candidate[] {
  const nameOf = new Map<string, string>();
  for (const c of found) {
    for (const written of [c.name, ...(c.aliases ?? [])]) if (written.length >= 4 && !nameOf.has(written)) nameOf.set(written, c.name);
  }
  const taken = new Map<string, Array<{ start: number; end: number }>>();
  for (const c of found) taken.set(c.paragraphId, [...(taken.get(c.paragraphId) ?? []), c]);
  const uses: Candidate[] = [];
  for (const [written, name] of nameOf) {
    for (const { paragraph, index } of occurrences(ctx, written)) {
      const span = { start: paragraph.charStart + index, end: paragraph.charStart + index + written.length };
      const spans = taken.get(paragraph.id) ?? [];
      if (spans.some((c) => spansOverlap(c, span))) continue;
      spans.push(span);
      taken.set(paragraph.id, spans);
      uses.push(initiative(paragraph, index, index + written.length, name, 'later-use', 5));
    }
  }
  return uses;
}

export function extractInitiatives(ctx: ExtractionContext): Candidate[] {
  const quoted: Candidate[] = [];
  const others: Candidate[] = [];
  for (const paragraph of ctx.paragraphs) {
    quoted.push(...quotedIn(paragraph));
    others.push(
      ...quotedCharactersIn(paragraph),
      ...bundlesIn(paragraph),
      ...namedProgrammesIn(paragraph),
      ...knownProgrammesIn(paragraph),
    );
  }
  quotedBundles(ctx, quoted);
  const found = resolveCrossings([...quoted, ...others]);
  return resolveCrossings([...found, ...laterUses(ctx, found)]);
}
