// Every Cypher statement is a constant of graph/neo4j/queries.ts whose values travel as $parameters: the only
// interpolations there are labels, index names and fixed bounds from the module itself, and the adapter files
// pass those constants (never a literal, a template or a concatenation) to run().
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Q from '../../graph/neo4j/queries.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const NEO4J_DIR = new URL('../../graph/neo4j/', import.meta.url).pathname;
const QUERIES_SOURCE = readFileSync(join(NEO4J_DIR, 'queries.ts'), 'utf8');

/** Interpolations that spell schema (labels, relationship types, index names) or fixed bounds into Cypher. */
const SCHEMA_INTERPOLATIONS = new Set([
  'label',
  'label.toLowerCase()',
  'type',
  'variable',
  'parameter',
  "branches.join(' UNION ')",
  "nodeById('n', 'id')",
  "nodeById('a', 'fromId')",
  "nodeById('b', 'toId')",
  'FULLTEXT_INDEX',
  'GRAPH_RELATIONSHIPS',
  'MAX_PATH_HOPS',
  'VECTOR_INDEX',
  'statement', // the error message of schemaName, not Cypher
  // Fixed property projections (which properties a read returns) and the helpers that place them on a variable.
  'PARAGRAPH_FIELDS',
  'CHUNK_FIELDS',
  'drawnProperties(variable)',
  "drawnProperties('m')",
  "drawnNode('n')",
  "drawnNode('m')",
  'COUNTED_LABELS.map((l) => `n:${l', // the whole-graph export's label list: fixed names
  'IN_DOCUMENTS', // a fixed WHERE fragment whose documents are the $documentIds parameter
]);

/** The `${…}` expressions of a source text (no nesting needed: queries.ts has none). */
function interpolations(source: string): string[] {
  return [...source.matchAll(/\$\{([^}]*)\}/g)].map((match) => expectDefined(match[1]).trim());
}

/** First arguments of `.run(` calls that are not a queries.ts constant or a variable bound to one. */
function suspiciousRunArguments(source: string): string[] {
  // `this.run(mode, work)` is the adapter's own session helper, not the driver's.
  return [...source.matchAll(/(?<!this)\.run\(\s*([^,)]+)/g)]
    .map((match) => expectDefined(match[1]).trim())
    .filter((argument) => !/^(Q\.[A-Z_]+|query|statement)$/.test(argument));
}

/** String literals in adapter code that read like Cypher: every statement belongs in queries.ts. */
function inlineCypher(source: string): string[] {
  return [...source.matchAll(/[`'"]\s*(?:MATCH|OPTIONAL MATCH|CREATE|MERGE|UNWIND|CALL|DETACH|DELETE|RETURN|SHOW|DROP)\b[^`'"]*/g)].map(
    (m) => m[0],
  );
}

describe('Cypher is parameterised', () => {
  it('queries.ts interpolates only schema names and fixed bounds', () => {
    const found = interpolations(QUERIES_SOURCE);
    expect(found.length).toBeGreaterThan(10);
    expect(found.filter((expression) => !SCHEMA_INTERPOLATIONS.has(expression))).toEqual([]);
  });

  it('the interpolated constants are identifiers and numbers, not values', () => {
    for (const name of [Q.FULLTEXT_INDEX, Q.VECTOR_INDEX, Q.GRAPH_RELATIONSHIPS]) expect(name).toMatch(/^[A-Za-z_|]+$/);
    expect(Number.isInteger(Q.MAX_PATH_HOPS)).toBe(true);
    for (const label of [...Q.COUNTED_LABELS, ...Q.COUNTED_RELATIONSHIPS]) expect(label).toMatch(/^[A-Z][A-Za-z_]*$/);
  });

  it('queries.ts exports constants only: no function builds Cypher from arguments', () => {
    const functions = Object.entries(Q)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name);
    expect(functions).toEqual(['schemaName']);
    const statements = Object.values(Q).flatMap(function strings(value: unknown): string[] {
      if (typeof value === 'string') return [value];
      if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
      return [];
    });
    expect(statements.length).toBeGreaterThan(40);
    // Values reach the statements as $parameters; quoted literals are fixed keys, index names and options only.
    const literals = statements.flatMap((statement) => [...statement.matchAll(/'([^']*)'/g)].map((m) => expectDefined(m[1])));
    const fixed = new Set([
      'generation',
      'embedding_model',
      'embedding',
      'cjk',
      'cosine',
      'vector.dimensions',
      'vector.quantization.enabled',
      Q.FULLTEXT_INDEX,
      '',
      ' ',
      '|',
    ]);
    expect(literals.filter((literal) => !fixed.has(literal))).toEqual([]);
  });

  it('the adapter passes queries.ts constants to run() and holds no Cypher of its own', () => {
    const adapters = readdirSync(NEO4J_DIR).filter((name) => name.endsWith('.ts') && name !== 'queries.ts');
    expect(adapters).toContain('neo4j-store.ts');
    for (const name of adapters) {
      const source = readFileSync(join(NEO4J_DIR, name), 'utf8');
      expect(suspiciousRunArguments(source), name).toEqual([]);
      expect(inlineCypher(source), name).toEqual([]);
    }
  });

  it('the checks catch interpolated values and inline statements', () => {
    const leaky = `await tx.run(\`MATCH (n {id: '\${id}'}) RETURN n\`); await session.run('MATCH (n) WHERE n.name = "' + name + '" RETURN n');`;
    expect(interpolations(leaky).filter((expression) => !SCHEMA_INTERPOLATIONS.has(expression))).toEqual(['id']);
    expect(suspiciousRunArguments(leaky)).toHaveLength(2);
    expect(inlineCypher(leaky).length).toBeGreaterThan(0);
  });
});
