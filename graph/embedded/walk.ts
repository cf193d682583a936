// Graph traversal over the embedded store's tables: the edges DESIGN.md names, derived from rows on demand.
import type Database from 'better-sqlite3';
import { defined } from '../../src/domain/defined.ts';
import { EDGES_PER_NODE, ENTITY_LABELS, type EdgeType } from '../../src/domain/graph-labels.ts';
import type { EntityType, Relation } from '../../src/domain/schemas.ts';
import type { GraphEdge, GraphNode, Subgraph } from '../store.ts';

type Row = Record<string, unknown>;

function edge(type: EdgeType, source: string, target: string, properties: Record<string, unknown> = {}): GraphEdge {
  const extra = properties.charStart === undefined ? '' : `:${properties.charStart}`;
  return { id: `${type}:${source}:${target}${extra}`, type, source, target, properties };
}

/** Each table's rows as graph nodes: the walk and the whole-graph export show a node the same way. */
const NODE_OF = {
  documents: (r: Row): GraphNode => ({
    id: r.id as string,
    label: 'Document',
    name: (r.label ?? r.title) as string,
    properties: { place: r.place, placeCode: r.place_code, level: r.level, year: r.year, planYear: r.plan_year, sourcePath: r.source_path },
  }),
  sections: (r: Row): GraphNode => ({
    id: r.id as string,
    label: 'Section',
    name: r.title as string,
    properties: {
      documentId: r.document_id,
      path: r.path,
      level: r.level,
      horizon: r.horizon,
      charStart: r.char_start,
      charEnd: r.char_end,
    },
  }),
  tasks: (r: Row): GraphNode => ({
    id: r.id as string,
    label: 'Task',
    name: `${r.number}. ${r.title}`,
    properties: {
      documentId: r.document_id,
      number: r.number,
      title: r.title,
      category: r.category,
      horizon: r.horizon,
      sectionPath: r.section_path,
      charStart: r.char_start,
      charEnd: r.char_end,
    },
  }),
  paragraphs: (r: Row): GraphNode => ({
    id: r.id as string,
    label: 'Paragraph',
    name: (r.text as string).slice(0, 24),
    properties: { documentId: r.document_id, text: r.text, sectionPath: r.section_path, charStart: r.char_start, charEnd: r.char_end },
  }),
  entities: (r: Row): GraphNode => ({
    id: r.id as string,
    label: ENTITY_LABELS[r.type as EntityType] ?? 'Entity',
    name: r.name as string,
    properties: { type: r.type, kind: r.kind, pinyin: r.pinyin },
  }),
  observations: (r: Row): GraphNode => ({
    id: r.id as string,
    label: 'Observation',
    name: `${r.indicator} ${r.value}${r.unit}`,
    properties: { ...r },
  }),
} as const;

const NODE_COLUMNS: Record<keyof typeof NODE_OF, string> = {
  documents: 'id, title, label, place, place_code, level, year, plan_year, source_path',
  sections: '*',
  tasks: '*',
  paragraphs: '*',
  entities: '*',
  observations: '*',
};

/** Every edge of the data model as one query per kind, in the shape `edges()` gives them. */
const ALL_EDGES: Array<{ sql: string; edge: (r: Row) => GraphEdge }> = [
  {
    sql: 'SELECT document_id AS source, id AS target FROM sections WHERE parent_path IS NULL',
    edge: (r) => edge('HAS_SECTION', r.source as string, r.target as string),
  },
  {
    sql: 'SELECT p.id AS source, c.id AS target FROM sections c JOIN sections p ON p.document_id = c.document_id AND p.path = c.parent_path',
    edge: (r) => edge('HAS_SECTION', r.source as string, r.target as string),
  },
  {
    sql: 'SELECT s.id AS source, t.id AS target FROM tasks t JOIN sections s ON s.document_id = t.document_id AND s.path = t.section_path',
    edge: (r) => edge('HAS_TASK', r.source as string, r.target as string),
  },
  {
    sql: `SELECT COALESCE(p.task_id, s.id, p.document_id) AS source, p.id AS target FROM paragraphs p
      LEFT JOIN sections s ON s.document_id = p.document_id AND s.path = p.section_path`,
    edge: (r) => edge('HAS_PARAGRAPH', r.source as string, r.target as string),
  },
  {
    sql: 'SELECT paragraph_id, entity_id, char_start, char_end, surface, document_id FROM mentions',
    edge: (r) =>
      edge('MENTIONS', r.paragraph_id as string, r.entity_id as string, {
        charStart: r.char_start,
        charEnd: r.char_end,
        surface: r.surface,
        documentId: r.document_id,
      }),
  },
  { sql: 'SELECT paragraph_id, id FROM observations', edge: (r) => edge('STATES', r.paragraph_id as string, r.id as string) },
  { sql: 'SELECT id, indicator_id FROM observations', edge: (r) => edge('OF', r.id as string, r.indicator_id as string) },
  {
    sql: 'SELECT DISTINCT p.task_id, m.entity_id FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id WHERE p.task_id IS NOT NULL',
    edge: (r) => edge('TOUCHES', r.task_id as string, r.entity_id as string),
  },
  {
    sql: 'SELECT DISTINCT type, from_id, to_id, document_id, paragraph_id FROM relations',
    edge: (r) =>
      edge(r.type as EdgeType, r.from_id as string, r.to_id as string, { documentId: r.document_id, paragraphId: r.paragraph_id }),
  },
];

/** Id prefixes ingest gives each kind of node (src/domain/ids.ts): only the order in which tables are tried. */
const TABLE_OF_PREFIX: Record<string, keyof typeof NODE_OF> = {
  sec_: 'sections',
  task_: 'tasks',
  par_: 'paragraphs',
  obs_: 'observations',
  ind_: 'entities',
  place_: 'entities',
  project_: 'entities',
  initiative_: 'entities',
  organization_: 'entities',
};
const TABLES = Object.keys(NODE_OF) as Array<keyof typeof NODE_OF>;
/** Up to this many named documents an entity's edges are read per document (1-3: 5-8 ms vs 22 for 地区生产总值 at 1,659 reports; 19: 34 ms); more, and per entity is cheaper. */
const SCOPED_DOCUMENTS_MAX = 8;

export class SqliteGraphWalker {
  /** Prepared once per walker: a walk runs hundreds of lookups, and preparing is most of a point lookup's cost. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  node(id: string): GraphNode | null {
    // The table the id's prefix names is tried first; the others still follow, so no id format is assumed.
    const first = TABLE_OF_PREFIX[/^[a-z]+_/.exec(id)?.[0] ?? ''];
    const tables = first ? [first, ...TABLES.filter((t) => t !== first)] : TABLES;
    for (const table of tables) {
      const row = this.statement(`SELECT ${NODE_COLUMNS[table]} FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
      if (row) return (NODE_OF[table] as (r: Row) => GraphNode)(row);
    }
    return null;
  }

  /** Row by row (better-sqlite3 iterates without loading a table), so the export's memory does not grow with the graph. */
  *allNodes(): Generator<GraphNode> {
    for (const [table, toNode] of Object.entries(NODE_OF) as Array<[keyof typeof NODE_OF, (r: Row) => GraphNode]>) {
      for (const row of this.db.prepare(`SELECT ${NODE_COLUMNS[table]} FROM ${table}`).iterate() as Iterable<Row>) yield toNode(row);
    }
  }

  *allEdges(): Generator<GraphEdge> {
    for (const { sql, edge: toEdge } of ALL_EDGES) for (const row of this.db.prepare(sql).iterate() as Iterable<Row>) yield toEdge(row);
  }

  /** A node's edges; an entity's only inside the given documents when some are given (its other nodes belong to one). */
  edges(node: GraphNode, documentIds?: readonly string[]): GraphEdge[] {
    const all = (sql: string, ...params: unknown[]) => this.statement(`${sql} LIMIT ${EDGES_PER_NODE}`).all(...params) as Row[];
    const id = node.id;
    const p = node.properties;
    switch (node.label) {
      case 'Document':
        return [
          ...all('SELECT id FROM sections WHERE document_id = ? AND parent_path IS NULL ORDER BY ordinal', id).map((r) =>
            edge('HAS_SECTION', id, r.id as string),
          ),
          // Paragraphs outside every section and task (a report's opening 各位代表：…) hang off the document itself.
          ...all(
            `SELECT p.id FROM paragraphs p LEFT JOIN sections s ON s.document_id = p.document_id AND s.path = p.section_path
              WHERE p.document_id = ? AND p.task_id IS NULL AND s.id IS NULL ORDER BY p.ordinal`,
            id,
          ).map((r) => edge('HAS_PARAGRAPH', id, r.id as string)),
        ];
      case 'Section': {
        const parent = all(
          `SELECT s.id FROM sections s, sections c WHERE c.id = ? AND s.document_id = c.document_id AND s.path = c.parent_path`,
          id,
        );
        return [
          ...(parent.length
            ? parent.map((r) => edge('HAS_SECTION', r.id as string, id))
            : [edge('HAS_SECTION', p.documentId as string, id)]),
          ...all('SELECT id FROM sections WHERE document_id = ? AND parent_path = ?', p.documentId, p.path).map((r) =>
            edge('HAS_SECTION', id, r.id as string),
          ),
          ...all('SELECT id FROM tasks WHERE document_id = ? AND section_path = ?', p.documentId, p.path).map((r) =>
            edge('HAS_TASK', id, r.id as string),
          ),
          ...all('SELECT id FROM paragraphs WHERE document_id = ? AND section_path = ? AND task_id IS NULL', p.documentId, p.path).map(
            (r) => edge('HAS_PARAGRAPH', id, r.id as string),
          ),
        ];
      }
      case 'Task':
        return [
          ...all('SELECT id FROM sections WHERE document_id = ? AND path = ?', p.documentId, p.sectionPath).map((r) =>
            edge('HAS_TASK', r.id as string, id),
          ),
          ...all('SELECT id FROM paragraphs WHERE task_id = ?', id).map((r) => edge('HAS_PARAGRAPH', id, r.id as string)),
          ...all('SELECT DISTINCT m.entity_id FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id WHERE p.task_id = ?', id).map(
            (r) => edge('TOUCHES', id, r.entity_id as string),
          ),
        ];
      case 'Paragraph':
        return [
          ...all(
            `SELECT COALESCE(p.task_id, s.id, p.document_id) AS parent FROM paragraphs p
              LEFT JOIN sections s ON s.document_id = p.document_id AND s.path = p.section_path WHERE p.id = ?`,
            id,
          ).map((r) => edge('HAS_PARAGRAPH', r.parent as string, id)),
          ...all('SELECT entity_id, char_start, char_end, surface FROM mentions WHERE paragraph_id = ?', id).map((r) =>
            edge('MENTIONS', id, r.entity_id as string, { charStart: r.char_start, charEnd: r.char_end, surface: r.surface }),
          ),
          ...all('SELECT id FROM observations WHERE paragraph_id = ?', id).map((r) => edge('STATES', id, r.id as string)),
        ];
      case 'Observation':
        return [edge('OF', id, p.indicator_id as string), edge('STATES', p.paragraph_id as string, id)];
      default:
        return this.entityEdges(id, documentIds);
    }
  }

  /**
   * An entity's mentions, touching tasks, relations and observations. Inside a few named documents they are read
   * through the documents' indexes: a much-mentioned entity (地区生产总值) has thousands of mentions, of which the
   * cap would otherwise keep an arbitrary few, maybe none of the named reports'.
   */
  private entityEdges(id: string, documentIds?: readonly string[]): GraphEdge[] {
    const scoped = documentIds !== undefined && documentIds.length <= SCOPED_DOCUMENTS_MAX;
    const inDocuments = scoped ? ' AND document_id IN (SELECT value FROM json_each(?))' : '';
    const params = (...rest: unknown[]) => (scoped ? [...rest, JSON.stringify(documentIds)] : rest);
    const all = (sql: string, ...values: unknown[]) => this.statement(`${sql} LIMIT ${EDGES_PER_NODE}`).all(...params(...values)) as Row[];
    const mentions = (alias = '') => `mentions${alias ? ` AS ${alias}` : ''}${scoped ? ' INDEXED BY mentions_document' : ''}`;
    return [
      ...all(
        `SELECT paragraph_id, char_start, char_end, surface, document_id FROM ${mentions()} WHERE entity_id = ?${inDocuments}`,
        id,
      ).map((r) =>
        edge('MENTIONS', r.paragraph_id as string, id, {
          charStart: r.char_start,
          charEnd: r.char_end,
          surface: r.surface,
          documentId: r.document_id,
        }),
      ),
      ...all(
        `SELECT DISTINCT p.task_id FROM ${mentions('m')} JOIN paragraphs p ON p.id = m.paragraph_id WHERE m.entity_id = ? AND p.task_id IS NOT NULL${inDocuments.replace('document_id', 'm.document_id')}`,
        id,
      ).map((r) => edge('TOUCHES', r.task_id as string, id)),
      ...all(
        `SELECT DISTINCT type, from_id, to_id, document_id, paragraph_id FROM relations WHERE (from_id = ? OR to_id = ?)${inDocuments}`,
        id,
        id,
      ).map((r) =>
        edge(r.type as Relation['type'], r.from_id as string, r.to_id as string, {
          documentId: r.document_id,
          paragraphId: r.paragraph_id,
        }),
      ),
      ...all(`SELECT id FROM observations WHERE indicator_id = ?${inDocuments}`, id).map((r) => edge('OF', r.id as string, id)),
    ];
  }

  neighbourhood(startId: string, depth: number, limit: number, documentIds?: readonly string[]): Subgraph {
    const start = this.node(startId);
    if (!start) return { nodes: [], edges: [] };
    const nodes = new Map<string, GraphNode>([[startId, start]]);
    const edges = new Map<string, GraphEdge>();
    let frontier = [start];
    for (let level = 0; level < depth && frontier.length && nodes.size < limit; level++) {
      const next: GraphNode[] = [];
      for (const node of frontier) {
        for (const e of this.edges(node, documentIds)) {
          const otherId = e.source === node.id ? e.target : e.source;
          if (!nodes.has(otherId)) {
            if (nodes.size >= limit) break;
            const other = this.node(otherId);
            if (!other) continue;
            nodes.set(otherId, other);
            next.push(other);
          }
          edges.set(e.id, e);
        }
      }
      frontier = next;
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  /** Breadth-first search from both ends' shared frontier; returns every node and edge on some shortest path. */
  shortestPaths(fromId: string, toId: string, maxHops: number): Subgraph {
    const from = this.node(fromId);
    const to = this.node(toId);
    if (!from || !to) return { nodes: [], edges: [] };
    const parents = new Map<string, GraphEdge[]>([[fromId, []]]);
    const nodes = new Map<string, GraphNode>([[fromId, from]]);
    let frontier = [from];
    let found = fromId === toId;
    for (let hop = 0; hop < maxHops && !found && frontier.length; hop++) {
      const next = new Map<string, GraphNode>();
      for (const node of frontier) {
        for (const e of this.edges(node)) {
          const otherId = e.source === node.id ? e.target : e.source;
          if (parents.has(otherId) && !next.has(otherId)) continue;
          const other = next.get(otherId) ?? this.node(otherId);
          if (!other) continue;
          const list = parents.get(otherId) ?? [];
          list.push(e);
          parents.set(otherId, list);
          next.set(otherId, other);
          nodes.set(otherId, other);
          if (otherId === toId) found = true;
        }
      }
      frontier = [...next.values()];
    }
    if (!found) return { nodes: [], edges: [] };
    const keepNodes = new Map<string, GraphNode>();
    const keepEdges = new Map<string, GraphEdge>();
    const stack = [toId];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (keepNodes.has(id)) continue;
      keepNodes.set(id, defined(nodes.get(id), 'node on a shortest path'));
      for (const e of parents.get(id) ?? []) {
        keepEdges.set(e.id, e);
        stack.push(e.source === id ? e.target : e.source);
      }
    }
    return { nodes: [...keepNodes.values()], edges: [...keepEdges.values()] };
  }
}
