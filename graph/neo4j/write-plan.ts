// Turns a validated DocumentGraph into the parameter rows of the write queries: property maps with
// integers as Neo4j integers, structural parents resolved, paragraph tokens computed, vectors as plain lists.
import neo4j, { type Integer } from 'neo4j-driver';
import { pinyinMatchKey } from '../match-key.ts';
import { defined } from '../../src/domain/defined.ts';
import { ENTITY_LABELS } from '../../src/domain/graph-labels.ts';
import type { DocumentGraph, Relation } from '../../src/domain/schemas.ts';
import { lexicalTokens } from '../../src/text/tokenize.ts';
import type { LinkKind, ParagraphParent } from './queries.ts';

/** Separates document id and alias in an entity's `declarations` strings (never occurs in ids or names). */
export const DECLARATION_SEPARATOR = '\u001f';

type Row = Record<string, unknown>;
interface Link {
  from: string;
  to: string;
}
type RelationType = Relation['type'];

export interface WritePlan {
  documentId: string;
  document: Row;
  sections: Row[];
  tasks: Row[];
  /** Each paragraph with the id of the node it hangs from. */
  paragraphsUnder: Record<ParagraphParent, Array<{ parentId: string; paragraph: Row }>>;
  links: Record<LinkKind, Link[]>;
  entities: Row[];
  mentions: Row[];
  observations: Row[];
  relations: Record<RelationType, Row[]>;
  chunks: Row[];
  vectors: Array<{ id: string; vector: number[] }>;
  /** Entities this document declared; the candidates for removal when it is deleted. */
  entityIds: string[];
  /** Every entity the document declared or mentioned, with the surfaces it was mentioned by here. */
  aliasUpdates: Array<{ id: string; surfaces: string[] }>;
}

const int = (value: number): Integer => neo4j.int(value);
const intOrNull = (value: number | null): Integer | null => (value === null ? null : int(value));

function distinctBy<T>(items: T[], key: (item: T) => unknown[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = JSON.stringify(key(item));
    if (!seen.has(k)) seen.set(k, item);
  }
  return [...seen.values()];
}

/** Everything a document owns must say so: deleteDocument finds it again by documentId. */
function checkOwnership(graph: DocumentGraph): void {
  const id = graph.document.id;
  const owned: Array<[string, Array<{ documentId: string }>]> = [
    ['section', graph.sections],
    ['task', graph.tasks],
    ['paragraph', graph.paragraphs],
    ['mention', graph.mentions],
    ['observation', graph.observations],
    ['relation', graph.relations],
    ['chunk', graph.chunks],
  ];
  for (const [kind, items] of owned) {
    const stray = items.find((item) => item.documentId !== id);
    if (stray) throw new Error(`writeDocument: a ${kind} belongs to document ${stray.documentId}, not ${id}`);
  }
}

export function planDocumentWrite(graph: DocumentGraph, vectors: Float32Array[]): WritePlan {
  if (vectors.length !== 0 && vectors.length !== graph.chunks.length) {
    throw new Error(`writeDocument: ${vectors.length} vectors for ${graph.chunks.length} chunks`);
  }
  checkOwnership(graph);
  const d = graph.document;
  const sectionIdByPath = new Map(graph.sections.map((s) => [s.path, s.id]));
  const taskIds = new Set(graph.tasks.map((t) => t.id));
  const links: Record<LinkKind, Link[]> = { documentSection: [], sectionSection: [], documentTask: [], sectionTask: [] };
  const paragraphsUnder: WritePlan['paragraphsUnder'] = { document: [], section: [], task: [] };

  for (const s of graph.sections) {
    const parent = s.parentPath === null ? undefined : sectionIdByPath.get(s.parentPath);
    if (parent) links.sectionSection.push({ from: parent, to: s.id });
    else links.documentSection.push({ from: d.id, to: s.id });
  }
  for (const t of graph.tasks) {
    const section = sectionIdByPath.get(t.sectionPath);
    if (section) links.sectionTask.push({ from: section, to: t.id });
    else links.documentTask.push({ from: d.id, to: t.id });
  }
  for (const p of graph.paragraphs) {
    const paragraph: Row = {
      id: p.id,
      documentId: p.documentId,
      sectionPath: p.sectionPath,
      taskId: p.taskId,
      ordinal: int(p.ordinal),
      text: p.text,
      charStart: int(p.charStart),
      charEnd: int(p.charEnd),
      sentenceStarts: p.sentences.map((s) => int(s.charStart)),
      sentenceEnds: p.sentences.map((s) => int(s.charEnd)),
      tokens: lexicalTokens(p.text).join(' '),
    };
    if (p.taskId !== null) {
      if (!taskIds.has(p.taskId)) throw new Error(`writeDocument: paragraph ${p.id} refers to task ${p.taskId}, which the document lacks`);
      paragraphsUnder.task.push({ parentId: p.taskId, paragraph });
      continue;
    }
    const section = sectionIdByPath.get(p.sectionPath);
    if (section) paragraphsUnder.section.push({ parentId: section, paragraph });
    else paragraphsUnder.document.push({ parentId: d.id, paragraph });
  }

  // One relationship per (type, from, to) and per mention span: repeats in the graph add nothing.
  const relations: Record<RelationType, Row[]> = { LOCATED_IN: [], HAS_PART: [] };
  for (const r of distinctBy(graph.relations, (r) => [r.type, r.fromId, r.toId])) {
    relations[r.type].push({ fromId: r.fromId, toId: r.toId, documentId: r.documentId, paragraphId: r.paragraphId });
  }
  const mentions = distinctBy(graph.mentions, (m) => [m.paragraphId, m.entityId, m.charStart, m.charEnd]);

  return {
    documentId: d.id,
    document: {
      id: d.id,
      title: d.title,
      label: d.label,
      place: d.place,
      placeCode: d.placeCode,
      level: d.level,
      year: intOrNull(d.year),
      planYear: intOrNull(d.planYear),
      speaker: d.speaker,
      issuer: d.issuer,
      date: d.date,
      sourcePath: d.sourcePath,
      source: d.source,
      text: d.text,
      ingestedAt: new Date().toISOString(),
      entityIds: [...new Set(graph.entities.map((e) => e.id))],
    },
    sections: graph.sections.map((s) => ({
      id: s.id,
      documentId: s.documentId,
      path: s.path,
      parentPath: s.parentPath,
      title: s.title,
      ordinal: int(s.ordinal),
      level: s.level,
      horizon: s.horizon,
      charStart: int(s.charStart),
      charEnd: int(s.charEnd),
    })),
    tasks: graph.tasks.map((t) => ({
      id: t.id,
      documentId: t.documentId,
      sectionPath: t.sectionPath,
      parentId: t.parentId,
      number: int(t.number),
      title: t.title,
      category: t.category,
      horizon: t.horizon,
      charStart: int(t.charStart),
      charEnd: int(t.charEnd),
    })),
    paragraphsUnder,
    links,
    entities: entityRows(graph.entities),
    mentions: mentions.map((m) => ({
      entityId: m.entityId,
      documentId: m.documentId,
      paragraphId: m.paragraphId,
      surface: m.surface,
      charStart: int(m.charStart),
      charEnd: int(m.charEnd),
    })),
    observations: graph.observations.map((o) => ({
      id: o.id,
      indicatorId: o.indicatorId,
      indicator: o.indicator,
      value: o.value,
      unit: o.unit,
      kind: o.kind,
      period: o.period,
      comparator: o.comparator,
      documentId: o.documentId,
      paragraphId: o.paragraphId,
      text: o.text,
      charStart: int(o.charStart),
      charEnd: int(o.charEnd),
      place: o.place ?? null,
      placeCode: o.placeCode ?? null,
    })),
    relations,
    chunks: graph.chunks.map((c) => ({
      id: c.id,
      documentId: c.documentId,
      paragraphId: c.paragraphId,
      sectionPath: c.sectionPath,
      taskId: c.taskId,
      text: c.text,
      charStart: int(c.charStart),
      charEnd: int(c.charEnd),
    })),
    vectors: vectors.map((vector, i) => ({ id: defined(graph.chunks[i], 'chunk of a vector').id, vector: Array.from(vector) })),
    entityIds: [...new Set(graph.entities.map((e) => e.id))],
    aliasUpdates: aliasUpdates(
      graph.entities.map((e) => e.id),
      mentions,
    ),
  };
}

/** Each row declares the names that no earlier row of the same entity declared in this document. */
function entityRows(entities: DocumentGraph['entities']): Row[] {
  const declared = new Map<string, Set<string>>();
  return entities.map((e) => {
    const seen = declared.get(e.id) ?? new Set<string>();
    declared.set(e.id, seen);
    const declare = [...new Set([e.name, ...e.aliases])].filter((alias) => !seen.has(alias));
    for (const alias of declare) seen.add(alias);
    return {
      id: e.id,
      type: e.type,
      label: ENTITY_LABELS[e.type],
      name: e.name,
      kind: e.kind,
      pinyin: e.pinyin,
      code: e.code ?? null,
      pinyinKey: pinyinMatchKey(e.pinyin),
      declare,
    };
  });
}

function aliasUpdates(declared: string[], mentions: DocumentGraph['mentions']): WritePlan['aliasUpdates'] {
  const surfaces = new Map<string, Set<string>>(declared.map((id) => [id, new Set()]));
  for (const m of mentions) {
    const known = surfaces.get(m.entityId);
    if (known) known.add(m.surface);
    else surfaces.set(m.entityId, new Set([m.surface]));
  }
  return [...surfaces].map(([id, names]) => ({ id, surfaces: [...names] }));
}
