// Every Cypher statement of the Neo4j adapter. Values always travel as parameters; the only things spelled
// into the text are labels, relationship types and fixed bounds, which Cypher cannot take as parameters.
import { EDGE_TYPES } from '../../src/domain/graph-labels.ts';

/** Relationship types of the DESIGN.md data model: the ones neighbourhood and paths walk. */
export const GRAPH_RELATIONSHIPS = EDGE_TYPES.join('|');

/** Node labels of the data model that counts() reports (Chunk and Meta are bookkeeping). */
export const COUNTED_LABELS = ['Document', 'Section', 'Task', 'Paragraph', 'Entity', 'Observation'] as const;
export const COUNTED_RELATIONSHIPS = GRAPH_RELATIONSHIPS.split('|');

export const FULLTEXT_INDEX = 'paragraph_tokens';

/**
 * Properties read back, named: `{.*}` would also read and ship a paragraph's tokens (three times its text) and
 * a chunk's embedding (512 floats) for every row, which the records never use.
 */
const PARAGRAPH_FIELDS = '.id, .documentId, .sectionPath, .taskId, .ordinal, .text, .sentenceStarts, .sentenceEnds, .charStart, .charEnd';
const CHUNK_FIELDS = '.id, .documentId, .paragraphId, .sectionPath, .taskId, .text, .charStart, .charEnd';

/**
 * A graph node for drawing, without the bulky properties no drawing shows: tokens, embeddings, an entity's
 * declarations (one per report that names it) and match keys, a report's whole text.
 */
function drawnProperties(variable: string): string {
  return `${variable} {.*, tokens: null, embedding: null, declarations: null, nameKey: null, aliasKey: null, pinyinKey: null, entityIds: null,
    text: CASE WHEN ${variable}:Document THEN null ELSE ${variable}.text END}`;
}
function drawnNode(variable: string): string {
  return `${drawnProperties(variable)} AS ${variable}Properties, labels(${variable}) AS ${variable}Labels, elementId(${variable}) AS ${variable}ElementId`;
}

// ── Schema ────────────────────────────────────────────────────────────────────────────────────────────

export const SCHEMA_STATEMENTS: string[] = [
  ...['Document', 'Section', 'Task', 'Paragraph', 'Entity', 'Observation', 'Chunk'].map(
    (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  'CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE',
  ...['Section', 'Task', 'Paragraph', 'Observation', 'Chunk'].map(
    (label) => `CREATE INDEX ${label.toLowerCase()}_document IF NOT EXISTS FOR (n:${label}) ON (n.documentId)`,
  ),
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type)',
  // Text indexes serve the CONTAINS lookups of entities({ match }).
  'CREATE TEXT INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey)',
  'CREATE TEXT INDEX entity_alias_key IF NOT EXISTS FOR (n:Entity) ON (n.aliasKey)',
  'CREATE TEXT INDEX entity_pinyin_key IF NOT EXISTS FOR (n:Entity) ON (n.pinyinKey)',
  'CREATE INDEX observation_indicator IF NOT EXISTS FOR (n:Observation) ON (n.indicatorId)',
  'CREATE INDEX located_in_document IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.documentId)',
  'CREATE INDEX has_part_document IF NOT EXISTS FOR ()-[r:HAS_PART]-() ON (r.documentId)',
  // The cjk analyzer bigrams Han runs; fed the jieba words and bigrams of src/text/tokenize.ts it indexes
  // the same vocabulary as the embedded store's FTS5 table. Not eventually consistent: a committed
  // document is searchable at once.
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Paragraph) ON EACH [n.tokens]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false } }`,
];

/** The name each schema statement creates (constraints own a backing index of the same name). */
export function schemaName(statement: string): string {
  const name = /^CREATE (?:\w+ )?(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS/.exec(statement)?.[1];
  if (!name) throw new Error(`schema statement without a name: ${statement}`);
  return name;
}

export const EXISTING_INDEXES = 'SHOW INDEXES YIELD name RETURN collect(name) AS names';

export const AWAIT_INDEXES = 'CALL db.awaitIndexes($timeoutSeconds)';

// ── Writing a document (all inside one transaction) ────────────────────────────────────────────────────

export const DOCUMENT_EXISTS = 'MATCH (d:Document {id: $documentId}) RETURN count(d) > 0 AS exists';

export const CREATE_DOCUMENT = 'CREATE (d:Document) SET d = $document';

export const CREATE_SECTIONS = 'UNWIND $rows AS row CREATE (n:Section) SET n = row RETURN count(n) AS n';
export const CREATE_TASKS = 'UNWIND $rows AS row CREATE (n:Task) SET n = row RETURN count(n) AS n';
/**
 * Paragraphs, the most numerous structural nodes, are created under their parent (a task, else a section,
 * else the document) in the same statement: one index lookup per row instead of two and no separate pass.
 */
export const CREATE_PARAGRAPHS_UNDER = {
  document:
    'UNWIND $rows AS row MATCH (a:Document {id: row.parentId}) CREATE (a)-[:HAS_PARAGRAPH]->(n:Paragraph) SET n = row.paragraph RETURN count(n) AS n',
  section:
    'UNWIND $rows AS row MATCH (a:Section {id: row.parentId}) CREATE (a)-[:HAS_PARAGRAPH]->(n:Paragraph) SET n = row.paragraph RETURN count(n) AS n',
  task: 'UNWIND $rows AS row MATCH (a:Task {id: row.parentId}) CREATE (a)-[:HAS_PARAGRAPH]->(n:Paragraph) SET n = row.paragraph RETURN count(n) AS n',
} as const;
export type ParagraphParent = keyof typeof CREATE_PARAGRAPHS_UNDER;

/** Structural edges; each row is {from, to}. Parents were resolved by the caller. */
export const LINK = {
  documentSection:
    'UNWIND $rows AS row MATCH (a:Document {id: row.from}) MATCH (b:Section {id: row.to}) CREATE (a)-[:HAS_SECTION]->(b) RETURN count(*) AS n',
  sectionSection:
    'UNWIND $rows AS row MATCH (a:Section {id: row.from}) MATCH (b:Section {id: row.to}) CREATE (a)-[:HAS_SECTION]->(b) RETURN count(*) AS n',
  documentTask:
    'UNWIND $rows AS row MATCH (a:Document {id: row.from}) MATCH (b:Task {id: row.to}) CREATE (a)-[:HAS_TASK]->(b) RETURN count(*) AS n',
  sectionTask:
    'UNWIND $rows AS row MATCH (a:Section {id: row.from}) MATCH (b:Task {id: row.to}) CREATE (a)-[:HAS_TASK]->(b) RETURN count(*) AS n',
} as const;
export type LinkKind = keyof typeof LINK;

/**
 * Entities are shared between documents: MERGE by id, keep the longer name and the first known kind, and
 * record which document declared which names (`documentId<US>alias` strings) so a delete can undo exactly
 * that document's contribution. The type label (Place, Project, …) comes from a validated enum. The document
 * is new (checked in the same transaction) and `declare` holds only names its earlier rows did not declare, so
 * they are appended without searching the list, which for common indicators grows by one per document.
 */
export const MERGE_ENTITIES = `
  UNWIND $rows AS row
  MERGE (e:Entity {id: row.id})
    ON CREATE SET e.type = row.type, e.name = row.name, e.kind = row.kind, e.pinyin = row.pinyin, e.code = row.code,
                  e.pinyinKey = row.pinyinKey, e.declarations = [], e:$(row.label)
    ON MATCH SET e.name = CASE WHEN size(row.name) > size(e.name) THEN row.name ELSE e.name END,
                 e.kind = coalesce(e.kind, row.kind), e.code = coalesce(e.code, row.code)
  SET e.nameKey = toLower(replace(e.name, ' ', '')),
      e.declarations = e.declarations + [alias IN row.declare | $documentId + $separator + alias]
  RETURN count(e) AS n`;

/** The paragraphs are new, so every (distinct) mention is a new relationship. */
export const CREATE_MENTIONS = `
  UNWIND $rows AS row
  MATCH (p:Paragraph {id: row.paragraphId})
  MATCH (e:Entity {id: row.entityId})
  CREATE (p)-[:MENTIONS {charStart: row.charStart, charEnd: row.charEnd, surface: row.surface, documentId: row.documentId}]->(e)
  RETURN count(*) AS n`;

/** Derived exploration edge: a task touches every entity one of its paragraphs mentions. */
export const DERIVE_TOUCHES = `
  MATCH (t:Task {documentId: $documentId})-[:HAS_PARAGRAPH]->(:Paragraph)-[:MENTIONS]->(e:Entity)
  WITH DISTINCT t, e
  MERGE (t)-[:TOUCHES]->(e)`;

export const CREATE_OBSERVATIONS = `
  UNWIND $rows AS row
  MATCH (p:Paragraph {id: row.paragraphId})
  MATCH (i:Entity {id: row.indicatorId})
  CREATE (o:Observation)
  SET o = row
  CREATE (p)-[:STATES]->(o)
  CREATE (o)-[:OF]->(i)
  RETURN count(o) AS n`;

/** Rows are distinct per (from, to) within the document, so each becomes one new relationship. */
export const CREATE_RELATIONS = {
  LOCATED_IN: `
    UNWIND $rows AS row
    MATCH (a:Entity {id: row.fromId}) MATCH (b:Entity {id: row.toId})
    CREATE (a)-[:LOCATED_IN {documentId: row.documentId, paragraphId: row.paragraphId}]->(b)
    RETURN count(*) AS n`,
  HAS_PART: `
    UNWIND $rows AS row
    MATCH (a:Entity {id: row.fromId}) MATCH (b:Entity {id: row.toId})
    CREATE (a)-[:HAS_PART {documentId: row.documentId, paragraphId: row.paragraphId}]->(b)
    RETURN count(*) AS n`,
} as const;

export const CREATE_CHUNKS = 'UNWIND $rows AS row CREATE (c:Chunk) SET c = row RETURN count(c) AS n';

/** Chunks keep their embedding (stored as float32) so vector indexes can always be rebuilt from the graph. */
export const SET_CHUNK_VECTORS = `
  UNWIND $rows AS row
  MATCH (c:Chunk {id: row.id})
  CALL db.create.setNodeVectorProperty(c, 'embedding', row.vector)
  RETURN count(c) AS n`;

/**
 * Aliases are materialised from what supports them — the declared names and the surfaces of MENTIONS —
 * so entities({ match }) can use the text index on aliasKey.
 */
export const REFRESH_ALIASES = `
  UNWIND $entityIds AS entityId
  MATCH (e:Entity {id: entityId})
  OPTIONAL MATCH (:Paragraph)-[m:MENTIONS]->(e)
  WITH e, collect(DISTINCT m.surface) AS surfaces
  WITH e, [d IN e.declarations | split(d, $separator)[1]] + surfaces AS names
  WITH e, reduce(acc = [], name IN names | CASE WHEN name IN acc OR name = e.name THEN acc ELSE acc + name END) AS aliases
  SET e.aliases = aliases,
      e.aliasKey = reduce(key = '', alias IN aliases | key + '|' + toLower(replace(alias, ' ', '')))`;

/**
 * The same aliases as REFRESH_ALIASES for a document just written, without re-reading every MENTIONS edge
 * of the entity (which grows with the corpus): the stored aliases already hold the surfaces of earlier
 * documents, so the new document's surfaces are added to them. DISTINCT keeps it linear in the number of
 * declarations, which for common indicators grows to one per document. An entity whose aliases did not
 * change is not written: each write re-indexes its aliasKey in the text index (about a fifth of write time).
 */
export const APPEND_ALIASES = `
  UNWIND $rows AS row
  MATCH (e:Entity {id: row.id})
  CALL (e, row) {
    UNWIND [d IN e.declarations | split(d, $separator)[1]] + coalesce(e.aliases, []) + row.surfaces AS name
    WITH DISTINCT name
    WHERE name <> e.name
    RETURN collect(name) AS aliases
  }
  WITH e, aliases WHERE aliases <> coalesce(e.aliases, [])
  SET e.aliases = aliases,
      e.aliasKey = reduce(key = '', alias IN aliases | key + '|' + toLower(replace(alias, ' ', '')))`;

export const BUMP_GENERATION = `
  MERGE (m:Meta {key: 'generation'})
    ON CREATE SET m.value = 0
  SET m.value = m.value + 1`;

export const GENERATION = "OPTIONAL MATCH (m:Meta {key: 'generation'}) RETURN coalesce(m.value, 0) AS generation";
export const EMBEDDING_MODEL = "OPTIONAL MATCH (m:Meta {key: 'embedding_model'}) RETURN m.value AS model";
export const SET_EMBEDDING_MODEL = "MERGE (m:Meta {key: 'embedding_model'}) SET m.value = $model";

// ── Deleting a document ───────────────────────────────────────────────────────────────────────────────

/** Entities the document declared, mentioned, measured or related: the only ones that may become orphans. */
export const DOCUMENT_ENTITY_CANDIDATES = `
  MATCH (d:Document {id: $documentId})
  CALL (d) {
    OPTIONAL MATCH (:Paragraph {documentId: $documentId})-[:MENTIONS]->(e:Entity)
    RETURN collect(DISTINCT e.id) AS mentioned
  }
  CALL (d) {
    OPTIONAL MATCH (:Observation {documentId: $documentId})-[:OF]->(e:Entity)
    RETURN collect(DISTINCT e.id) AS measured
  }
  CALL (d) {
    OPTIONAL MATCH (a:Entity)-[r:LOCATED_IN|HAS_PART]->(b:Entity) WHERE r.documentId = $documentId
    RETURN collect(DISTINCT a.id) + collect(DISTINCT b.id) AS related
  }
  RETURN d.entityIds + mentioned + measured + related AS entityIds`;

export const DELETE_DOCUMENT_RELATIONS = `
  MATCH (:Entity)-[r:LOCATED_IN|HAS_PART]->(:Entity) WHERE r.documentId = $documentId
  DELETE r`;

/** Nodes owned by one document, label by label so each delete uses its documentId index. */
export const DELETE_OWNED = {
  Chunk: 'MATCH (n:Chunk {documentId: $documentId}) DETACH DELETE n',
  Observation: 'MATCH (n:Observation {documentId: $documentId}) DETACH DELETE n',
  Paragraph: 'MATCH (n:Paragraph {documentId: $documentId}) DETACH DELETE n',
  Task: 'MATCH (n:Task {documentId: $documentId}) DETACH DELETE n',
  Section: 'MATCH (n:Section {documentId: $documentId}) DETACH DELETE n',
  Document: 'MATCH (n:Document {id: $documentId}) DETACH DELETE n',
} as const;

/** Withdraws the document's declarations; an entity nothing supports any more goes with it. */
export const RELEASE_ENTITIES = `
  UNWIND $entityIds AS entityId
  MATCH (e:Entity {id: entityId})
  SET e.declarations = [d IN e.declarations WHERE NOT d STARTS WITH $documentId + $separator]
  WITH e
  WHERE size(e.declarations) = 0
    AND NOT EXISTS { (e)<-[:MENTIONS]-() }
    AND NOT EXISTS { (e)<-[:OF]-() }
    AND NOT EXISTS { (e)-[:LOCATED_IN|HAS_PART]-() }
  DETACH DELETE e
  RETURN count(*) AS removed`;

// ── Reading ───────────────────────────────────────────────────────────────────────────────────────────

export const LIST_DOCUMENTS = `
  MATCH (d:Document)
  RETURN d.id AS id, d.title AS title, d.label AS label, d.place AS place, d.placeCode AS placeCode, d.level AS level,
         d.year AS year, d.planYear AS planYear, d.date AS date, d.speaker AS speaker, d.sourcePath AS sourcePath,
         COUNT { MATCH (p:Paragraph {documentId: d.id}) } AS paragraphs,
         COUNT { MATCH (t:Task {documentId: d.id}) } AS tasks
  ORDER BY year, label`;

/** Entities LOCATED_IN $entityId within $maxDepth steps (a variable-length bound cannot be a parameter: 10 at most). */
export const WITHIN = `
  MATCH (place:Entity {id: $entityId})<-[:LOCATED_IN*1..10]-(e:Entity)
  WHERE e.id <> $entityId
  WITH DISTINCT e, place
  MATCH path = shortestPath((e)-[:LOCATED_IN*1..10]->(place))
  WITH e, length(path) AS depth WHERE depth <= $maxDepth
  RETURN e.id AS id, depth ORDER BY depth, id`;

/** One document for the reader: its node, sections, tasks, paragraphs and the mentions in them, each list in text order. */
export const READ_DOCUMENT = `
  MATCH (d:Document {id: $documentId})
  CALL (d) { MATCH (s:Section {documentId: d.id}) WITH s ORDER BY s.charStart, s.ordinal RETURN collect(s {.*}) AS sections }
  CALL (d) { MATCH (t:Task {documentId: d.id}) WITH t ORDER BY t.charStart RETURN collect(t {.*}) AS tasks }
  CALL (d) { MATCH (p:Paragraph {documentId: d.id}) WITH p ORDER BY p.charStart RETURN collect(p {.*, tokens: null}) AS paragraphs }
  CALL (d) {
    MATCH (p:Paragraph {documentId: d.id})-[m:MENTIONS]->(e:Entity)
    WITH p, m, e ORDER BY m.charStart
    RETURN collect({entityId: e.id, paragraphId: p.id, surface: m.surface, charStart: m.charStart, charEnd: m.charEnd, entityType: e.type, entityName: e.name}) AS mentions
  }
  RETURN d {.id, .title, .label, .place, .placeCode, .level, .year, .planYear, .speaker, .issuer, .date, .sourcePath, .source, .text} AS document, sections, tasks, paragraphs, mentions`;

/** $nameKey: lower-cased, spaces removed; $pinyinKey: letters only (empty when the text has none). */
export const ENTITIES = `
  MATCH (e:Entity)
  WHERE ($type IS NULL OR e.type = $type)
    AND ($nameKey IS NULL
         OR e.nameKey CONTAINS $nameKey
         OR e.aliasKey CONTAINS $nameKey
         OR ($pinyinKey <> '' AND e.pinyinKey CONTAINS $pinyinKey))
  CALL (e) {
    MATCH (p:Paragraph)-[m:MENTIONS]->(e)
    RETURN count(DISTINCT [p.id, m.charStart]) AS mentions, collect(DISTINCT m.documentId) AS mentionDocuments
  }
  CALL (e, mentionDocuments) {
    UNWIND mentionDocuments + [d IN e.declarations | split(d, $separator)[0]] AS documentId
    RETURN count(DISTINCT documentId) AS documents
  }
  RETURN e.id AS id, e.type AS type, e.name AS name, e.kind AS kind, e.pinyin AS pinyin, e.code AS code,
         coalesce(e.aliases, []) AS aliases, mentions, documents
  ORDER BY mentions DESC, name
  LIMIT $limit`;

export const OBSERVATIONS = `
  MATCH (o:Observation)
  WHERE $indicator IS NULL OR o.indicator CONTAINS $indicator OR o.indicatorId = $indicator
  RETURN o {.*} AS observation
  ORDER BY o.documentId, o.charStart`;

/**
 * The observations of some reports through the documentId index: OBSERVATIONS' optional filters (\$documentId IS NULL
 * OR …) leave the planner no index to seek, so it read all 285,000 observations of the corpus (0.4 s) for one report's.
 */
export const OBSERVATIONS_OF_DOCUMENTS = `
  MATCH (o:Observation)
  WHERE o.documentId IN $documentIds
    AND ($indicator IS NULL OR o.indicator CONTAINS $indicator OR o.indicatorId = $indicator)
  RETURN o {.*} AS observation
  ORDER BY o.documentId, o.charStart`;

/** One indicator's observations through the indicatorId index (OBSERVATIONS' substring test reads them all). */
export const OBSERVATIONS_OF_INDICATOR = `
  MATCH (o:Observation {indicatorId: $indicatorId})
  WHERE ($indicator IS NULL OR o.indicator CONTAINS $indicator OR o.indicatorId = $indicator)
    AND ($documentId IS NULL OR o.documentId = $documentId)
    AND ($documentIds IS NULL OR o.documentId IN $documentIds)
  RETURN o {.*} AS observation
  ORDER BY o.documentId, o.charStart`;

export const PARAGRAPHS_BY_ID = `UNWIND $ids AS id MATCH (p:Paragraph {id: id}) RETURN p {${PARAGRAPH_FIELDS}} AS paragraph`;

export const TASKS_BY_ID = 'UNWIND $ids AS id MATCH (t:Task {id: id}) RETURN t {.*} AS task';
/** One report's tasks through the documentId index (DOCUMENT_TASKS' optional filter would read every task). */
export const TASKS_OF_DOCUMENT = `
  MATCH (t:Task {documentId: $documentId})
  WHERE $horizon IS NULL OR t.horizon = $horizon
  RETURN t {.*} AS task
  ORDER BY t.charStart`;
export const DOCUMENT_TASKS = `
  MATCH (t:Task)
  WHERE $horizon IS NULL OR t.horizon = $horizon
  RETURN t {.*} AS task
  ORDER BY t.documentId, t.charStart`;
export const CHUNKS_BY_ID = `UNWIND $ids AS id MATCH (c:Chunk {id: id}) RETURN c {${CHUNK_FIELDS}} AS chunk`;

/** Keyset pagination in id order, served by the uniqueness constraint's index. */
export const CHUNK_VECTORS_PAGE = `
  MATCH (c:Chunk) WHERE c.id > $after AND c.embedding IS NOT NULL
  RETURN c.id AS id, c.documentId AS documentId, c.embedding AS vector
  ORDER BY c.id
  LIMIT $pageSize`;

/** Tasks whose paragraphs mention the entities, of the reports $documentIds (null: every report). */
export const TASKS_TOUCHING = `
  UNWIND $entityIds AS entityId
  MATCH (t:Task)-[:HAS_PARAGRAPH]->(p:Paragraph)-[:MENTIONS]->(e:Entity {id: entityId})
  WHERE $documentIds IS NULL OR p.documentId IN $documentIds
  WITH t, collect(DISTINCT p {${PARAGRAPH_FIELDS}}) AS paragraphs, collect(DISTINCT e.id) AS entityIds
  OPTIONAL MATCH (d:Document {id: t.documentId})
  RETURN t {.*} AS task, paragraphs, entityIds
  ORDER BY CASE WHEN $newestFirst THEN coalesce(d.year, -1) ELSE 0 END DESC, t.documentId, t.charStart
  LIMIT $limit`;

/** $query is a Lucene query built from query tokens (each one quoted). */
export const SEARCH_TEXT = `
  CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $query, { limit: $k })
  YIELD node, score
  RETURN node {${PARAGRAPH_FIELDS}} AS paragraph, score
  ORDER BY score DESC
  LIMIT $k`;

/** The same within some documents: the index is asked for $depth hits, of which the documents' $k best are kept. */
export const SEARCH_TEXT_IN = `
  CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $query, { limit: $depth })
  YIELD node, score
  WHERE node.documentId IN $documentIds
  RETURN node {.*, tokens: null} AS paragraph, score
  ORDER BY score DESC
  LIMIT $k`;

// ── Graph walks ───────────────────────────────────────────────────────────────────────────────────────

/** Binds `variable` to the graph node whose id is `$parameter`, whatever its label, through the id indexes. */
function nodeById(variable: string, parameter: string): string {
  const labels = ['Document', 'Section', 'Task', 'Paragraph', 'Entity', 'Observation'];
  const branches = labels.map((label) => `MATCH (${variable}:${label} {id: $${parameter}}) RETURN ${variable}`);
  return `CALL () { ${branches.join(' UNION ')} }`;
}

export const NODE = `${nodeById('n', 'id')} RETURN n LIMIT 1`;

/** The whole graph for export: every node of the data model, then every relationship between them. */
export const ALL_NODES = `MATCH (n) WHERE ${COUNTED_LABELS.map((l) => `n:${l}`).join(' OR ')} RETURN n`;
export const ALL_EDGES = `MATCH (a)-[r:${GRAPH_RELATIONSHIPS}]->(b) RETURN r, a.id AS source, b.id AS target`;
/**
 * An edge inside the documents asked for ($documentIds null: all): its own documentId (MENTIONS, LOCATED_IN, HAS_PART)
 * or its far node's (a task, paragraph or figure); structure edges carry neither and always pass.
 */
const IN_DOCUMENTS = `($documentIds IS NULL OR coalesce(r.documentId, m.documentId) IS NULL
    OR coalesce(r.documentId, m.documentId) IN $documentIds)`;

/**
 * The start node and its first breadth-first level in one round trip and one row (none when the id is unknown).
 * Every edge comes back, but far nodes' properties only for the first $farLimit distinct far nodes — the ones a
 * walk limited to that many nodes keeps: a hub's 400 edges would otherwise ship 400 paragraphs' text.
 */
export const START_AND_EXPAND = `
  ${nodeById('n', 'id')}
  WITH n LIMIT 1
  CALL (n) {
    OPTIONAL MATCH (n)-[r:${GRAPH_RELATIONSHIPS}]-(m)
    WHERE ${IN_DOCUMENTS}
    WITH r, m LIMIT $edgesPerNode
    WITH collect(CASE WHEN r IS NULL THEN null ELSE {r: {type: type(r), properties: properties(r)}, source: startNode(r).id, target: endNode(r).id, mId: m.id, mElementId: elementId(m)} END)
           AS expansion,
         collect(m) AS far
    WITH expansion, reduce(kept = [], m IN far | CASE WHEN size(kept) >= $farLimit OR m IN kept THEN kept ELSE kept + m END) AS kept
    RETURN expansion, [m IN kept | {mProperties: ${drawnProperties('m')}, mLabels: labels(m), mElementId: elementId(m)}] AS farNodes
  }
  RETURN ${drawnNode('n')}, expansion, farNodes`;

/** One breadth-first level: the edges around each frontier node, capped per node so hubs stay readable. */
export const EXPAND = `
  UNWIND $frontier AS frontierId
  MATCH (n) WHERE elementId(n) = frontierId
  CALL (n) {
    MATCH (n)-[r:${GRAPH_RELATIONSHIPS}]-(m)
    WHERE ${IN_DOCUMENTS}
    RETURN r, m
    LIMIT $edgesPerNode
  }
  RETURN r, startNode(r).id AS source, endNode(r).id AS target, m.id AS mId, ${drawnNode('m')}`;

/** The bound is spelled out (Cypher takes none as a parameter); $maxHops filters below it. */
export const MAX_PATH_HOPS = 8;
export const SHORTEST_PATHS = `
  ${nodeById('a', 'fromId')}
  ${nodeById('b', 'toId')}
  MATCH path = allShortestPaths((a)-[:${GRAPH_RELATIONSHIPS}*..${MAX_PATH_HOPS}]-(b))
  WITH path WHERE length(path) <= $maxHops
  RETURN nodes(path) AS nodes, [r IN relationships(path) | {r: r, source: startNode(r).id, target: endNode(r).id}] AS edges
  LIMIT $pathLimit`;

export const COUNT_DOCUMENTS = 'MATCH (d:Document) RETURN count(d) AS n';
export const COUNT_NODES = COUNTED_LABELS.map((label) => `MATCH (n:${label}) RETURN count(n) AS n`).join(' UNION ALL ');
export const COUNT_RELATIONSHIPS = COUNTED_RELATIONSHIPS.map((type) => `MATCH ()-[r:${type}]->() RETURN count(r) AS n`).join(' UNION ALL ');

// ── Maintenance (tests) ───────────────────────────────────────────────────────────────────────────────

/** Empties the database (Community has a single user database); batched so large graphs do not exhaust memory. */
export const DELETE_ALL = 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS';

// ── Vector index (graph/neo4j/vector-index.ts) ────────────────────────────────────────────────────────

export const VECTOR_INDEX = 'chunk_embedding';

export const VECTOR_INDEX_DIMENSIONS = `
  SHOW VECTOR INDEXES YIELD name, options WHERE name = $name
  RETURN options.indexConfig['vector.dimensions'] AS dimensions, options.indexConfig['vector.quantization.enabled'] AS quantized`;

export const DROP_VECTOR_INDEX = `DROP INDEX ${VECTOR_INDEX} IF EXISTS`;

export const CREATE_VECTOR_INDEX = `
  CREATE VECTOR INDEX ${VECTOR_INDEX} IF NOT EXISTS FOR (c:Chunk) ON (c.embedding)
  OPTIONS { indexConfig: {
    \`vector.dimensions\`: $dimensions,
    \`vector.similarity_function\`: 'cosine',
    \`vector.quantization.enabled\`: false
  } }`;

export const AWAIT_VECTOR_INDEX = 'CALL db.awaitIndex($name, $timeoutSeconds)';

/** Re-adding an id replaces its vector and its document. */
export const UPSERT_VECTORS = `
  UNWIND $rows AS row
  MERGE (c:Chunk {id: row.id})
  SET c.documentId = row.documentId
  WITH c, row
  CALL db.create.setNodeVectorProperty(c, 'embedding', row.vector)
  RETURN count(c) AS n`;

export const DELETE_DOCUMENT_VECTORS = `
  MATCH (c:Chunk {documentId: $documentId}) WHERE c.embedding IS NOT NULL
  REMOVE c.embedding
  RETURN count(c) AS removed`;

/** Chunk nodes that only the vector index created go with their vectors; a stored document keeps its chunks. */
export const DELETE_UNOWNED_CHUNKS = `
  MATCH (c:Chunk {documentId: $documentId})
  WHERE NOT EXISTS { MATCH (:Document {id: $documentId}) }
  DETACH DELETE c`;

export const COUNT_VECTORS = 'MATCH (c:Chunk) WHERE c.embedding IS NOT NULL RETURN count(c) AS n';

/** Exact cosine over the named documents' chunks (vector.similarity.cosine is rescaled to [0, 1] like the index's). */
export const SEARCH_VECTORS_WITHIN = `
  MATCH (c:Chunk) WHERE c.documentId IN $documentIds AND c.embedding IS NOT NULL
  WITH c, vector.similarity.cosine(c.embedding, $query) AS score
  RETURN c.id AS id, c.documentId AS documentId, score
  ORDER BY score DESC, id
  LIMIT $k`;

export const SEARCH_VECTORS = `
  CALL db.index.vector.queryNodes($name, $candidates, $query) YIELD node, score
  RETURN node.id AS id, node.documentId AS documentId, score
  ORDER BY score DESC, id
  LIMIT $k`;
