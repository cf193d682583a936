// The zero-setup GraphStore: SQLite (better-sqlite3 12) under the data folder. One transaction per document
// gives all-or-nothing writes and crash safety; FTS5 over jieba tokens + CJK bigrams is the lexical index.
import Database from 'better-sqlite3';
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import type { ChunkSnapshot, ChunkVectorSource, VectorItem } from '../../embeddings/index.ts';
import type { Chunk, DocumentGraph, DocumentNode, EntityType, Horizon, Observation, Paragraph, Task } from '../../src/domain/schemas.ts';
import { defined } from '../../src/domain/defined.ts';
import { DocumentGraph as DocumentGraphSchema } from '../../src/domain/schemas.ts';
import { lexicalTokens, lexicalWords, queryTokens } from '../../src/text/tokenize.ts';
import { floatsOf } from './vector-blob.ts';
import type {
  DocumentContents,
  DocumentSummary,
  EntityQuery,
  EntitySummary,
  GraphEdge,
  GraphNode,
  GraphStore,
  NeighbourhoodOptions,
  ObservationQuery,
  StoreCounts,
  Subgraph,
  TaskHit,
  TaskQuery,
  TextHit,
} from '../store.ts';
import { pinyinMatchKey } from '../match-key.ts';
import { SCHEMA, SCHEMA_VERSION } from './schema.ts';
import { indexedLength, rankByBm25, type CountedToken } from './scope-bm25.ts';
import { SqliteGraphWalker } from './walk.ts';

type Row = Record<string, unknown>;

function toParagraph(row: Row): Paragraph {
  return {
    id: row.id as string,
    documentId: row.document_id as string,
    sectionPath: row.section_path as string,
    taskId: (row.task_id as string | null) ?? null,
    ordinal: row.ordinal as number,
    text: row.text as string,
    sentences: JSON.parse(row.sentences as string),
    charStart: row.char_start as number,
    charEnd: row.char_end as number,
  };
}

function toTask(row: Row): Task {
  return {
    id: row.id as string,
    documentId: row.document_id as string,
    sectionPath: row.section_path as string,
    parentId: (row.parent_id as string | null) ?? null,
    number: row.number as number,
    title: row.title as string,
    category: (row.category as string | null) ?? null,
    horizon: row.horizon as Task['horizon'],
    charStart: row.char_start as number,
    charEnd: row.char_end as number,
  };
}

function toObservation(row: Row): Observation {
  return {
    id: row.id as string,
    indicatorId: row.indicator_id as string,
    indicator: row.indicator as string,
    value: row.value as number,
    unit: row.unit as string,
    kind: row.kind as Observation['kind'],
    period: row.period as string,
    comparator: (row.comparator as Observation['comparator']) ?? null,
    documentId: row.document_id as string,
    paragraphId: row.paragraph_id as string,
    text: row.text as string,
    charStart: row.char_start as number,
    charEnd: row.char_end as number,
    ...(row.place ? { place: row.place as string } : {}),
    ...(row.place_code ? { placeCode: row.place_code as string } : {}),
  };
}

function toChunk(row: Row): Chunk {
  return {
    id: row.id as string,
    documentId: row.document_id as string,
    paragraphId: row.paragraph_id as string,
    sectionPath: row.section_path as string,
    taskId: (row.task_id as string | null) ?? null,
    text: row.text as string,
    charStart: row.char_start as number,
    charEnd: row.char_end as number,
  };
}

/**
 * A query token found in more than this share of the paragraphs (and in more than COMMON_TOKEN_FLOOR of them) is
 * left out of the full-text query: its BM25 weight is small, yet FTS5 scores every paragraph it matches before
 * keeping the best k, so at corpus scale words like 推进 or 建设 (in 40–55% of paragraphs) made each search cost
 * 50–200 ms instead of 2–30 ms. The floor keeps stores of a few reports exactly as before.
 */
const COMMON_TOKEN_SHARE = 0.1;
const COMMON_TOKEN_FLOOR = 2_000;

function vectorBlob(vector: Float32Array | undefined): Buffer | null {
  return vector ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength) : null;
}

/** How long a statement waits for another connection's lock before failing with `database is locked`. */
const BUSY_TIMEOUT_MS = 30_000;
/** Vectors read per turn of the event loop by a vector index catching up (1,000 held it 22 ms on a quiet machine, 56 on a busy one). */
const VECTOR_SLICE = 250;
/** Chunk ids read per turn of the event loop by a vector index catching up (5 ms each from chunks_with_vector). */
const ID_SLICE = 5000;
const BUMP_GENERATION = "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'";

function prepareWriteStatements(db: Database.Database) {
  return {
    documentExists: db.prepare('SELECT 1 FROM documents WHERE id = ?'),
    insertDocument:
      db.prepare(`INSERT INTO documents (id, title, label, place, place_code, level, year, plan_year, speaker, issuer, date, source_path, source, text, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertSection: db.prepare(`INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertTask: db.prepare(`INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertParagraph: db.prepare(`INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertFts: db.prepare(`INSERT INTO paragraph_fts (tokens, paragraph_id, document_id) VALUES (?, ?, ?)`),
    upsertEntity: db.prepare(`INSERT INTO entities (id, type, name, kind, pinyin, code) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET
        name = CASE WHEN length(excluded.name) > length(entities.name) THEN excluded.name ELSE entities.name END,
        kind = COALESCE(entities.kind, excluded.kind),
        code = COALESCE(entities.code, excluded.code)`),
    insertAlias: db.prepare(`INSERT OR IGNORE INTO entity_aliases VALUES (?, ?, ?)`),
    insertMention: db.prepare(`INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)`),
    insertObservation: db.prepare(`INSERT INTO observations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertRelation: db.prepare(`INSERT INTO relations VALUES (?, ?, ?, ?, ?)`),
    insertChunk: db.prepare(`INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    bumpGeneration: db.prepare(BUMP_GENERATION),
  };
}
type WriteStatements = ReturnType<typeof prepareWriteStatements>;

/** Full-text terms one question searches with at most: the rarest, which decide BM25's ranking anyway. */
const MAX_QUERY_TOKENS = 48;
/** Above this many matching paragraphs (summed over the query's tokens) a scoped search scores the scope directly. */
const DIRECT_SCORING_MATCHES = 20_000;

/** Paragraphs read to estimate the average indexed length. */
const LENGTH_SAMPLE = 3000;

export class SqliteGraphStore implements GraphStore, ChunkVectorSource {
  readonly kind = 'embedded' as const;
  readonly db: Database.Database;
  private readonly walker: SqliteGraphWalker;
  /** The document list counts every paragraph and task; asked per question, it is kept until the generation moves. */
  private documentList: { generation: number; documents: DocumentSummary[] } | null = null;
  private paragraphCount: { generation: number; count: number } | null = null;
  private preparedWrites: WriteStatements | null = null;

  /** Full-text pruning bounds (tests lower them to see the pruning on a few paragraphs). */
  private readonly commonTokens: { share: number; floor: number };
  private averageLength: { generation: number; tokens: number } | null = null;
  private readonly directScoringMatches: number;

  /** `readOnly`: a data folder this process may not write (serve and ask still answer from it). */
  constructor(
    file: string,
    readonly readOnly = false,
    options: { commonTokenShare?: number; commonTokenFloor?: number; directScoringMatches?: number } = {},
  ) {
    this.commonTokens = { share: options.commonTokenShare ?? COMMON_TOKEN_SHARE, floor: options.commonTokenFloor ?? COMMON_TOKEN_FLOOR };
    this.directScoringMatches = options.directScoringMatches ?? DIRECT_SCORING_MATCHES;
    this.db = new Database(file, { readonly: readOnly, fileMustExist: readOnly, timeout: BUSY_TIMEOUT_MS });
    this.walker = new SqliteGraphWalker(this.db);
    try {
      this.prepareSchema(file);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  private prepareSchema(file: string): void {
    if (this.readOnly) {
      this.checkSchemaVersion(file);
      return;
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = OFF');
    // One IMMEDIATE transaction: a second process opening a new store at the same moment waits for the schema and
    // its version together, instead of reading a half-created store as an old one.
    this.db
      .transaction(() => {
        this.checkSchemaVersion(file);
        this.db.exec(SCHEMA);
        this.db.prepare("INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', '0')").run();
        this.db.prepare("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
      })
      .immediate();
  }

  private checkSchemaVersion(file: string): void {
    const existing = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get()
      ? ((this.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as Row | undefined)?.value ?? '1')
      : String(SCHEMA_VERSION);
    if (Number(existing) !== SCHEMA_VERSION) {
      throw new Error(
        `${file} was written with schema version ${existing}, this version needs ${SCHEMA_VERSION}: delete the data folder and ingest again`,
      );
    }
  }

  async writeDocument(graph: DocumentGraph, vectors: Float32Array[]): Promise<boolean> {
    const parsed = DocumentGraphSchema.parse(graph);
    if (vectors.length !== 0 && vectors.length !== parsed.chunks.length) {
      throw new Error(`writeDocument: ${vectors.length} vectors for ${parsed.chunks.length} chunks`);
    }
    const write = this.db.transaction((g: DocumentGraph): boolean => {
      const d = g.document;
      const w = this.writeStatements();
      if (w.documentExists.get(d.id)) return false;
      w.insertDocument.run(
        d.id,
        d.title,
        d.label,
        d.place,
        d.placeCode,
        d.level,
        d.year,
        d.planYear,
        d.speaker,
        d.issuer,
        d.date,
        d.sourcePath,
        d.source,
        d.text,
        new Date().toISOString(),
      );
      for (const s of g.sections)
        w.insertSection.run(s.id, s.documentId, s.path, s.parentPath, s.title, s.ordinal, s.level, s.horizon, s.charStart, s.charEnd);
      for (const t of g.tasks)
        w.insertTask.run(t.id, t.documentId, t.sectionPath, t.parentId, t.number, t.title, t.category, t.horizon, t.charStart, t.charEnd);
      for (const p of g.paragraphs) {
        w.insertParagraph.run(
          p.id,
          p.documentId,
          p.sectionPath,
          p.taskId,
          p.ordinal,
          p.text,
          JSON.stringify(p.sentences),
          p.charStart,
          p.charEnd,
        );
        w.insertFts.run(lexicalTokens(p.text).join(' '), p.id, p.documentId);
      }
      for (const e of g.entities) {
        w.upsertEntity.run(e.id, e.type, e.name, e.kind, e.pinyin, e.code ?? null);
        for (const alias of new Set([e.name, ...e.aliases])) w.insertAlias.run(e.id, d.id, alias);
      }
      for (const m of g.mentions) {
        w.insertMention.run(m.entityId, m.documentId, m.paragraphId, m.charStart, m.charEnd, m.surface);
        w.insertAlias.run(m.entityId, d.id, m.surface);
      }
      for (const o of g.observations) {
        w.insertObservation.run(
          o.id,
          o.indicatorId,
          o.indicator,
          o.value,
          o.unit,
          o.kind,
          o.period,
          o.comparator,
          o.documentId,
          o.paragraphId,
          o.text,
          o.charStart,
          o.charEnd,
          o.place ?? null,
          o.placeCode ?? null,
        );
      }
      for (const r of g.relations) w.insertRelation.run(r.type, r.fromId, r.toId, r.documentId, r.paragraphId);
      g.chunks.forEach(
        (c, i) =>
          void w.insertChunk.run(
            c.id,
            c.documentId,
            c.paragraphId,
            c.sectionPath,
            c.taskId,
            c.text,
            c.charStart,
            c.charEnd,
            vectorBlob(vectors[i]),
          ),
      );
      w.bumpGeneration.run();
      return true;
    });
    // IMMEDIATE takes the write lock before the first read, so two writers queue instead of one failing on upgrade.
    return write.immediate(parsed);
  }

  /** The write path's statements, prepared on the first write and kept for every later document. */
  private writeStatements(): WriteStatements {
    this.preparedWrites ??= prepareWriteStatements(this.db);
    return this.preparedWrites;
  }

  private bumpGeneration(): void {
    this.db.prepare(BUMP_GENERATION).run();
  }

  async deleteDocument(documentId: string): Promise<boolean> {
    const remove = this.db.transaction((id: string): boolean => {
      const removed = this.db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
      if (!removed) return false;
      const entityIds = new Set<string>([
        ...this.db
          .prepare('SELECT DISTINCT entity_id AS id FROM mentions WHERE document_id = ?')
          .all(id)
          .map((r) => (r as Row).id as string),
        ...this.db
          .prepare('SELECT DISTINCT entity_id AS id FROM entity_aliases WHERE document_id = ?')
          .all(id)
          .map((r) => (r as Row).id as string),
        ...this.db
          .prepare('SELECT DISTINCT indicator_id AS id FROM observations WHERE document_id = ?')
          .all(id)
          .map((r) => (r as Row).id as string),
      ]);
      for (const table of [
        'sections',
        'tasks',
        'paragraphs',
        'mentions',
        'observations',
        'relations',
        'chunks',
        'entity_aliases',
        'paragraph_fts',
      ]) {
        this.db.prepare(`DELETE FROM ${table} WHERE document_id = ?`).run(id);
      }
      // An entity lives as long as some document still supports it.
      const orphan = this.db.prepare(`DELETE FROM entities WHERE id = ?
        AND NOT EXISTS (SELECT 1 FROM entity_aliases WHERE entity_id = ?)
        AND NOT EXISTS (SELECT 1 FROM observations WHERE indicator_id = ?)`);
      for (const entityId of entityIds) orphan.run(entityId, entityId, entityId);
      this.bumpGeneration();
      return true;
    });
    return remove.immediate(documentId);
  }

  async hasDocument(documentId: string): Promise<boolean> {
    return Boolean(this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId));
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const generation = await this.generation();
    if (this.documentList?.generation !== generation) this.documentList = { generation, documents: this.readDocumentList() };
    return this.documentList.documents.map((d) => ({ ...d }));
  }

  private readDocumentList(): DocumentSummary[] {
    const rows = this.db
      .prepare(`SELECT d.id, d.title, d.label, d.place, d.place_code, d.level, d.year, d.plan_year, d.date, d.speaker, d.source_path,
        (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id) AS paragraphs,
        (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) AS tasks
      FROM documents d ORDER BY d.year, d.label`)
      .all() as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      title: r.title as string,
      label: r.label as string,
      place: (r.place as string | null) ?? null,
      placeCode: (r.place_code as string | null) ?? null,
      level: (r.level as DocumentSummary['level']) ?? null,
      year: (r.year as number | null) ?? null,
      planYear: (r.plan_year as number | null) ?? null,
      date: (r.date as string | null) ?? null,
      speaker: (r.speaker as string | null) ?? null,
      sourcePath: r.source_path as string,
      paragraphs: r.paragraphs as number,
      tasks: r.tasks as number,
    }));
  }

  async readDocument(documentId: string): Promise<DocumentContents | null> {
    const all = (sql: string) => this.db.prepare(sql).all(documentId) as Row[];
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(documentId) as Row | undefined;
    if (!row) return null;
    return {
      document: {
        id: row.id as string,
        title: row.title as string,
        label: (row.label as string | null) ?? (row.title as string),
        place: (row.place as string | null) ?? null,
        placeCode: (row.place_code as string | null) ?? null,
        level: (row.level as DocumentNode['level']) ?? null,
        year: (row.year as number | null) ?? null,
        planYear: (row.plan_year as number | null) ?? null,
        speaker: (row.speaker as string | null) ?? null,
        issuer: (row.issuer as string | null) ?? null,
        date: (row.date as string | null) ?? null,
        sourcePath: row.source_path as string,
        source: (row.source as string | null) ?? null,
        text: row.text as string,
      },
      sections: all('SELECT * FROM sections WHERE document_id = ? ORDER BY char_start, ordinal').map((r) => ({
        id: r.id as string,
        documentId: r.document_id as string,
        path: r.path as string,
        parentPath: (r.parent_path as string | null) ?? null,
        title: r.title as string,
        ordinal: r.ordinal as number,
        level: r.level as 'part' | 'section',
        horizon: r.horizon as Horizon,
        charStart: r.char_start as number,
        charEnd: r.char_end as number,
      })),
      tasks: all('SELECT * FROM tasks WHERE document_id = ? ORDER BY char_start').map(toTask),
      paragraphs: all('SELECT * FROM paragraphs WHERE document_id = ? ORDER BY char_start').map(toParagraph),
      mentions: all(
        `SELECT m.*, e.type, e.name FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? ORDER BY m.char_start`,
      ).map((r) => ({
        entityId: r.entity_id as string,
        documentId: r.document_id as string,
        paragraphId: r.paragraph_id as string,
        surface: r.surface as string,
        charStart: r.char_start as number,
        charEnd: r.char_end as number,
        entityType: r.type as EntityType,
        entityName: r.name as string,
      })),
    };
  }

  async within(entityId: string, maxDepth = 6): Promise<Array<{ id: string; depth: number }>> {
    const rows = this.db
      .prepare(`WITH RECURSIVE inside(id, depth) AS (
        SELECT DISTINCT from_id, 1 FROM relations WHERE type = 'LOCATED_IN' AND to_id = ?
        UNION SELECT r.from_id, inside.depth + 1 FROM relations r JOIN inside ON r.to_id = inside.id
          WHERE r.type = 'LOCATED_IN' AND inside.depth < ?)
      SELECT id, min(depth) AS depth FROM inside WHERE id <> ? GROUP BY id ORDER BY depth, id`)
      .all(entityId, maxDepth, entityId) as Row[];
    return rows.map((r) => ({ id: r.id as string, depth: r.depth as number }));
  }

  async entities(query: EntityQuery): Promise<EntitySummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.type) {
      where.push('e.type = ?');
      params.push(query.type);
    }
    if (query.match) {
      const key = pinyinMatchKey(query.match);
      const clauses = ['e.name LIKE ?', 'EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias LIKE ?)'];
      params.push(`%${query.match}%`, `%${query.match}%`);
      if (key) {
        clauses.push('e.pinyin LIKE ?');
        params.push(`%${key}%`);
      }
      where.push(`(${clauses.join(' OR ')})`);
    }
    const rows = this.db
      .prepare(`SELECT e.id, e.type, e.name, e.kind, e.pinyin, e.code,
        (SELECT count(*) FROM (SELECT DISTINCT m.paragraph_id, m.char_start FROM mentions m WHERE m.entity_id = e.id)) AS mentions,
        (SELECT count(DISTINCT a.document_id) FROM entity_aliases a WHERE a.entity_id = e.id) AS documents,
        (SELECT json_group_array(DISTINCT a.alias) FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases
      FROM entities e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY mentions DESC, e.name LIMIT ?`)
      .all(...params, query.limit ?? 10_000) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      type: r.type as EntitySummary['type'],
      name: r.name as string,
      kind: (r.kind as string | null) ?? null,
      pinyin: r.pinyin as string,
      ...(r.code ? { code: r.code as string } : {}),
      aliases: (JSON.parse(r.aliases as string) as string[]).filter((a) => a !== r.name).sort(),
      mentions: r.mentions as number,
      documents: r.documents as number,
    }));
  }

  async observations(query: ObservationQuery): Promise<Observation[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.indicator) {
      where.push('(o.indicator LIKE ? OR o.indicator_id = ?)');
      params.push(`%${query.indicator}%`, query.indicator);
    }
    if (query.indicatorId) {
      where.push('o.indicator_id = ?');
      params.push(query.indicatorId);
    }
    if (query.documentId) {
      where.push('o.document_id = ?');
      params.push(query.documentId);
    }
    if (query.documentIds) {
      where.push('o.document_id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(query.documentIds));
    }
    const rows = this.db
      .prepare(`SELECT o.* FROM observations o ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY o.document_id, o.char_start`)
      .all(...params) as Row[];
    return rows.map(toObservation);
  }

  async paragraphs(ids: string[]): Promise<Paragraph[]> {
    if (!ids.length) return [];
    const rows = this.db.prepare(`SELECT * FROM paragraphs WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
    const byId = new Map(rows.map((r) => [r.id as string, toParagraph(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async tasks(ids: string[]): Promise<Task[]> {
    if (!ids.length) return [];
    const rows = this.db.prepare(`SELECT * FROM tasks WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
    const byId = new Map(rows.map((r) => [r.id as string, toTask(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async documentTasks(query: TaskQuery): Promise<Task[]> {
    // Named parameters: better-sqlite3 refuses positional values for numbered ones (?1 used twice).
    const rows = this.db
      .prepare(`SELECT * FROM tasks WHERE (@documentId IS NULL OR document_id = @documentId) AND (@horizon IS NULL OR horizon = @horizon)
      ORDER BY document_id, char_start`)
      .all({ documentId: query.documentId ?? null, horizon: query.horizon ?? null }) as Row[];
    return rows.map(toTask);
  }

  async chunks(ids: string[]): Promise<Chunk[]> {
    if (!ids.length) return [];
    const rows = this.db
      .prepare(`SELECT id, document_id, paragraph_id, section_path, task_id, text, char_start, char_end
      FROM chunks WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as Row[];
    const byId = new Map(rows.map((r) => [r.id as string, toChunk(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async *chunkVectors(): AsyncIterable<{ id: string; documentId: string; vector: Float32Array }> {
    for (const row of this.db.prepare('SELECT id, document_id, vector FROM chunks WHERE vector IS NOT NULL').iterate() as Iterable<Row>) {
      const blob = row.vector as Buffer;
      const vector = new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
      yield { id: row.id as string, documentId: row.document_id as string, vector };
    }
  }

  async chunkSnapshot(wanted: (chunkId: string) => boolean): Promise<ChunkSnapshot> {
    // The generation and the model first, then every chunk id in slices with a turn of the event loop between them
    // (50,000 ids read at once held the loop 0.3 s after an upload). A commit between slices may show in the ids,
    // never in the generation read before them: the index records the older generation, so the next check sees a
    // newer one and settles the difference. Recording a generation newer than the ids would hide chunks for good.
    const { generation, model } = this.db
      .transaction(() => ({
        generation: Number((this.db.prepare("SELECT value FROM meta WHERE key = 'generation'").get() as Row).value),
        model:
          ((this.db.prepare("SELECT value FROM meta WHERE key = 'embedding_model'").get() as Row | undefined)?.value as
            | string
            | undefined) ?? null,
      }))
      .deferred();
    // Keyed by id, so the partial index chunks_with_vector answers without reading the rows' vectors (156,000
    // ids: 0.1 s instead of 0.9 s, in slices of 5 ms instead of 33–77 ms).
    const selectIds = this.db.prepare('SELECT id, document_id FROM chunks WHERE vector IS NOT NULL AND id > ? ORDER BY id LIMIT ?');
    const chunks: ChunkSnapshot['chunks'] = [];
    for (let after = ''; ; ) {
      const rows = selectIds.all(after, ID_SLICE) as Row[];
      for (const row of rows) chunks.push({ id: row.id as string, documentId: row.document_id as string });
      const last = rows.at(-1);
      if (rows.length < ID_SLICE || !last) break;
      after = last.id as string;
      await setImmediate();
    }
    // The vectors are read in slices with a turn of the event loop between them (50,000 of them are 100 MB: seconds
    // of synchronous reading). Outside the transaction, which is safe: an id names fixed text, so its vector
    // changes only with the model (a reindex), which the next generation check sees; a chunk deleted meanwhile
    // is skipped, and its deletion, too, moves the generation past this snapshot's.
    const ids = chunks.filter((c) => wanted(c.id)).map((c) => c.id);
    const select = this.db.prepare(
      'SELECT id, document_id, vector FROM chunks WHERE vector IS NOT NULL AND id IN (SELECT value FROM json_each(?))',
    );
    const vectors = [];
    for (let i = 0; i < ids.length; i += VECTOR_SLICE) {
      if (i > 0) await setImmediate();
      for (const row of select.all(JSON.stringify(ids.slice(i, i + VECTOR_SLICE))) as Row[]) {
        vectors.push({ id: row.id as string, documentId: row.document_id as string, vector: floatsOf(row.vector as Buffer) });
      }
    }
    return { generation, model, chunks, vectors };
  }

  async vectorsWithin(documentIds: readonly string[]): Promise<VectorItem[]> {
    const rows = this.db
      .prepare('SELECT id, document_id, vector FROM chunks WHERE vector IS NOT NULL AND document_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(documentIds)) as Row[];
    return rows.map((row) => ({ id: row.id as string, documentId: row.document_id as string, vector: floatsOf(row.vector as Buffer) }));
  }

  async generation(): Promise<number> {
    return Number((this.db.prepare("SELECT value FROM meta WHERE key = 'generation'").get() as Row).value);
  }

  async embeddingModel(): Promise<string | null> {
    return (
      ((this.db.prepare("SELECT value FROM meta WHERE key = 'embedding_model'").get() as Row | undefined)?.value as string | undefined) ??
      null
    );
  }

  async setEmbeddingModel(modelId: string): Promise<void> {
    this.db
      .prepare("INSERT INTO meta(key, value) VALUES ('embedding_model', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(modelId);
  }

  async replaceChunkVectors(modelId: string, vectors: Array<{ id: string; vector: Float32Array }>): Promise<void> {
    const update = this.db.prepare('UPDATE chunks SET vector = ? WHERE id = ?');
    this.db
      .transaction(() => {
        for (const v of vectors) update.run(vectorBlob(v.vector), v.id);
        this.db
          .prepare("INSERT INTO meta(key, value) VALUES ('embedding_model', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
          .run(modelId);
        this.bumpGeneration();
      })
      .immediate();
  }

  async tasksTouching(entityIds: string[], options: { documentIds?: string[]; limit?: number } = {}): Promise<TaskHit[]> {
    if (!entityIds.length || options.documentIds?.length === 0) return [];
    // A much-mentioned entity (地区生产总值) touches tasks in every report: the named reports' are read alone.
    const rows = (
      options.documentIds
        ? this.db
            .prepare(`SELECT DISTINCT p.task_id, p.id AS paragraph_id, m.entity_id FROM mentions m
          JOIN paragraphs p ON p.id = m.paragraph_id
        WHERE m.entity_id IN (SELECT value FROM json_each(?)) AND m.document_id IN (SELECT value FROM json_each(?)) AND p.task_id IS NOT NULL`)
            .all(JSON.stringify(entityIds), JSON.stringify(options.documentIds))
        : this.db
            .prepare(`SELECT DISTINCT p.task_id, p.id AS paragraph_id, m.entity_id FROM mentions m
          JOIN paragraphs p ON p.id = m.paragraph_id
        WHERE m.entity_id IN (SELECT value FROM json_each(?)) AND p.task_id IS NOT NULL`)
            .all(JSON.stringify(entityIds))
    ) as Row[];
    const byTask = new Map<string, { paragraphIds: Set<string>; entityIds: Set<string> }>();
    for (const r of rows) {
      const hit = byTask.get(r.task_id as string) ?? { paragraphIds: new Set(), entityIds: new Set() };
      hit.paragraphIds.add(r.paragraph_id as string);
      hit.entityIds.add(r.entity_id as string);
      byTask.set(r.task_id as string, hit);
    }
    const taskIds = JSON.stringify([...byTask.keys()]);
    const tasks = (
      options.limit === undefined
        ? this.db.prepare(`SELECT * FROM tasks WHERE id IN (SELECT value FROM json_each(?)) ORDER BY document_id, char_start`).all(taskIds)
        : this.db
            .prepare(`SELECT t.* FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.id IN (SELECT value FROM json_each(?))
          ORDER BY COALESCE(d.year, -1) DESC, t.document_id, t.char_start LIMIT ?`)
            .all(taskIds, options.limit)
    ) as Row[];
    const kept = tasks.map((row) => ({ row, hit: defined(byTask.get(row.id as string), 'mentions of a kept task') }));
    // One read for the paragraphs of every task kept, not one per task.
    const paragraphs = new Map((await this.paragraphs(kept.flatMap(({ hit }) => [...hit.paragraphIds]))).map((p) => [p.id, p]));
    return kept.map(({ row, hit }) => ({
      task: toTask(row),
      paragraphs: [...hit.paragraphIds].map((id) => defined(paragraphs.get(id), 'paragraph of a mention')),
      entityIds: [...hit.entityIds],
    }));
  }

  async searchText(query: string, k: number, options: { documentIds?: string[] } = {}): Promise<TextHit[]> {
    const counted = this.withoutCommonTokens(queryTokens(query));
    if (!counted.length) return [];
    const matches = counted.reduce((sum, c) => sum + c.doc, 0);
    const rows =
      options.documentIds && matches > this.directScoringMatches
        ? this.rankWithin(counted, new Set(lexicalWords(query)), options.documentIds, k)
        : this.rankInIndex(
            counted.map((c) => c.token),
            k,
            options.documentIds,
          );
    const paragraphs = await this.paragraphs(rows.map((r) => r.paragraphId));
    const score = new Map(rows.map((r) => [r.paragraphId, r.score]));
    return paragraphs.map((paragraph) => ({ paragraph, score: score.get(paragraph.id) ?? 0 }));
  }

  /** The best paragraphs by FTS5's own BM25, of the given reports only when named (it then reads the document column of every match). */
  private rankInIndex(tokens: string[], k: number, documentIds?: string[]): Array<{ paragraphId: string; score: number }> {
    const match = tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
    const rows = (
      documentIds
        ? this.db
            .prepare(`SELECT paragraph_id, bm25(paragraph_fts) AS rank FROM paragraph_fts
          WHERE paragraph_fts MATCH ? AND document_id IN (SELECT value FROM json_each(?)) ORDER BY rank LIMIT ?`)
            .all(match, JSON.stringify(documentIds), k)
        : this.db
            .prepare(`SELECT paragraph_id, bm25(paragraph_fts) AS rank FROM paragraph_fts
          WHERE paragraph_fts MATCH ? ORDER BY rank LIMIT ?`)
            .all(match, k)
    ) as Row[];
    return rows.map((r) => ({ paragraphId: r.paragraph_id as string, score: -(r.rank as number) }));
  }

  /**
   * The named reports' best paragraphs by BM25 read from their text through the paragraphs' document index
   * (scope-bm25.ts): 地区生产总值目标 matches ~70,000 paragraphs among 1,659 reports, which FTS5 takes 140 ms to
   * filter to 19 reports whatever their size (this: 15 ms). It ranks a little differently, so only where FTS5 is slow.
   */
  private rankWithin(
    counted: CountedToken[],
    words: Set<string>,
    documentIds: string[],
    k: number,
  ): Array<{ paragraphId: string; score: number }> {
    const rows = this.db
      .prepare('SELECT id, text FROM paragraphs WHERE document_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(documentIds)) as Array<{ id: string; text: string }>;
    if (!rows.length) return [];
    return rankByBm25(
      rows,
      counted,
      words,
      { paragraphs: this.paragraphCount?.count ?? rows.length, averageLength: this.averageParagraphLength() },
      k,
    );
  }

  async *allNodes(): AsyncIterable<GraphNode> {
    yield* this.walker.allNodes();
  }

  async *allEdges(): AsyncIterable<GraphEdge> {
    yield* this.walker.allEdges();
  }

  /** Index tokens per paragraph over the whole store (BM25's average length, as FTS5 takes it over the whole index), from a sample. */
  private averageParagraphLength(): number {
    const generation = this.paragraphCount?.generation ?? -1;
    if (this.averageLength?.generation !== generation) {
      // Evenly spaced rowids, read through the primary key: `rowid % N = 0` scanned all 156,580 paragraphs (~200 ms
      // warm, seconds cold) on the first scoped search after every write.
      const last = ((this.db.prepare('SELECT max(rowid) AS m FROM paragraphs').get() as Row).m as number | null) ?? 0;
      const step = Math.max(1, last / LENGTH_SAMPLE);
      const rowids = Array.from({ length: Math.min(LENGTH_SAMPLE, last) }, (_, i) => Math.floor(i * step) + 1);
      const sample = this.db
        .prepare('SELECT text FROM paragraphs WHERE rowid IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(rowids)) as Row[];
      const mean = sample.reduce((sum, r) => sum + indexedLength(r.text as string), 0) / Math.max(1, sample.length);
      this.averageLength = { generation, tokens: mean || 1 };
    }
    return this.averageLength.tokens;
  }

  /**
   * The tokens worth searching for, rarest first and at most MAX_QUERY_TOKENS of them (a 2,000-character question
   * would otherwise OR hundreds of terms in one MATCH); all of them when every one is common (a question of common
   * words only).
   */
  private withoutCommonTokens(tokens: string[]): CountedToken[] {
    const generation = Number((this.db.prepare("SELECT value FROM meta WHERE key = 'generation'").get() as Row).value);
    if (this.paragraphCount?.generation !== generation) {
      this.paragraphCount = { generation, count: (this.db.prepare('SELECT count(*) AS n FROM paragraphs').get() as Row).n as number };
    }
    const limit = Math.max(this.commonTokens.floor, this.paragraphCount.count * this.commonTokens.share);
    const unique = [...new Set(tokens)];
    const frequency = this.db.prepare('SELECT doc FROM paragraph_fts_vocab WHERE term = ?');
    const counted = unique.map((token) => ({ token, doc: ((frequency.get(token) as Row | undefined)?.doc as number | undefined) ?? 0 }));
    const rare = this.paragraphCount.count <= limit ? counted : counted.filter((c) => c.doc <= limit);
    const kept = rare.length ? rare : counted;
    if (kept.length <= MAX_QUERY_TOKENS) return kept;
    return kept.sort((a, b) => a.doc - b.doc).slice(0, MAX_QUERY_TOKENS);
  }

  async node(id: string): Promise<GraphNode | null> {
    return this.walker.node(id);
  }

  async neighbourhood(nodeId: string, options: NeighbourhoodOptions = {}): Promise<Subgraph> {
    return this.walker.neighbourhood(nodeId, options.depth ?? 1, options.limit ?? 200, options.documentIds);
  }

  async paths(fromId: string, toId: string, maxHops = 4): Promise<Subgraph> {
    return this.walker.shortestPaths(fromId, toId, maxHops);
  }

  async counts(): Promise<StoreCounts> {
    const one = (sql: string) => (this.db.prepare(sql).get() as Row).n as number;
    const documents = one('SELECT count(*) AS n FROM documents');
    const nodes =
      documents +
      one('SELECT count(*) AS n FROM sections') +
      one('SELECT count(*) AS n FROM tasks') +
      one('SELECT count(*) AS n FROM paragraphs') +
      one('SELECT count(*) AS n FROM entities') +
      one('SELECT count(*) AS n FROM observations');
    const relationships =
      one('SELECT count(*) AS n FROM sections') +
      one('SELECT count(*) AS n FROM tasks') +
      one('SELECT count(*) AS n FROM paragraphs') +
      one('SELECT count(*) AS n FROM mentions') +
      2 * one('SELECT count(*) AS n FROM observations') +
      one('SELECT count(*) AS n FROM relations') +
      one(
        'SELECT count(*) AS n FROM (SELECT DISTINCT p.task_id, m.entity_id FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id WHERE p.task_id IS NOT NULL)',
      );
    return { documents, nodes, relationships };
  }

  async close(): Promise<void> {
    // WAL at rest needs a -shm file that a read-only folder cannot hold: the last connection to close leaves the
    // file in rollback-journal mode (SQLite refuses the switch while others are open, and the next open turns WAL on).
    if (!this.readOnly && this.db.open) {
      try {
        this.db.pragma('journal_mode = DELETE');
      } catch {
        // Another connection still has the file open; it will switch when it closes.
      }
    }
    this.db.close();
  }
}

/** Writable when the process may write the data folder; read-only otherwise (a store is never silently empty). */
export function openEmbeddedStore(dataDir: string): SqliteGraphStore {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'graph.sqlite');
  const bytes = sizeOnceCreated(file);
  // SQLite would take a 0-byte file for a new database and answer every question with nothing.
  if (bytes === 0) throw new Error(`${file} is empty (0 bytes): restore it from a backup, or delete it to start a new store`);
  return new SqliteGraphStore(file, bytes !== undefined && !writable(dataDir));
}

/** How long a 0-byte store file may be another process's new store, before its first page is written. */
const CREATION_MS = 3000;
const CREATION_POLL_MS = 25;

/**
 * The store file's size; a 0-byte file is given a moment to grow, since a process creating the store (two ingests
 * starting on a new folder) leaves it empty until SQLite writes its header. One that stays empty is damaged.
 */
function sizeOnceCreated(file: string): number | undefined {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + CREATION_MS; ; Atomics.wait(pause, 0, 0, CREATION_POLL_MS)) {
    const bytes = statSync(file, { throwIfNoEntry: false })?.size;
    if (bytes !== 0 || Date.now() >= deadline) return bytes;
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
