import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/read.ts';
import { encodeText, type FixtureEncoding } from '../fixtures/read/build.ts';

const fixture = (name: string): string => new URL(`../fixtures/read/${name}`, import.meta.url).pathname;

let directory: string;
let lines: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'read-encoding-'));
  lines = await readFile(fixture('lines.txt'), 'utf8');
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function readEncoded(text: string, encoding: FixtureEncoding, name = `${encoding}.txt`) {
  const path = join(directory, name);
  await writeFile(path, encodeText(text, encoding));
  return readDocument(path);
}

describe('readDocument: encodings of text files', () => {
  const cases: Array<[FixtureEncoding, string]> = [
    ['utf-8', 'utf-8'],
    ['utf-8-bom', 'utf-8-bom'],
    ['gb18030', 'gb18030'],
    ['utf-16le-bom', 'utf-16le'],
    ['utf-16be-bom', 'utf-16be'],
    ['utf-16le', 'utf-16le'],
    ['utf-16be', 'utf-16be'],
  ];
  for (const [fixtureEncoding, detected] of cases) {
    it(`decodes ${fixtureEncoding} as ${detected} to the same text`, async () => {
      const result = await readEncoded(lines, fixtureEncoding);
      expect(result.encoding).toBe(detected);
      expect(result.text).toBe(lines);
      expect(result.sourceMap).toEqual([[0, 0]]);
    });
  }

  it('decodes GBK files (the subset of GB18030 most Chinese documents use)', async () => {
    const gbk = '各位代表：\n现在，我代表区人民政府向大会报告工作。\n';
    const path = join(directory, 'gbk.txt');
    await writeFile(path, iconv.encode(gbk, 'gbk'));
    const result = await readDocument(path);
    expect(result).toMatchObject({ encoding: 'gb18030', text: gbk });
  });

  it('keeps a UTF-8 file with a stray broken byte as UTF-8 instead of misreading all of it', async () => {
    const path = join(directory, 'slip.txt');
    const good = Buffer.from(lines.repeat(3), 'utf8');
    await writeFile(path, Buffer.concat([good.subarray(0, 30), Buffer.from([0xff]), good.subarray(30)]));
    const result = await readDocument(path);
    expect(result.encoding).toBe('utf-8-lossy');
    expect(result.text).toContain('全区实现地区生产总值');
    expect(result.text).toContain('\ufffd');
  });

  it('removes the byte order mark from the text', async () => {
    const result = await readEncoded('第一行\n', 'utf-8-bom', 'bom.txt');
    expect(result.text).toBe('第一行\n');
    expect(result.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('detects UTF-16 without BOM for ASCII-only text too', async () => {
    const result = await readEncoded('GDP grew 7.2% in 2016.\n', 'utf-16le', 'ascii-utf16.txt');
    expect(result).toMatchObject({ encoding: 'utf-16le', text: 'GDP grew 7.2% in 2016.\n' });
  });

  it('fills `normalized` with the width-normalised text of the same length', async () => {
    const result = await readEncoded(lines, 'gb18030', 'normalized.txt');
    expect(result.normalized).toHaveLength(result.text.length);
    expect(result.normalized).toContain('(GDP)812.5亿元,增长7.2%。');
    expect(result.text).toContain('（ＧＤＰ）812.5亿元，增长7.2%。');
  });
});
