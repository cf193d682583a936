// The reader on real documents: the seed report and a report from the shared corpus.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readDocument, toSourceOffset } from '../../src/ingest/read.ts';
import { sharedPath } from '../helpers/shared.ts';

const seedPath = new URL('../../seeds/shangyu-2017-government-work-report.txt', import.meta.url).pathname;
const corpusSamplePath = sharedPath('corpus', 'sample', 'hangzhou-2017.md');

describe('readDocument on real reports', () => {
  it('reads the seed report with text identical to the file', async () => {
    const result = await readDocument(seedPath);
    expect(result.text).toBe(await readFile(seedPath, 'utf8'));
    expect(result).toMatchObject({ format: 'txt', encoding: 'utf-8', sourceMap: [[0, 0]], boldLines: [] });
    expect(result.normalized).toHaveLength(result.text.length);
    expect(result.text).toContain('崧厦');
  });

  it('reads a corpus report with its front-matter title and no Markdown left', async () => {
    const source = await readFile(corpusSamplePath, 'utf8');
    const result = await readDocument(corpusSamplePath);
    expect(result.frontMatter.title).toBe('2017年杭州市政府工作报告');
    expect(result.frontMatter.source).toMatch(/^https:\/\/www\.hangzhou\.gov\.cn\//);
    expect(result.text).not.toContain('**');
    expect(result.text).not.toContain('title:');
    const bold = result.boldLines.map(({ charStart, charEnd }) => result.text.slice(charStart, charEnd));
    expect(bold).toContain('政府工作报告');
    expect(bold).toContain('一、2016年和本届政府工作回顾');
    const quote = '以服务保障G20杭州峰会为圆心';
    const citation = result.text.indexOf(quote);
    expect(citation).toBeGreaterThan(0);
    const sourceOffset = toSourceOffset(result, citation);
    expect(source.slice(sourceOffset, sourceOffset + quote.length)).toBe(quote);
  });
});
