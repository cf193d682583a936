// SQLite schema of the embedded GraphStore: one table per node kind, mentions and relations as rows,
// FTS5 over paragraph tokens for lexical search, chunk vectors as BLOBs (the HNSW file is a rebuildable cache).
export const SCHEMA_VERSION = 4;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, label TEXT NOT NULL, place TEXT, place_code TEXT, level TEXT, year INTEGER,
  plan_year INTEGER, speaker TEXT, issuer TEXT, date TEXT,
  source_path TEXT NOT NULL, source TEXT, text TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sections (
  id TEXT PRIMARY KEY, document_id TEXT NOT NULL, path TEXT NOT NULL, parent_path TEXT, title TEXT NOT NULL,
  ordinal INTEGER NOT NULL, level TEXT NOT NULL, horizon TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id);
CREATE TABLE IF NOT EXISTS tasks (
  id TEXT PRIMARY KEY, document_id TEXT NOT NULL, section_path TEXT NOT NULL, parent_id TEXT, number INTEGER NOT NULL,
  title TEXT NOT NULL, category TEXT, horizon TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_document ON tasks(document_id);
CREATE TABLE IF NOT EXISTS paragraphs (
  id TEXT PRIMARY KEY, document_id TEXT NOT NULL, section_path TEXT NOT NULL, task_id TEXT, ordinal INTEGER NOT NULL,
  text TEXT NOT NULL, sentences TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_document ON paragraphs(document_id);
CREATE INDEX IF NOT EXISTS paragraphs_task ON paragraphs(task_id);
-- Covers the mentions → paragraph → task join (tasksTouching, TOUCHES edges) without reading paragraph rows.
CREATE INDEX IF NOT EXISTS paragraphs_id_task ON paragraphs(id, task_id);
CREATE TABLE IF NOT EXISTS entities (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, kind TEXT, pinyin TEXT NOT NULL, code TEXT
);
CREATE INDEX IF NOT EXISTS entities_type ON entities(type);
CREATE TABLE IF NOT EXISTS entity_aliases (
  entity_id TEXT NOT NULL, document_id TEXT NOT NULL, alias TEXT NOT NULL,
  PRIMARY KEY (entity_id, document_id, alias)
);
CREATE INDEX IF NOT EXISTS entity_aliases_alias ON entity_aliases(alias);
CREATE INDEX IF NOT EXISTS entity_aliases_document ON entity_aliases(document_id);
CREATE TABLE IF NOT EXISTS mentions (
  entity_id TEXT NOT NULL, document_id TEXT NOT NULL, paragraph_id TEXT NOT NULL,
  char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, surface TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_paragraph ON mentions(paragraph_id);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id);
CREATE TABLE IF NOT EXISTS observations (
  id TEXT PRIMARY KEY, indicator_id TEXT NOT NULL, indicator TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL,
  kind TEXT NOT NULL, period TEXT NOT NULL, comparator TEXT, document_id TEXT NOT NULL, paragraph_id TEXT NOT NULL,
  text TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, place TEXT, place_code TEXT
);
CREATE INDEX IF NOT EXISTS observations_indicator ON observations(indicator_id);
CREATE INDEX IF NOT EXISTS observations_document ON observations(document_id);
CREATE INDEX IF NOT EXISTS observations_paragraph ON observations(paragraph_id);
CREATE TABLE IF NOT EXISTS relations (
  type TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL, document_id TEXT NOT NULL, paragraph_id TEXT
);
CREATE INDEX IF NOT EXISTS relations_from ON relations(from_id);
CREATE INDEX IF NOT EXISTS relations_to ON relations(to_id);
CREATE INDEX IF NOT EXISTS relations_document ON relations(document_id);
CREATE TABLE IF NOT EXISTS chunks (
  id TEXT PRIMARY KEY, document_id TEXT NOT NULL, paragraph_id TEXT NOT NULL, section_path TEXT NOT NULL,
  task_id TEXT, text TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, vector BLOB
);
CREATE INDEX IF NOT EXISTS chunks_document ON chunks(document_id);
-- The chunks that have a vector, listed without reading the vectors (the vector index's catch-up reads them all).
CREATE INDEX IF NOT EXISTS chunks_with_vector ON chunks(id, document_id) WHERE vector IS NOT NULL;
CREATE VIRTUAL TABLE IF NOT EXISTS paragraph_fts USING fts5(tokens, paragraph_id UNINDEXED, document_id UNINDEXED, tokenize = 'unicode61');
-- Paragraphs per token (document frequency), read from the full-text index itself: searchText leaves out tokens common enough to cost more than they rank.
CREATE VIRTUAL TABLE IF NOT EXISTS paragraph_fts_vocab USING fts5vocab(paragraph_fts, 'row');
`;
