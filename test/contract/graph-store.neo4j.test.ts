// The GraphStore contract against the real local Neo4j (npm run neo4j:start). An unreachable server fails
// the suite; POLICY_GRAPH_SKIP_NEO4J=1 skips it on purpose.
import { describe, it } from 'vitest';
import { openNeo4jStore } from '../../graph/neo4j/neo4j-store.ts';
import { graphStoreContract } from './graph-store.contract.ts';
import { NEO4J_SKIPPED, neo4jConnection, wipeNeo4j } from './graph-store.neo4j-env.ts';

if (NEO4J_SKIPPED) {
  describe.skip('GraphStore contract: neo4j (POLICY_GRAPH_SKIP_NEO4J=1)', () => {
    it('is skipped', () => undefined);
  });
} else {
  graphStoreContract('neo4j', () => openNeo4jStore(neo4jConnection), wipeNeo4j);
}
