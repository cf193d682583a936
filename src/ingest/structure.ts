// Finds a report's structure: parts (一、) › sections ((一), bold headings) › numbered items (1. › (1) › ①,
// bold lead sentences) › enumerations in running text (一是……二是……) › paragraphs › sentences, all with
// absolute character offsets into the document text. Tasks are the finest enumerated units; each carries the
// horizon (review, year, multi-year, other) of the part or announcement it comes under.
import { defined } from '../domain/defined.ts';
import { stableId } from '../domain/ids.ts';
import type { Paragraph, Section, Task } from '../domain/schemas.ts';
import type { ExtractionContext } from './extract/context.ts';
import type { CharSpan } from './read.ts';
import { clauseTitle, findClauses, type ClauseChain } from './structure/clauses.ts';
import { splitLines, type Line } from './structure/lines.ts';
import { buildTree, type Unit } from './structure/tree.ts';

export { chineseNumeral, numeralOf } from './structure/numerals.ts';
export { headingHorizon, type Horizon } from './structure/horizon.ts';

export interface StructureInput {
  documentId: string;
  /** Clean document text (citations show it). */
  text: string;
  /** normalizeWidth(text): same length, used for pattern matching. */
  normalized: string;
  /** Lines that were wholly bold or headings in the source markup. */
  boldLines: CharSpan[];
  /** Bold runs that open a line and stop before its end (bold lead sentences). */
  boldLeads?: CharSpan[];
  /** The year the report plans for: headings naming an earlier year review it. */
  planYear?: number | null;
}

export interface DocumentStructure {
  sections: Section[];
  tasks: Task[];
  paragraphs: Paragraph[];
}

export function splitSentences(text: string, offset: number): CharSpan[] {
  const spans: CharSpan[] = [];
  const boundary = /[^。!?！？]+(?:[。!?！？]+[”’」』)]*|$)/g;
  for (const match of text.matchAll(boundary)) {
    if (!match[0].trim()) continue;
    const start = match.index;
    spans.push({ charStart: offset + start, charEnd: offset + start + match[0].length });
  }
  return spans;
}

/** Titles are matched on the normalised text but shown in the document's own characters, without end marks. */
function cleanTitle(text: string): string {
  return text
    .trim()
    .replace(/[。:：]$/, '')
    .replace(/^[、,.，]+/, '')
    .trim();
}

/**
 * A clause that directs the work and announces the list after it with a colon (要把握好三个重点：), not a description
 * (分为三个层次：), targets (主要预期目标是：, 要达到三个目标：), causes, challenges and opportunities (面临一系列困难和
 * 挑战：), or the plan period's goals (“九五”期间…：).
 */
const ANNOUNCED_WORK = /(?:(?<![主重纲])要|必须|把握|抓住|抓好|注意|坚持|做到|处理好|着力)[^。;!?]*:$/;
const NOT_ANNOUNCED_WORK = /目标|指标|因素|原因|因为|困难|挑战|机遇|问题|矛盾|期间|今后|五年|“十?[一二三四五六七八九十]五”/;

export function parseStructure(input: StructureInput): DocumentStructure {
  const { documentId, text, normalized } = input;
  const root = buildTree(splitLines(normalized, input.boldLines, input.boldLeads), { planYear: input.planYear ?? null });
  const sections: Section[] = [];
  const tasks: Task[] = [];
  const paragraphs: Paragraph[] = [];
  const titleOf = (u: Unit) => (u.titleAt ? cleanTitle(text.slice(u.titleAt.start, u.titleAt.end)) : '');
  /** The part or section a unit is filed under: itself unless it is a numbered item. */
  const sectionOf = (u: Unit): Unit => {
    let p = u;
    while (p.kind === 'item' && p.parent) p = p.parent;
    return p;
  };
  /** A numbered heading line over items of its own is their section, not a task (1.做好… over 一是… paragraphs). */
  const headsItems = (u: Unit) => u.kind === 'item' && u.headingOnly && u.children.some((c) => c.kind === 'item');
  /** Its section: the nearest enclosing (一), bold heading or numbered heading over items, else the part. */
  const categoryOf = (u: Unit): string | null => {
    for (let p = u.parent; p; p = p.parent) if (p.kind === 'section' || headsItems(p)) return titleOf(p);
    for (let p = u.parent; p; p = p.parent) if (p.kind === 'part') return titleOf(p);
    return null;
  };
  /**
   * Enumerations in the running text of a unit without numbered items under it; in a section, also in its opening
   * paragraphs before lead paragraphs (今年要办好十二个方面民生实事。一是…十二是… then 努力发展各项社会事业。…).
   */
  const MAX_INTRO_PARAGRAPHS = 2;
  const chainsOf = (u: Unit): ClauseChain[] => {
    const leadsOnly = u.kind === 'section' && u.children.every((c) => c.kind === 'item' && c.style === 'lead');
    const clausesOf = (lines: Line[]) => findClauses(lines.map((l) => ({ text: normalized.slice(l.start, l.end), start: l.start })));
    // A year plan's closing lines after its sections may list more work (…政府自身建设：一是…四是…), and its opening
    // lines a list it announces with a colon (工作中要把握以下几点：一是…; 着力把握“四个关系”：一是…).
    const [firstChild, lastChild] = [u.children[0], u.children.at(-1)];
    if (u.kind === 'part' && u.horizon === 'year' && firstChild && lastChild) {
      // Over a part's own lead paragraphs its opening lines are work like them (扩大国内需求，首先必须…。一是…二是…).
      const partLeadsOnly = u.children.every((c) => c.kind === 'item' && c.style === 'lead');
      const announced = clausesOf(u.lines.filter((l) => l.end <= firstChild.start)).filter((chain) => {
        const before = normalized.slice(Math.max(0, chain[0].charStart - 40), chain[0].charStart);
        // The clause before the list, or the sentence it closes (…抢抓机遇。一是…).
        const open = before.replace(/[。;!?]$/, '');
        const announcing = open.slice(open.search(/[^。;!?]*$/));
        if (NOT_ANNOUNCED_WORK.test(announcing)) return false;
        return partLeadsOnly || (chain.length >= 3 && ANNOUNCED_WORK.test(announcing));
      });
      return [...announced, ...clausesOf(u.lines.filter((l) => l.start >= lastChild.end))];
    }
    return u.children.length && !leadsOnly ? [] : clausesOf(u.lines);
  };
  /**
   * A section is made of its enumeration when the list starts in its opening paragraph and runs through most of its
   * running text, or follows at most two intro paragraphs and runs to its end (…要全力抓好八项工作。一是…八是…); a list
   * in between is local to the section, which stays a task.
   */
  const madeOfChain = (u: Unit, chains: ClauseChain[]): boolean => {
    const [first, last] = [u.lines[0], u.lines.at(-1)];
    if (!first || !last) return false;
    const introLines = (chain: ClauseChain) => u.lines.filter((l) => l.end <= chain[0].charStart).length;
    return chains.some(
      (chain) =>
        (chain[0].charStart < first.end && (last.end - chain[0].charStart) * 2 >= last.end - first.start) ||
        (chain.length >= 3 &&
          introLines(chain) <= MAX_INTRO_PARAGRAPHS &&
          defined(chain.at(-1), 'last link of a chain').charStart >= last.start),
    );
  };
  const addTask = (
    u: Unit,
    parent: Task | null,
    number: number,
    title: string,
    category: string | null,
    charStart: number,
    charEnd: number,
  ): Task => {
    const task: Task = {
      id: stableId('task', documentId, charStart),
      documentId,
      sectionPath: sectionOf(u).path,
      parentId: parent?.id ?? null,
      number,
      title,
      category,
      horizon: u.horizon,
      charStart,
      charEnd,
    };
    tasks.push(task);
    return task;
  };

  const taskOfLine = new Map<number, Task>();
  const ownerOfLine: Array<{ line: Line; unit: Unit }> = [];
  const visit = (u: Unit, parentTask: Task | null) => {
    if (u.kind === 'part' || u.kind === 'section') {
      sections.push({
        id: stableId('sec', documentId, u.path),
        documentId,
        path: u.path,
        parentPath: u.parent && u.parent.kind !== 'root' ? sectionOf(u.parent).path : null,
        title: titleOf(u),
        ordinal: sections.length,
        level: u.kind,
        horizon: u.horizon,
        charStart: u.start,
        charEnd: u.end,
      });
    }
    // Numbered items are tasks; so is a section of running text (no items or sections under it: a chapter, 一、 over
    // its (一) sections, is their category). Both may hold a local list,
    // but a section whose running text is an enumeration (（四）…。一是…二是…) is made of it: its links are the tasks.
    const chains = chainsOf(u);
    const isTask =
      (u.kind === 'item' && !headsItems(u)) ||
      (u.kind === 'section' && !u.children.some((c) => c.kind === 'item' || c.kind === 'section') && !madeOfChain(u, chains));
    const own = isTask ? addTask(u, parentTask, u.number, titleOf(u), categoryOf(u), u.start, u.end) : null;
    for (const line of u.lines) {
      ownerOfLine.push({ line, unit: u });
      if (own) taskOfLine.set(line.start, own);
    }
    const clauseTasks: Task[] = [];
    for (const chain of chains) {
      // A chain that opens the unit itself (（1）…；（2）…；（3）… run in one paragraph, or an item line starting
      // 一要…二要…) continues the unit's own numbering: its other links are the unit's siblings, and the unit's
      // own task ends where the second link starts.
      const opensUnit = own !== null && chain[0].charStart === own.charStart;
      if (opensUnit) own.charEnd = chain[1].charStart;
      // A local list shares its task's category; right under a part, the part is its category.
      const category = own ? own.category : titleOf(u) || null;
      for (const clause of opensUnit ? chain.slice(1) : chain) {
        const task = addTask(
          u,
          opensUnit ? parentTask : own,
          clause.number,
          cleanTitle(clauseTitle(text.slice(clause.bodyStart, clause.charEnd))),
          category,
          clause.charStart,
          clause.charEnd,
        );
        clauseTasks.push(task);
        // A paragraph holding several clauses belongs to the task open where it starts: the first clause in it
        // (or the unit's own task); each clause's offsets say exactly where it is.
        const line = u.lines.find((l) => l.start <= clause.charStart && clause.charStart < l.end);
        if (line && (!taskOfLine.has(line.start) || clause.charStart === line.start)) taskOfLine.set(line.start, task);
      }
    }
    // A list inside a link of another list (七是…（1）…（2）…) is enumerated under that link, the innermost one.
    for (const task of clauseTasks) {
      const hosts = clauseTasks.filter((o) => o.charStart < task.charStart && task.charStart < o.charEnd);
      const host = hosts.sort((a, b) => a.charStart - b.charStart).at(-1);
      if (host) task.parentId = host.id;
    }
    for (const child of u.children) visit(child, own ?? (u.kind === 'item' ? parentTask : null));
  };
  visit(root, null);

  ownerOfLine.sort((a, b) => a.line.start - b.line.start);
  for (const { line, unit } of ownerOfLine) {
    paragraphs.push({
      id: stableId('par', documentId, line.start),
      documentId,
      sectionPath: sectionOf(unit).path,
      taskId: taskOfLine.get(line.start)?.id ?? null,
      ordinal: paragraphs.length,
      text: text.slice(line.start, line.end),
      sentences: splitSentences(text.slice(line.start, line.end), line.start),
      charStart: line.start,
      charEnd: line.end,
    });
  }
  tasks.sort((a, b) => a.charStart - b.charStart);
  return { sections, tasks, paragraphs };
}

/** The view extractors work on: normalised paragraph text with the titles of its part, section and item. */
export function buildExtractionContext(
  structure: DocumentStructure,
  normalized: string,
  meta: { documentId: string; year: number | null; planYear?: number | null; place: string | null; placeCode?: string | null },
): ExtractionContext {
  const sectionByPath = new Map(structure.sections.map((s) => [s.path, s]));
  const taskById = new Map(structure.tasks.map((t) => [t.id, t]));
  return {
    documentId: meta.documentId,
    year: meta.year,
    planYear: meta.planYear ?? null,
    place: meta.place,
    placeCode: meta.placeCode ?? null,
    paragraphs: structure.paragraphs.map((p) => {
      const headings: string[] = [];
      const section = sectionByPath.get(p.sectionPath);
      const parent = section?.parentPath ? sectionByPath.get(section.parentPath) : undefined;
      if (parent) headings.push(parent.title);
      if (section) headings.push(section.title);
      const task = p.taskId ? taskById.get(p.taskId) : undefined;
      if (task) headings.push(task.title);
      return {
        id: p.id,
        text: normalized.slice(p.charStart, p.charEnd),
        charStart: p.charStart,
        headings,
        taskNumber: task?.number ?? null,
      };
    }),
  };
}
