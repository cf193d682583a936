// The VectorIndex contract against Neo4j's native vector index on the local server (npm run neo4j:start).
// The index ignores the contract's folders; the database is wiped first and after each test instead.
import { beforeAll, describe, expect, it } from 'vitest';
import { openNeo4jStore } from '../../graph/neo4j/neo4j-store.ts';
import { openNeo4jVectorIndex } from '../../graph/neo4j/vector-index.ts';
import { DOCUMENT_A, fixtureVectors } from './fixtures.ts';
import { NEO4J_SKIPPED, neo4jConnection, wipeNeo4j } from './graph-store.neo4j-env.ts';
import { vectorIndexContract } from './vector-index.contract.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

if (NEO4J_SKIPPED) {
  describe.skip('VectorIndex contract: neo4j (POLICY_GRAPH_SKIP_NEO4J=1)', () => {
    it('is skipped', () => undefined);
  });
} else {
  beforeAll(wipeNeo4j);
  vectorIndexContract('neo4j', (_dir, dimensions) => openNeo4jVectorIndex(neo4jConnection, dimensions), {
    cleanup: wipeNeo4j,
    minRecall: 0.8,
  });

  describe('VectorIndex beside the Neo4j GraphStore (keptByStore)', () => {
    it("holds the vectors the store writes, loses them with the store's delete, and adds or deletes nothing itself", async () => {
      await wipeNeo4j();
      const vectors = fixtureVectors(DOCUMENT_A);
      const store = await openNeo4jStore(neo4jConnection);
      const index = await openNeo4jVectorIndex(neo4jConnection, expectDefined(vectors[0]).length, { keptByStore: true });
      try {
        await store.writeDocument(DOCUMENT_A, vectors);
        expect(await index.size()).toBe(DOCUMENT_A.chunks.length);
        await index.add([{ id: 'chunk-not-in-the-store', documentId: 'elsewhere', vector: expectDefined(vectors[0]) }]);
        expect(await index.deleteDocument(DOCUMENT_A.document.id)).toBe(0);
        expect(await index.size()).toBe(DOCUMENT_A.chunks.length);
        await store.deleteDocument(DOCUMENT_A.document.id);
        expect(await index.size()).toBe(0);
      } finally {
        await index.close();
        await store.close();
        await wipeNeo4j();
      }
    });
  });
}
