// `policy-graph export` end to end, each file read by the tool people would read it with: networkx (when python3
// has it) for GraphML and GEXF, graphology for both otherwise, and neo4j-admin itself for the CSV.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import type { Subgraph } from '../../graph/store.ts';
import { buildDocumentGraph } from '../../src/ingest/pipeline.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { cli, cliJson, ROOT, SEED, tempDataDir } from './cli-helpers.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const exec = promisify(execFile);
const data = tempDataDir();
const out = mkdtempSync(join(tmpdir(), 'policy-graph-export-'));
const OTHER_REPORT = join(ROOT, 'test/fixtures/consistency/example-city-2019.md');
let seedId = '';
let whole: { nodes: Array<{ id: string; label: string; properties: Record<string, unknown> }>; edges: unknown[] } = {
  nodes: [],
  edges: [],
};

const hasNetworkx = (() => {
  try {
    execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const NEO4J_LIB = join(ROOT, 'graph/server/lib');
const hasNeo4jAdmin = existsSync(NEO4J_LIB) && readdirSync(NEO4J_LIB).some((f) => f.startsWith('neo4j-command-line-'));

describe('policy-graph export', () => {
  beforeAll(async () => {
    // Built as ingest builds it, without embedding: exports read only the graph.
    const store = openEmbeddedStore(data);
    for (const path of [SEED, OTHER_REPORT]) {
      const graph = buildDocumentGraph(await readDocument(path), { read: 0, structure: 0, extract: 0, embed: 0, write: 0 });
      await store.writeDocument(graph, []);
      if (path === SEED) seedId = graph.document.id;
    }
    await store.close();
    whole = await cliJson<'export', Subgraph>(['export', '--format', 'json', '--data', data]);
  });

  it("writes JSON to standard output, and one document's graph with --document", async () => {
    expect(whole.nodes.filter((n) => n.label === 'Document')).toHaveLength(2);
    const one = await cliJson<'export', Subgraph>(['export', '--document', seedId, '--data', data]);
    expect(one.nodes.filter((n) => n.label === 'Document').map((n) => n.id)).toEqual([seedId]);
    for (const node of one.nodes) {
      const owner = node.properties.documentId ?? node.properties.document_id;
      if (owner !== undefined) expect(owner).toBe(seedId);
    }
    expect(one.nodes.length).toBeGreaterThan(500);
    expect(one.nodes.length).toBeLessThan(whole.nodes.length);
  });

  it('writes GraphML and GEXF that graphology reads with typed attributes', async () => {
    for (const format of ['graphml', 'gexf'] as const) {
      const file = join(out, `graph.${format}`);
      const summary = await cliJson(['export', '--format', format, '--out', file, '--data', data]);
      expect(summary).toEqual({ format, files: [file], nodes: whole.nodes.length, edges: whole.edges.length });
      const parsed = (format === 'graphml' ? graphml : gexf).parse(MultiGraph, readFileSync(file, 'utf8'), { addMissingNodes: false });
      expect(parsed.order).toBe(whole.nodes.length);
      expect(parsed.size).toBe(whole.edges.length);
      const gdp = parsed.filterNodes(
        (_, a) => a.labels === 'Observation' && a.indicator === '地区生产总值' && a.period === '2016' && a.kind === 'actual',
      );
      expect(parsed.getNodeAttribute(expectDefined(gdp[0]), 'value')).toBe(773.22);
      const seed = parsed.getNodeAttributes(seedId);
      expect(seed).toMatchObject({ year: 2017, place: '上虞区' });
    }
  });

  it.skipIf(!hasNetworkx)('writes GraphML and GEXF that networkx reads with typed attributes', async () => {
    const script = `
import json, sys, networkx as nx
report = {}
for name, read in (('graphml', nx.read_graphml), ('gexf', nx.read_gexf)):
    g = read(sys.argv[1] + '/graph.' + name)
    observations = [d for _, d in g.nodes(data=True) if d.get('labels') == 'Observation']
    documents = [d for _, d in g.nodes(data=True) if d.get('labels') == 'Document']
    report[name] = {
        'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
        'valueTypes': sorted({type(d['value']).__name__ for d in observations}),
        'yearTypes': sorted({type(d['year']).__name__ for d in documents}),
        'relationships': sorted({d['relationship'] for _, _, d in g.edges(data=True)}),
    }
print(json.dumps(report))
`;
    for (const format of ['graphml', 'gexf'])
      await cliJson(['export', '--format', format, '--out', join(out, `graph.${format}`), '--data', data]);
    const { stdout } = await exec('python3', ['-c', script, out]);
    const report = JSON.parse(stdout);
    for (const format of ['graphml', 'gexf']) {
      expect(report[format]).toMatchObject({ nodes: whole.nodes.length, valueTypes: ['float'], yearTypes: ['int'] });
      expect(report[format].relationships).toEqual(expect.arrayContaining(['HAS_SECTION', 'MENTIONS', 'OF', 'STATES']));
    }
  });

  it('writes neo4j-admin CSV: zipped to a file, or two files into a folder', async () => {
    const zip = join(out, 'graph.csv.zip');
    await cliJson(['export', '--format', 'csv', '--out', zip, '--data', data]);
    const zipped = unzipSync(readFileSync(zip));
    const folder = join(out, 'csv');
    mkdirSync(folder);
    const summary = await cliJson(['export', '--format', 'csv', '--out', folder, '--data', data]);
    expect(summary.files).toEqual([join(folder, 'nodes.csv'), join(folder, 'relationships.csv')]);
    const nodes = readFileSync(join(folder, 'nodes.csv'), 'utf8');
    expect(strFromU8(expectDefined(zipped['nodes.csv']))).toBe(nodes);
    expect(nodes.slice(0, nodes.indexOf('\r\n'))).toMatch(/^id:ID,:LABEL,name,.*year:long.*value:double/);
    expect(readFileSync(join(folder, 'relationships.csv'), 'utf8')).toMatch(/^:START_ID,:END_ID,:TYPE,/);
  });

  it.skipIf(!hasNeo4jAdmin)('writes CSV that `neo4j-admin database import full` imports whole', async () => {
    const folder = join(out, 'csv-import');
    mkdirSync(folder);
    await cliJson(['export', '--format', 'csv', '--out', folder, '--data', data]);
    const home = mkdtempSync(join(tmpdir(), 'policy-graph-neo4j-import-'));
    mkdirSync(join(home, 'conf'));
    writeFileSync(join(home, 'conf/neo4j.conf'), `server.directories.data=${join(home, 'data')}\n`);
    const report = join(home, 'import.report');
    const { stdout } = await exec(
      'java',
      [
        '-Xmx256m',
        '-cp',
        `${NEO4J_LIB}/*`,
        'org.neo4j.cli.AdminTool',
        'database',
        'import',
        'full',
        `--nodes=${join(folder, 'nodes.csv')}`,
        `--relationships=${join(folder, 'relationships.csv')}`,
        '--multiline-fields=true',
        '--threads=1',
        `--report-file=${report}`,
        'neo4j',
      ],
      { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') }, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout).toContain(`${whole.nodes.length} nodes`);
    expect(stdout).toContain(`${whole.edges.length} relationships`);
    // Rows it skipped (bad ids, values of the wrong type) would be listed here.
    expect(existsSync(report) ? readFileSync(report, 'utf8') : '').toBe('');
  });

  it('exits 2 on a usage error and 1 when the document does not exist, with one line on stderr', async () => {
    const badFormat = await cli(['export', '--format', 'xml', '--data', data]);
    expect(badFormat.code).toBe(2);
    const notJson = await cli(['export', '--format', 'graphml', '--json', '--data', data]);
    expect(notJson.code).toBe(2);
    expect(notJson.stdout).toBe('');
    const missing = await cli(['export', '--document', 'no-such-document', '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual(['policy-graph: no document with id no-such-document']);
  });

  it('prints its version and documents its exit codes', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect((await cli(['--version'])).stdout.trim()).toBe(version);
    expect(await cliJson(['--version'])).toEqual({ version });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/export \[--format graphml\|gexf\|json\|csv\] \[--document ID\]/);
    expect(help.stdout).toMatch(/exit codes: 0 ok, 1 failure .*, 2 usage error/);
    expect((await cli(['no-such-command'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
  });
});
