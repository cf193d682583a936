// Finds a report's structure: parts (一、) › sections ((一), bold headings) › numbered items (1. › (1) › ①,
// bold lead sentences) › enumerations in running text (一是……二是……) › paragraphs › sentences, all with
// absolute character offsets into the document text. Tasks are the finest enumerated units; each carries the
// horizon (review, year, multi-year, other) of the part or announcement it comes under.
import { stableId } from '../domain/ids.ts';
import type { Paragraph, Section, Task } from '../domain/schemas.ts';
import type { ExtractionContext } from './extract/context.ts';
import type { CharSpan } from './read.ts';
import { clauseTitle, findClauses } from './structure/clauses.ts';
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
  return text.trim().replace(/[。:：]$/, '').replace(/^[、,.，]+/, '').trim();
}

export function parseStructure(input: StructureInput): DocumentStructure {
  const { documentId, text, normalized } = input;
  const root = buildTree(splitLines(normalized, input.boldLines, input.boldLeads), { planYear: input.planYear ?? null });
  const sections: Section[] = [];
  const tasks: Task[] = [];
  const paragraphs: Paragraph[] = [];
  const taskOfLine = new Map<number, Task>();
  const lineOwner = new Map<number, { line: Line; unit: Unit }>();

  const sectionId = (path: string) => stableId('sec', documentId, path);
  const titleOf = (u: Unit) => (u.titleAt ? cleanTitle(text.slice(u.titleAt.start, u.titleAt.end)) : '');
  /** Its section: the nearest enclosing (一) or bold heading, else the part. */
  const categoryOf = (u: Unit): string | null => {
    for (let p = u.parent; p; p = p.parent) if (p.kind === 'section') return titleOf(p);
    for (let p = u.parent; p; p = p.parent) if (p.kind === 'part') return titleOf(p);
    return null;
  };
  /** A section that is itself a task keeps its own path; an item or clause is filed under its parent. */
  const addTask = (u: Unit, number: number, title: string, charStart: number, charEnd: number): Task => {
    const task: Task = {
      id: stableId('task', documentId, charStart),
      documentId,
      sectionPath: u.kind === 'section' ? u.path : (u.parent?.path ?? ''),
      parentId: u.parent && u.parent.kind !== 'root' ? sectionId(u.parent.path) : null,
      number,
      title,
      category: categoryOf(u),
      horizon: u.horizon,
      charStart,
      charEnd,
    };
    tasks.push(task);
    return task;
  };

  const visit = (u: Unit) => {
    if (u.kind !== 'root') {
      // Parts, sections, and items with items under them are sections of the report.
      if (u.kind !== 'item' || isContainer(u)) {
        sections.push({
          id: sectionId(u.path),
          documentId,
          path: u.path,
          parentPath: u.parent && u.parent.kind !== 'root' ? u.parent.path : null,
          title: titleOf(u),
          ordinal: sections.length,
          level: u.kind === 'part' ? 'part' : 'section',
          horizon: u.horizon,
          charStart: u.start,
          charEnd: u.end,
        });
      }
    }
    for (const line of u.lines) lineOwner.set(line.start, { line, unit: u });
    const clauses = u.children.length === 0 ? clausesOf(u) : [];
    if (u.kind !== 'root' && u.kind !== 'part' && u.children.length === 0 && !clauses.length) {
      const task = addTask(u, u.number, titleOf(u), u.start, u.end);
      for (const line of u.lines) taskOfLine.set(line.start, task);
    }
    for (const clause of clauses) {
      const clauseUnit: Unit = { ...u, kind: 'item', parent: u, children: [], lines: [] };
      const task = addTask(clauseUnit, clause.number, cleanTitle(clauseTitle(text.slice(clause.bodyStart, clause.charEnd))), clause.charStart, clause.charEnd);
      const line = u.lines.find((l) => l.start <= clause.charStart && clause.charStart < l.end);
      if (line && !taskOfLine.has(line.start)) taskOfLine.set(line.start, task);
    }
    for (const child of u.children) visit(child);
  };

  const clauseCache = new Map<Unit, ReturnType<typeof findClauses>>();
  const chainsOf = (u: Unit) => {
    let chains = clauseCache.get(u);
    if (!chains) {
      chains = findClauses(u.lines.map((l) => ({ text: normalized.slice(l.start, l.end), start: l.start })));
      clauseCache.set(u, chains);
    }
    return chains;
  };
  const hasClauses = (u: Unit) => u.children.length === 0 && chainsOf(u).length > 0;
  const isContainer = (u: Unit) => u.children.length > 0 || hasClauses(u);
  const clausesOf = (u: Unit) => chainsOf(u).flat();

  visit(root);

  const ordered = [...lineOwner.values()].sort((a, b) => a.line.start - b.line.start);
  for (const { line, unit } of ordered) {
    const task = taskOfLine.get(line.start) ?? null;
    const owner = unit.kind !== 'item' || isContainer(unit) ? unit : unit.parent!;
    paragraphs.push({
      id: stableId('par', documentId, line.start),
      documentId,
      sectionPath: owner.path,
      taskId: task?.id ?? null,
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
  meta: { documentId: string; year: number | null; place: string | null },
): ExtractionContext {
  const sectionByPath = new Map(structure.sections.map((s) => [s.path, s]));
  const taskById = new Map(structure.tasks.map((t) => [t.id, t]));
  return {
    documentId: meta.documentId,
    year: meta.year,
    place: meta.place,
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
