import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, ReadError, readDocument } from '../../src/ingest/read.ts';
import { makePdf } from '../fixtures/read/build.ts';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'read-errors-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function readError(name: string, content?: Buffer | string): Promise<ReadError> {
  const path = join(directory, name);
  if (content !== undefined) await writeFile(path, content);
  const error = await readDocument(path).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ReadError);
  const readError = error as ReadError;
  expect(readError.message).not.toMatch(/[\r\n]/);
  expect(readError.message.startsWith(`${path}: `)).toBe(true);
  expect(readError.path).toBe(path);
  return readError;
}

describe('readDocument: errors name the file and the reason on one line', () => {
  it('rejects files with NUL bytes as binary', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
    ]);
    expect((await readError('image.txt', png)).reason).toBe('binary file (NUL bytes)');
  });

  it('rejects files full of control bytes as binary', async () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 8) : 0x41 + (i % 26))));
    expect((await readError('controls.txt', bytes)).reason).toBe('binary file (control bytes)');
  });

  it('rejects bytes that are neither UTF-8, UTF-16 nor GB18030', async () => {
    expect((await readError('garbage.txt', Buffer.alloc(64, 0xff))).reason).toMatch(/^cannot decode text/);
  });

  it('rejects empty files and files of white space only', async () => {
    expect((await readError('empty.txt', '')).reason).toBe('empty file');
    expect((await readError('blank.md', ' \n\t\r\n　\n')).reason).toBe('empty file');
  });

  it('rejects a Markdown file that is nothing but front matter and markup', async () => {
    expect((await readError('only-front-matter.md', '---\ntitle: 报告\n---\n\n<!-- 空 -->\n**  **\n')).reason).toBe('no text content');
  });

  it('rejects files over 20 MB from their size alone', async () => {
    const path = join(directory, 'huge.txt');
    await writeFile(path, '');
    await truncate(path, Math.round(MAX_DOCUMENT_BYTES + 3.4 * 1024 * 1024));
    expect((await readError('huge.txt')).reason).toBe('file too large (23.4 MB > 20 MB)');
  });

  it('rejects unsupported extensions without touching the file', async () => {
    expect((await readError('table.xls')).reason).toBe('unsupported extension .xls');
    expect((await readError('README')).reason).toBe('unsupported file type (no extension)');
  });

  it('reports missing files and directories', async () => {
    expect((await readError('missing.txt')).reason).toBe('file not found');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(directory, 'folder.md'));
    expect((await readError('folder.md')).reason).toBe('is a directory');
  });

  it('rejects .docx and .pdf files that are not what their extension says', async () => {
    expect((await readError('fake.docx', '这不是 Word 文档')).reason).toBe('not a .docx file (no ZIP signature)');
    expect((await readError('fake.pdf', '这不是 PDF')).reason).toBe('not a .pdf file (no %PDF header)');
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 0x20)]);
    expect((await readError('broken.docx', brokenZip)).reason).toMatch(/^cannot read \.docx \(/);
    expect((await readError('scanned.pdf', makePdf([[]]))).reason).toBe('no text layer (scanned .pdf?)');
    expect((await readError('broken.pdf', '%PDF-1.4\nno objects here\n%%EOF\n')).reason).toMatch(/^cannot read \.pdf \(/);
  });
});
