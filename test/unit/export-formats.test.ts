// GraphML, GEXF and neo4j-admin CSV of a small graph with awkward values, read back by real readers
// (graphology's GraphML and GEXF parsers, fflate for the zip) rather than by the code that wrote them.
import { unzipSync, strFromU8 } from 'fflate';
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../../graph/store.ts';
import { declareAttributes } from '../../src/export/attributes.ts';
import { toGexf } from '../../src/export/gexf.ts';
import { toGraphml } from '../../src/export/graphml.ts';
import { neutraliseFormula, toNeo4jCsv, toNeo4jCsvZip } from '../../src/export/neo4j-csv.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const GRAPH: Subgraph = {
  nodes: [
    {
      id: 'doc1',
      label: 'Document',
      name: '示例市2019年政府工作报告',
      properties: { place: '示例市', year: 2019, sourcePath: 'a "quoted", path.md' },
    },
    {
      id: 'place1',
      label: 'Place',
      name: '=HYPERLINK("http://x")',
      properties: { type: 'place', kind: 'city', level: 'prefecture', aliases: ['示例', '例市'] },
    },
    {
      id: 'obs1',
      label: 'Observation',
      name: '地区生产总值 -2亿元',
      properties: {
        id: 'obs1',
        indicator_id: 'ind1',
        value: -2,
        unit: '亿元',
        kind: 'growth',
        period: '2018',
        comparator: null,
        document_id: 'doc1',
        text: '第一行\n<第二行> & more',
      },
    },
    {
      id: 'obs2',
      label: 'Observation',
      name: '地区生产总值 1.5%',
      properties: { value: 1.5, unit: '%', kind: 'growth', period: '2019-2023', documentId: 'doc1' },
    },
  ],
  edges: [
    { id: 'LOCATED_IN:place1:doc1', type: 'LOCATED_IN', source: 'place1', target: 'doc1', properties: { documentId: 'doc1' } },
    {
      id: 'MENTIONS:doc1:place1:3',
      type: 'MENTIONS',
      source: 'doc1',
      target: 'place1',
      properties: { charStart: 3, charEnd: 5, surface: '@示例' },
    },
  ],
};

describe('declared attributes', () => {
  it('types each property to fit all its values, in one spelling, without the id', () => {
    const attributes = declareAttributes([
      { year: 2019, value: 3 },
      { year: 2020, value: 1.5, aliases: ['a'] },
      { mixed: 1 },
      { mixed: 'x' },
    ]);
    expect(attributes).toEqual([
      { name: 'year', type: 'long', list: false },
      { name: 'value', type: 'double', list: false },
      { name: 'aliases', type: 'string', list: true },
      { name: 'mixed', type: 'string', list: false },
    ]);
  });

  it('keeps measured values decimal even when every one is whole', () => {
    expect(declareAttributes([{ value: 3 }, { value: -2 }])).toEqual([{ name: 'value', type: 'double', list: false }]);
  });
});

describe('GraphML', () => {
  const parsed = graphml.parse(MultiGraph, toGraphml(GRAPH));

  it('is read by graphology with every node, edge and typed value', () => {
    expect(parsed.order).toBe(4);
    expect(parsed.size).toBe(2);
    expect(parsed.getNodeAttributes('doc1')).toMatchObject({
      labels: 'Document',
      year: 2019,
      place: '示例市',
      sourcePath: 'a "quoted", path.md',
    });
    expect(parsed.getNodeAttributes('obs1')).toMatchObject({
      labels: 'Observation',
      value: -2,
      unit: '亿元',
      period: '2018',
      indicatorId: 'ind1',
      documentId: 'doc1',
      text: '第一行\n<第二行> & more',
    });
    expect(parsed.getNodeAttributes('obs1')).not.toHaveProperty('comparator');
    expect(parsed.getNodeAttributes('place1')).toMatchObject({ name: '=HYPERLINK("http://x")', aliases: '示例;例市', level: 'prefecture' });
    expect(parsed.getEdgeAttributes('MENTIONS:doc1:place1:3')).toMatchObject({ relationship: 'MENTIONS', charStart: 3, surface: '@示例' });
  });

  it('declares each attribute once as a typed key', () => {
    const keys = [...toGraphml(GRAPH).matchAll(/<key id="[^"]+" for="(node|edge)" attr\.name="([^"]+)" attr\.type="([^"]+)"/g)].map(
      (m) => `${m[1]}.${m[2]}:${m[3]}`,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'node.labels:string',
        'node.year:long',
        'node.value:double',
        'node.period:string',
        'edge.charStart:long',
        'edge.relationship:string',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.some((k) => /properties|\.id:/.test(k))).toBe(false);
  });
});

describe('GEXF', () => {
  it('is read by graphology with labels as names and typed attributes', () => {
    const parsed = gexf.parse(MultiGraph, toGexf(GRAPH));
    expect(parsed.order).toBe(4);
    expect(parsed.size).toBe(2);
    expect(parsed.getNodeAttributes('doc1')).toMatchObject({ label: '示例市2019年政府工作报告', labels: 'Document', year: 2019 });
    expect(parsed.getNodeAttributes('obs2')).toMatchObject({ value: 1.5, period: '2019-2023', kind: 'growth' });
    expect(parsed.getEdgeAttributes('LOCATED_IN:place1:doc1')).toMatchObject({
      label: 'LOCATED_IN',
      relationship: 'LOCATED_IN',
      documentId: 'doc1',
    });
  });
});

describe('neo4j-admin CSV', () => {
  const { 'nodes.csv': nodes, 'relationships.csv': relationships } = toNeo4jCsv(GRAPH);

  it('has the header neo4j-admin database import reads: ids, label or type, typed properties', () => {
    const nodeHeader = expectDefined(nodes.split('\r\n')[0]).split(',');
    expect(nodeHeader.slice(0, 3)).toEqual(['id:ID', ':LABEL', 'name']);
    expect(nodeHeader).toEqual(expect.arrayContaining(['year:long', 'value:double', 'aliases:string[]', 'period', 'documentId']));
    expect(relationships.split('\r\n')[0]).toBe(':START_ID,:END_ID,:TYPE,documentId,charStart:long,charEnd:long,surface');
    expect(nodes.trimEnd().split('\r\n')).toHaveLength(1 + 4); // the newline inside obs1's quoted text is no record separator
    expect(nodes).toContain('"第一行\n<第二行> & more"');
  });

  it('neutralises text that a spreadsheet would run as a formula, but not typed numbers', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('+86')).toBe("'+86");
    expect(neutraliseFormula('-x')).toBe("'-x");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('增长8%')).toBe('增长8%');
    expect(nodes).toContain(`place1,Place,"'=HYPERLINK(""http://x"")"`);
    expect(relationships).toContain(",'@示例");
    const observation = expectDefined(nodes.split('\r\n').find((line) => line.startsWith('obs1,')));
    expect(observation.split(',')).toContain('-2');
  });

  it('zips the two files for a single download', () => {
    const files = unzipSync(toNeo4jCsvZip(GRAPH));
    expect(Object.keys(files).sort()).toEqual(['nodes.csv', 'relationships.csv']);
    expect(strFromU8(expectDefined(files['nodes.csv']))).toBe(nodes);
  });
});
