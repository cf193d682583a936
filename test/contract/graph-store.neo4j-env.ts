// Connection to the local Neo4j for contract suites (NEO4J_URI/USER/PASSWORD, defaults of src/config.ts), and
// the wipe they run before each test: Community Edition has one user database, so tests own it while they run.
import neo4j from 'neo4j-driver';
import { NEO4J_DEFAULTS } from '../../src/config.ts';
import { DELETE_ALL } from '../../graph/neo4j/queries.ts';
import type { Neo4jConnection } from '../../graph/neo4j/neo4j-store.ts';

export const NEO4J_SKIPPED = process.env.POLICY_GRAPH_SKIP_NEO4J === '1';

export const neo4jConnection: Neo4jConnection = {
  uri: process.env.NEO4J_URI || NEO4J_DEFAULTS.uri,
  user: process.env.NEO4J_USER || NEO4J_DEFAULTS.user,
  password: process.env.NEO4J_PASSWORD || NEO4J_DEFAULTS.password,
  database: process.env.NEO4J_DATABASE || undefined,
};

/** Deletes every node and relationship; constraints and indexes stay. */
export async function wipeNeo4j(): Promise<void> {
  const driver = neo4j.driver(neo4jConnection.uri, neo4j.auth.basic(neo4jConnection.user, neo4jConnection.password), {
    connectionTimeout: 4000,
  });
  const session = driver.session({ database: neo4jConnection.database });
  try {
    await session.run(DELETE_ALL);
  } catch (error) {
    throw new Error(
      `cannot wipe Neo4j at ${neo4jConnection.uri} (start it with npm run neo4j:start, or set POLICY_GRAPH_SKIP_NEO4J=1): ${(error as Error).message.split('\n')[0]}`,
    );
  } finally {
    await session.close();
    await driver.close();
  }
}
