import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/read.ts';
import { buildDocumentGraph } from '../../src/ingest/pipeline.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the place of an observation', () => {
  it("is the report's own unless the sentence names another unit before the figure", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'obs-place-')), 'report.txt');
    writeFileSync(
      file,
      [
        '政府工作报告',
        '——2018年1月10日在绍兴市第八届人民代表大会第二次会议上',
        '一、2017年工作回顾',
        '全市地区生产总值达到5108亿元，增长7.2%。',
        '柯桥区地区生产总值达到1400亿元。',
      ].join('\n'),
    );
    const graph = buildDocumentGraph(await readDocument(file), { read: 0, structure: 0, extract: 0, embed: 0, write: 0 });
    const byValue = new Map(graph.observations.map((o) => [o.value, o]));
    expect(byValue.get(5108)).toMatchObject({ place: '绍兴市', placeCode: '330600' });
    expect(byValue.get(1400)).toMatchObject({ place: '柯桥区', placeCode: '330603' });
  });
});
