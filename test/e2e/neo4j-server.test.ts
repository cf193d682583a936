// The local Neo4j scripts and the CLI on the Neo4j backend, against the server the suite's global setup started
// (test/global-setup.ts) in its own data folder. The server itself is never stopped here.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEO4J_SKIPPED, neo4jConnection, wipeNeo4j } from '../contract/graph-store.neo4j-env.ts';
import { ROOT, SEED, cli, cliJson, tempDataDir } from './cli-helpers.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const exec = promisify(execFile);

async function script(name: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await exec('bash', [join(ROOT, 'graph/server', name)], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: (e.stdout ?? '') + (e.stderr ?? '') };
  }
}

const neo4jEnv = { NEO4J_URI: neo4jConnection.uri, NEO4J_USER: neo4jConnection.user, NEO4J_PASSWORD: neo4jConnection.password };
/** The scripts find a server by its data folder: the one global setup started it in. */
const serverEnv = { ...neo4jEnv, POLICY_GRAPH_DATA: process.env.POLICY_GRAPH_TEST_NEO4J_DATA ?? '' };

describe.skipIf(NEO4J_SKIPPED)('local Neo4j server scripts', () => {
  it('start.sh leaves a running server alone and confirms it answers', async () => {
    const result = await script('start.sh', serverEnv);
    expect(result.output).toMatch(/already running|is ready/);
    expect(result.code).toBe(0);
  });

  it('start.sh fails with a one-line reason when the password is wrong', async () => {
    const result = await script('start.sh', { ...serverEnv, NEO4J_PASSWORD: 'not-the-password' });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/refused user neo4j/);
  });

  it('stop.sh is a no-op for a data folder without a server', async () => {
    const result = await script('stop.sh', { POLICY_GRAPH_DATA: tempDataDir() });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/not running/);
  });
});

describe.skipIf(NEO4J_SKIPPED)('CLI on the Neo4j backend', () => {
  beforeAll(wipeNeo4j);

  it('ingests the seed, finds its places by pinyin, and deletes it again', async () => {
    const data = tempDataDir();
    const env = { ...neo4jEnv, POLICY_GRAPH_DATA: data };
    const ingest = await cliJson(['ingest', SEED, '--graph', 'neo4j'], env);
    expect(ingest.documents).toHaveLength(1);
    const { tasks, id: documentId } = expectDefined(ingest.documents[0]);
    expect(tasks).toBeGreaterThan(40);

    const again = await cliJson(['ingest', SEED, '--graph', 'neo4j'], env);
    expect(again.documents[0]?.status).toBe('unchanged');

    // The same question gets the same tasks and graph passages from Neo4j as from the embedded store.
    const embeddedData = tempDataDir();
    await cliJson(['ingest', SEED, '--data', embeddedData]);
    for (const question of ['哪些任务涉及曹娥江？', 'Which tasks involve reservoirs?']) {
      const onNeo4j = await cliJson(['ask', question, '--graph', 'neo4j'], env);
      const embedded = await cliJson(['ask', question, '--data', embeddedData]);
      expect(onNeo4j.tasks.map((t: { number: number }) => t.number).sort()).toEqual(
        embedded.tasks.map((t: { number: number }) => t.number).sort(),
      );
      expect(onNeo4j.tasks.length).toBeGreaterThan(0);
      const graphPassages = (answer: { passages: Array<{ id: string; retrievers: string[] }> }) =>
        answer.passages
          .filter((p) => p.retrievers.includes('graph'))
          .map((p) => p.id)
          .sort();
      expect(graphPassages(onNeo4j)).toEqual(graphPassages(embedded));
    }

    const places = await cliJson(['entities', '--type', 'place', '--match', 'Shang Yu', '--graph', 'neo4j'], env);
    expect(places.entities.map((e: { name: string }) => e.name)).toContain('上虞区');

    const deleted = await cli(['delete', documentId, '--graph', 'neo4j', '--json'], env);
    expect(deleted.code).toBe(0);
    const after = await cliJson(['entities', '--graph', 'neo4j'], env);
    expect(after.entities).toEqual([]);
  });
});
