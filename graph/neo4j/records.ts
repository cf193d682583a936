// Neo4j values back into domain objects and the port's GraphNode/GraphEdge. The driver runs with
// disableLosslessIntegers, so integers arrive as JS numbers.
import type { Node, Relationship } from 'neo4j-driver';
import { defined } from '../../src/domain/defined.ts';
import { Horizon, type Chunk, type Observation, type Paragraph, type Task } from '../../src/domain/schemas.ts';
import type { GraphEdge, GraphNode } from '../store.ts';

type Properties = Record<string, unknown>;

const str = (value: unknown): string => value as string;
const num = (value: unknown): number => value as number;
const strOrNull = (value: unknown): string | null => (value ?? null) as string | null;

export function toParagraph(p: Properties): Paragraph {
  const starts = (p.sentenceStarts ?? []) as number[];
  const ends = (p.sentenceEnds ?? []) as number[];
  return {
    id: str(p.id),
    documentId: str(p.documentId),
    sectionPath: str(p.sectionPath),
    taskId: strOrNull(p.taskId),
    ordinal: num(p.ordinal),
    text: str(p.text),
    sentences: starts.map((charStart, i) => ({ charStart, charEnd: defined(ends[i], 'end of a stored sentence') })),
    charStart: num(p.charStart),
    charEnd: num(p.charEnd),
  };
}

export function toTask(t: Properties): Task {
  return {
    id: str(t.id),
    documentId: str(t.documentId),
    sectionPath: str(t.sectionPath),
    parentId: strOrNull(t.parentId),
    number: num(t.number),
    title: str(t.title),
    category: strOrNull(t.category),
    horizon: Horizon.parse(t.horizon),
    charStart: num(t.charStart),
    charEnd: num(t.charEnd),
  };
}

export function toObservation(o: Properties): Observation {
  return {
    id: str(o.id),
    indicatorId: str(o.indicatorId),
    indicator: str(o.indicator),
    value: num(o.value),
    unit: str(o.unit),
    kind: o.kind as Observation['kind'],
    period: str(o.period),
    comparator: (o.comparator ?? null) as Observation['comparator'],
    documentId: str(o.documentId),
    paragraphId: str(o.paragraphId),
    text: str(o.text),
    charStart: num(o.charStart),
    charEnd: num(o.charEnd),
    ...(o.place ? { place: str(o.place) } : {}),
    ...(o.placeCode ? { placeCode: str(o.placeCode) } : {}),
  };
}

export function toChunk(c: Properties): Chunk {
  return {
    id: str(c.id),
    documentId: str(c.documentId),
    paragraphId: str(c.paragraphId),
    sectionPath: str(c.sectionPath),
    taskId: strOrNull(c.taskId),
    text: str(c.text),
    charStart: num(c.charStart),
    charEnd: num(c.charEnd),
  };
}

/** Bookkeeping and index-only properties never leave the adapter. */
const HIDDEN = new Set(['tokens', 'declarations', 'embedding', 'nameKey', 'aliasKey', 'pinyinKey', 'entityIds']);

function visible(properties: Properties, drop: string[] = []): Properties {
  return Object.fromEntries(Object.entries(properties).filter(([key]) => !HIDDEN.has(key) && !drop.includes(key)));
}

export function toGraphNode(node: Pick<Node, 'labels' | 'properties'>): GraphNode {
  const p = node.properties as Properties;
  const label = node.labels.find((l) => l !== 'Entity') ?? node.labels[0] ?? 'Node';
  const id = str(p.id);
  switch (label) {
    case 'Document':
      return { id, label, name: str(p.label ?? p.title), properties: visible(p, ['id', 'text']) };
    case 'Task':
      return { id, label, name: `${num(p.number)}. ${str(p.title)}`, properties: visible(p, ['id']) };
    case 'Paragraph':
      return { id, label, name: str(p.text).slice(0, 24), properties: visible(p, ['id', 'sentenceStarts', 'sentenceEnds']) };
    case 'Observation':
      return { id, label, name: `${str(p.indicator)} ${num(p.value)}${str(p.unit)}`, properties: visible(p, ['id']) };
    case 'Section':
      return { id, label, name: str(p.title), properties: visible(p, ['id']) };
    default:
      return { id, label, name: str(p.name), properties: visible(p, ['id']) };
  }
}

/** Same edge ids as the embedded store: mentions are told apart by their offset. */
export function toGraphEdge(relationship: Pick<Relationship, 'type' | 'properties'>, source: string, target: string): GraphEdge {
  const properties = { ...(relationship.properties as Properties) };
  const offset = properties.charStart === undefined ? '' : `:${properties.charStart}`;
  return { id: `${relationship.type}:${source}:${target}${offset}`, type: relationship.type, source, target, properties };
}
