import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument, toSourceOffset, type ReadResult } from '../../src/ingest/read.ts';
import { makeDocx, makePdf } from '../fixtures/read/build.ts';

const fixture = (name: string): string => new URL(`../fixtures/read/${name}`, import.meta.url).pathname;

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'read-formats-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function readWritten(name: string, content: string | Buffer): Promise<ReadResult> {
  const path = join(directory, name);
  await writeFile(path, content);
  return readDocument(path);
}

const boldTexts = (result: ReadResult): string[] => result.boldLines.map(({ charStart, charEnd }) => result.text.slice(charStart, charEnd));

/** Every character that was copied from the source maps back onto the same character. */
function expectCopiedCharactersMapBack(result: ReadResult, source: string, inserted: string): void {
  let checked = 0;
  for (let i = 0; i < result.text.length; i++) {
    const char = result.text[i] ?? '';
    if (inserted.includes(char)) continue;
    expect(source[toSourceOffset(result, i)], `text[${i}] = ${char}`).toBe(char);
    checked++;
  }
  expect(checked).toBeGreaterThan(result.text.length / 2);
}

function expectMonotoneSourceMap(result: ReadResult): void {
  for (let i = 1; i < result.sourceMap.length; i++) {
    const [previousText, previousSource] = result.sourceMap[i - 1] ?? [0, 0];
    const [text, source] = result.sourceMap[i] ?? [0, 0];
    expect(text).toBeGreaterThan(previousText);
    expect(source).toBeGreaterThanOrEqual(previousSource);
  }
}

describe('readDocument: plain text', () => {
  it('turns \\r\\n and lone \\r into \\n and keeps offsets mapped', async () => {
    const source = '第一行\r\n第二行\r第三行\n';
    const result = await readWritten('endings.txt', source);
    expect(result).toMatchObject({ format: 'txt', encoding: 'utf-8', text: '第一行\n第二行\n第三行\n', boldLines: [], frontMatter: {} });
    expect(toSourceOffset(result, result.text.indexOf('第二行'))).toBe(source.indexOf('第二行'));
    expect(toSourceOffset(result, result.text.indexOf('第三行'))).toBe(source.indexOf('第三行'));
    expectCopiedCharactersMapBack(result, source, '\n');
    expectMonotoneSourceMap(result);
  });

  it('maps identically when there is nothing to remove', async () => {
    const result = await readDocument(fixture('lines.txt'));
    expect(result.sourceMap).toEqual([[0, 0]]);
    expect(toSourceOffset(result, 17)).toBe(17);
  });
});

describe('readDocument: Markdown', () => {
  let source: string;
  let result: ReadResult;
  beforeAll(async () => {
    source = await readFile(fixture('sample.md'), 'utf8');
    result = await readDocument(fixture('sample.md'));
  });

  it('reads the front matter, quoted or not, and leaves it out of the text', () => {
    expect(result.frontMatter).toEqual({
      title: '2017年某市政府工作报告',
      source: 'https://example.gov.cn/art/2017/1.html',
      date: '2017-02-20',
    });
    expect(result.text.startsWith('政府工作报告\n')).toBe(true);
    expect(result.format).toBe('md');
  });

  it('strips emphasis, headings, links, images, quotes, bullets, comments, tables and escapes', () => {
    expect(result.text).not.toMatch(/\*\*|__|^#|\]\(|!\[|^>|^- |<!--|\|/m);
    expect(result.text).toContain('（一）经济运行稳中有进。全市地区生产总值增长7.2%，详见统计公报。');
    expect(result.text).toContain('\n注：增速按可比价格计算。\n');
    expect(result.text).toContain('\n新增就业\u00a01.2万人\n完成重点项目30个\n');
    expect(result.text).toContain('\n指标\t目标\n地区生产总值\t增长7%左右\n');
    expect(result.text).toContain('分值按 3*4 计算。');
    expect(result.text).not.toContain('市长作政府工作报告');
    expect(result.text).not.toContain('会场');
    expect(result.text).not.toMatch(/\n\n\n/);
  });

  it('records headings and wholly bold lines, not partly bold ones or table rows', () => {
    expect(boldTexts(result)).toEqual(['政府工作报告', '一、过去一年的工作', '二、今后五年的目标']);
  });

  it('maps every copied character back to the same character of the source', () => {
    expectCopiedCharactersMapBack(result, source, '\n\t\u00a0');
    expectMonotoneSourceMap(result);
    const heading = result.text.indexOf('一、过去一年的工作');
    expect(source.slice(toSourceOffset(result, heading) - 2, toSourceOffset(result, heading))).toBe('# ');
  });

  it('handles CRLF Markdown with the same text and exact offsets', async () => {
    const crlfSource = source.replace(/\n/g, '\r\n');
    const crlf = await readWritten('crlf.md', crlfSource);
    expect(crlf.text).toBe(result.text);
    expect(crlf.boldLines).toEqual(result.boldLines);
    expectCopiedCharactersMapBack(crlf, crlfSource, '\n\t\u00a0');
  });

  it('keeps bold that spans a title and its subtitle, but not a stray ** for the rest of the file', async () => {
    const spanning = await readWritten('spanning.md', '**政府工作报告\n\n——2012年1月12日在第十一届人民代表大会上**\n\n各位代表：\n');
    expect(boldTexts(spanning)).toEqual(['政府工作报告', '——2012年1月12日在第十一届人民代表大会上']);
    const stray = await readWritten('stray.md', '一、总体要求**\n\n正文一。\n\n正文二。\n\n正文三。\n\n**（一）稳增长**\n');
    expect(stray.text).toBe('一、总体要求\n\n正文一。\n\n正文二。\n\n正文三。\n\n（一）稳增长\n');
    expect(boldTexts(stray)).toEqual(['（一）稳增长']);
  });

  it('keeps stars that are text and drops a stray star stuck to bold markup', async () => {
    const stars = await readWritten(
      'stars.md',
      '***政府工作报告**\n\n引进国家“*人计划”“*人计划”入选者，建设2*66万千瓦机组，*着力*稳增长。\n',
    );
    expect(stars.text).toBe('政府工作报告\n\n引进国家“*人计划”“*人计划”入选者，建设2*66万千瓦机组，着力稳增长。\n');
    expect(boldTexts(stars)).toEqual(['政府工作报告']);
  });

  it('reads a YAML list as the value of its key', async () => {
    const listed = await readWritten(
      'list.md',
      '---\nsource:\n- https://example.gov.cn/a.html\ntitle: 2008年政府工作报告\n---\n\n正文。\n',
    );
    expect(listed.frontMatter).toEqual({ source: 'https://example.gov.cn/a.html', title: '2008年政府工作报告' });
    expect(listed.text).toBe('正文。\n');
  });

  it('takes an opening rule that is not YAML for text, not front matter', async () => {
    const ruled = await readWritten('ruled.md', '---\n政府工作报告\n---\n正文。\n');
    expect(ruled.frontMatter).toEqual({});
    expect(ruled.text).toContain('政府工作报告');
  });
});

describe('readDocument: HTML', () => {
  let source: string;
  let result: ReadResult;
  beforeAll(async () => {
    source = await readFile(fixture('sample.html'), 'utf8');
    result = await readDocument(fixture('sample.html'));
  });

  it('keeps the text of the body, line by block, without scripts, styles or comments', () => {
    expect(result.format).toBe('html');
    expect(result.text).toBe(
      '政府工作报告\n各位代表：\n一、过去一年的工作\n' +
        '（一）经济运行稳中有进。全市地区生产总值增长7.2%——高于预期，比上年提高0.3个百分点，GDP growth.\n' +
        '第一行\n第二行\n指标\t目标\n地区生产总值\t增长7%左右\nA & B <C> 中国 &unknown;\n',
    );
  });

  it('takes the title and canonical address as front matter', () => {
    expect(result.frontMatter).toEqual({
      title: '2017年某市政府工作报告 - 某市人民政府',
      source: 'https://example.gov.cn/art/2017/2.html',
    });
  });

  it('records lines wholly inside <h1>…<h6>, <b> or <strong>', () => {
    expect(boldTexts(result)).toEqual(['政府工作报告', '一、过去一年的工作']);
  });

  it('maps copied characters back to the source', () => {
    expectCopiedCharactersMapBack(result, source, '\n\t —&<>中国');
    expectMonotoneSourceMap(result);
    expect(source.slice(toSourceOffset(result, result.text.indexOf('中国')), toSourceOffset(result, result.text.indexOf('中国')) + 8)).toBe(
      '&#x4E2D;',
    );
  });
});

describe('readDocument: .docx and .pdf', () => {
  it('reads a .docx with headings and bold paragraphs as bold lines', async () => {
    const result = await readWritten(
      'report.docx',
      makeDocx([
        { text: '政府工作报告', heading: true },
        { text: '各位代表：' },
        { text: '（一）经济运行稳中有进。', bold: true },
        { text: '全区实现地区生产总值812.5亿元，增长7.2%。A & B <C>' },
      ]),
    );
    expect(result).toMatchObject({ format: 'docx', encoding: 'binary-container', sourceMap: [[0, 0]], frontMatter: {} });
    expect(result.text.trimEnd()).toBe(
      '政府工作报告\n各位代表：\n（一）经济运行稳中有进。\n全区实现地区生产总值812.5亿元，增长7.2%。A & B <C>',
    );
    expect(boldTexts(result)).toEqual(['政府工作报告', '（一）经济运行稳中有进。']);
  });

  it('reads the text layer of every page of a .pdf', async () => {
    const result = await readWritten(
      'report.pdf',
      makePdf([['政府工作报告', '各位代表：'], ['全区实现地区生产总值812.5亿元，增长7.2%。']]),
    );
    expect(result).toMatchObject({ format: 'pdf', encoding: 'binary-container', boldLines: [] });
    expect(result.text).toBe('政府工作报告\n各位代表：\n全区实现地区生产总值812.5亿元，增长7.2%。');
    expect(result.normalized).toBe('政府工作报告\n各位代表:\n全区实现地区生产总值812.5亿元,增长7.2%。');
  });
});
