// The GraphStore contract against the real local Neo4j (npm run neo4j:start). An unreachable server fails
// the suite; POLICY_GRAPH_SKIP_NEO4J=1 skips it on purpose. The database is wiped before each test and at the end.
import { afterAll, describe, expect, it } from 'vitest';
import { openNeo4jStore } from '../../graph/neo4j/neo4j-store.ts';
import { graphStoreContract } from './graph-store.contract.ts';
import { NEO4J_SKIPPED, neo4jConnection, wipeNeo4j } from './graph-store.neo4j-env.ts';

describe('openNeo4jStore', () => {
  it('fails within seconds, naming the server, when nothing listens there', async () => {
    const started = Date.now();
    await expect(openNeo4jStore({ ...neo4jConnection, uri: 'bolt://127.0.0.1:9' })).rejects.toThrow(
      /^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9 as \S+: .+$/,
    );
    expect(Date.now() - started).toBeLessThan(8000);
  });
});

if (NEO4J_SKIPPED) {
  describe.skip('GraphStore contract: neo4j (POLICY_GRAPH_SKIP_NEO4J=1)', () => {
    it('is skipped', () => undefined);
  });
} else {
  // Leave no fixture data behind for whoever uses the server next (its 4-dimension vectors, for one).
  afterAll(wipeNeo4j);
  graphStoreContract('neo4j', () => openNeo4jStore(neo4jConnection), wipeNeo4j);
}
