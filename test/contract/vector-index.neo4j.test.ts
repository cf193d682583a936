// The VectorIndex contract against Neo4j's native vector index on the local server (npm run neo4j:start).
// The index ignores the contract's folders; the database is wiped first and after each test instead.
import { beforeAll, describe, it } from 'vitest';
import { openNeo4jVectorIndex } from '../../graph/neo4j/vector-index.ts';
import { NEO4J_SKIPPED, neo4jConnection, wipeNeo4j } from './graph-store.neo4j-env.ts';
import { vectorIndexContract } from './vector-index.contract.ts';

if (NEO4J_SKIPPED) {
  describe.skip('VectorIndex contract: neo4j (POLICY_GRAPH_SKIP_NEO4J=1)', () => {
    it('is skipped', () => undefined);
  });
} else {
  beforeAll(wipeNeo4j);
  vectorIndexContract('neo4j', (_dir, dimensions) => openNeo4jVectorIndex(neo4jConnection, dimensions), { cleanup: wipeNeo4j });
}
