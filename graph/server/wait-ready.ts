// Waits until the local Neo4j answers a real query over Bolt, or fails with a one-line reason.
// Usage: tsx graph/server/wait-ready.ts <timeoutSeconds> [serverPid]; connection from NEO4J_URI/USER/PASSWORD.
import neo4j from 'neo4j-driver';
import { NEO4J_DEFAULTS } from '../../src/config.ts';

const timeoutSeconds = Number(process.argv[2] ?? 90);
const serverPid = process.argv[3] ? Number(process.argv[3]) : null;
const uri = process.env.NEO4J_URI || NEO4J_DEFAULTS.uri;
const user = process.env.NEO4J_USER || NEO4J_DEFAULTS.user;
const password = process.env.NEO4J_PASSWORD || NEO4J_DEFAULTS.password;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Errors that waiting cannot fix: the server is up but refuses these credentials. */
function isPermanent(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('Neo.ClientError.Security.');
}

async function main(): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (serverPid !== null && !processAlive(serverPid)) {
      throw new Error(`the Neo4j process (pid ${serverPid}) exited before Bolt answered`);
    }
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
    try {
      const { records } = await driver.executeQuery('RETURN 1 AS one');
      if (records[0]?.get('one').toNumber?.() === 1 || records[0]?.get('one') === 1) return;
      lastError = 'RETURN 1 gave an unexpected answer';
    } catch (error) {
      if (isPermanent(error)) throw new Error(`Neo4j at ${uri} refused user ${user}: ${(error as Error).message}`);
      lastError = (error as Error).message.split('\n')[0] ?? String(error);
    } finally {
      await driver.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Neo4j at ${uri} did not answer within ${timeoutSeconds} s (last error: ${lastError})`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
