// Every relation a document graph holds joins two of its own entities: Neo4j refuses a document whose relation
// points at a missing node (5 of 100 corpus reports did, where an administrative ancestor's name resolved under
// another entity), and the embedded store must not keep what Neo4j refuses.
import { describe, expect, it } from 'vitest';
import { buildDocumentGraph, type StageTimings } from '../../src/ingest/pipeline.ts';
import { readDocument } from '../../src/ingest/read.ts';
import { corpusFile } from '../helpers/shared.ts';

const REPORTS = [
  '政府工作报告-主要城市/广州市/1993.md',
  '政府工作报告-省自治区/甘肃省/2024.md',
  '政府工作报告-主要城市/无锡市/2018.md',
  '政府工作报告-主要城市/昆明市/2012.md',
  '政府工作报告-省自治区/河北省/2022.md',
];

describe('relations of a document graph', () => {
  it.each(REPORTS)('%s: every LOCATED_IN and HAS_PART joins two of the document’s entities', async (member) => {
    const file = corpusFile(member);
    const timings: StageTimings = { read: 0, structure: 0, extract: 0, embed: 0, write: 0 };
    const graph = buildDocumentGraph({ ...(await readDocument(file)), sourcePath: member }, timings);
    const ids = new Set(graph.entities.map((e) => e.id));
    expect(graph.relations.length).toBeGreaterThan(0);
    expect(graph.relations.filter((r) => !ids.has(r.fromId) || !ids.has(r.toId) || r.fromId === r.toId)).toEqual([]);
  });
});
