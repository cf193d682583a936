// The hostile-input corpus of the reliability tests, generated here so every file shows how it was made: each
// input either must fail with a one-line reason (`error`) or must be read correctly (`check` on the read result).
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { MAX_LINE_CHARS } from '../../src/ingest/read/long-lines.ts';
import { toSourceOffset, type ReadResult } from '../../src/ingest/read.ts';
import { makeDocx, makePdf } from '../fixtures/read/build.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

export type HostileExpectation =
  | { error: RegExp }
  | { check: (read: ReadResult) => void; encoding?: ReadResult['encoding']; duplicateOf?: 'baseline' };

export interface HostileInput {
  /** What the input is, for reports. */
  name: string;
  fileName: string;
  bytes: () => Buffer;
  expect: HostileExpectation;
}

/** Strings that would do harm if any layer spliced them into a query, a shell, a template or a page. */
export const INJECTION_STRINGS = [
  "'}) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  "'; DROP TABLE documents; --",
  '" OR 1=1 --',
  `$documentId \${process.exit(1)} {{7*7}}`,
  '<script>alert(1)</script>',
  'CALL db.index.fulltext.queryNodes("paragraph_tokens", "*") YIELD node DETACH DELETE node',
  'paragraph_fts MATCH \'*\' OR "x" NEAR(a b)',
];

/** A small but complete report; `marker` makes each one a distinct document. */
export function smallReport(marker: string): string {
  return [
    `某县2019年政府工作报告（${marker}）`,
    '',
    '一、2018年工作回顾',
    '',
    `全年地区生产总值达到120亿元，增长7.5%。${marker}完成农村公路改造50公里。`,
    '',
    '二、2019年工作安排',
    '',
    '（一）推进乡村振兴',
    '',
    `1.实施美丽乡村建设。建成美丽乡村示范村10个，${marker}。`,
    '',
  ].join('\n');
}

/** Deterministic pseudo-random numbers, so a failing input can be regenerated exactly. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const COMMON_HAN =
  '的一是在不了有和人这中大为上个以要时来用们生到作于出就分对成会可主发年动同也能下过说产种面而方后多定行学法所经进着等部度家电力里如水化高自理起物现实加量都两体制机当使点从业本去把性好应开合还因由其然前外天日社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指区强放决西被干做必战先回则任取据处府研';

/** About `bytes` bytes of random common characters with clause and sentence ends, on one line. */
function oneLongLine(bytes: number): string {
  const next = random(7);
  const parts: string[] = [];
  for (let written = 0; written < bytes; written += 3) {
    const roll = next();
    parts.push(roll < 0.03 ? '，' : roll < 0.045 ? '。' : expectDefined(COMMON_HAN[Math.floor(next() * COMMON_HAN.length)]));
  }
  return parts.join('');
}

function containsAll(...needles: string[]): (read: ReadResult) => void {
  return (read) => {
    for (const needle of needles) {
      if (!read.text.includes(needle)) throw new Error(`read text lacks ${JSON.stringify(needle)}`);
    }
    if (read.text.includes('\ufffd')) throw new Error('read text holds U+FFFD');
  };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const gbk = (text: string) => iconv.encode(text, 'gbk');
const utf16le = (text: string) => Buffer.from(text, 'utf16le');

export function hostileInputs(baseline: Buffer): HostileInput[] {
  const validPdf = makePdf([['某县政府工作报告', '地区生产总值增长百分之七']]);
  const inputs: HostileInput[] = [
    // ── must be refused with a clear reason ──
    { name: 'empty file', fileName: 'empty.txt', bytes: () => Buffer.alloc(0), expect: { error: /: empty file$/ } },
    {
      name: 'white space only (incl. U+3000)',
      fileName: 'blank.txt',
      bytes: () => utf8(' \t\r\n\u3000\n  \n'),
      expect: { error: /: empty file$/ },
    },
    { name: 'UTF-8 BOM only', fileName: 'bom-only.txt', bytes: () => Buffer.from([0xef, 0xbb, 0xbf]), expect: { error: /: empty file$/ } },
    { name: 'UTF-16 BOM only', fileName: 'bom16-only.md', bytes: () => Buffer.from([0xff, 0xfe]), expect: { error: /: empty file$/ } },
    {
      name: 'random binary (with NUL bytes)',
      fileName: 'random.txt',
      bytes: () => {
        const next = random(1);
        return Buffer.from(Array.from({ length: 65536 }, () => Math.floor(next() * 256)));
      },
      expect: { error: /: binary file/ },
    },
    {
      name: 'control bytes, no NUL',
      fileName: 'controls.md',
      bytes: () => Buffer.from(Array.from({ length: 4000 }, (_, i) => (i % 3 === 0 ? 1 + (i % 8) : 0x41 + (i % 26)))),
      expect: { error: /: binary file \(control bytes\)$/ },
    },
    {
      name: 'PNG image named .md',
      fileName: 'image.md',
      bytes: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]),
      expect: { error: /: binary file/ },
    },
    {
      name: '30 MB text file',
      fileName: 'huge-30mb.txt',
      bytes: () => Buffer.alloc(30 * 1024 * 1024, utf8('政府工作报告。\n')),
      expect: { error: /: file too large \(30 MB > 20 MB\)$/ },
    },
    {
      name: 'GBK bytes after a UTF-8 BOM',
      fileName: 'lying-bom.txt',
      bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gbk(smallReport('假BOM'))]),
      expect: { error: /: cannot decode text \(invalid utf-8-bom\)$/ },
    },
    {
      name: 'HTML with scripts and styles only',
      fileName: 'markup-only.html',
      bytes: () =>
        utf8(
          '<html><head><title></title><script>alert(1)</script><style>p{}</style></head><body><!-- 空 --><img src=x onerror=alert(1)></body></html>',
        ),
      expect: { error: /: no text content$/ },
    },
    {
      name: 'zip bomb .docx (110 MB of XML)',
      fileName: 'bomb.docx',
      bytes: () => makeDocx([{ text: '政'.repeat(10) }, { text: 'a'.repeat(110 * 1024 * 1024) }]),
      expect: { error: /: \.docx expands to more than 100 MB \(zip bomb\?\)$/ },
    },
    {
      name: '.docx with a ZIP signature and garbage',
      fileName: 'corrupt.docx',
      bytes: () => {
        const next = random(3);
        return Buffer.concat([
          Buffer.from([0x50, 0x4b, 0x03, 0x04]),
          Buffer.from(Array.from({ length: 2048 }, () => Math.floor(next() * 256))),
        ]);
      },
      expect: { error: /: cannot read \.docx \(/ },
    },
    {
      name: 'text file named .docx',
      fileName: 'renamed.docx',
      bytes: () => utf8(smallReport('改名')),
      expect: { error: /: not a \.docx file \(no ZIP signature\)$/ },
    },
    { name: '.docx without paragraphs', fileName: 'empty-body.docx', bytes: () => makeDocx([]), expect: { error: /: no text content$/ } },
    {
      name: '.pdf without a text layer',
      fileName: 'scanned.pdf',
      bytes: () => makePdf([[]]),
      expect: { error: /: no text layer \(scanned \.pdf\?\)$/ },
    },
    {
      name: '.pdf truncated to its first half',
      fileName: 'truncated.pdf',
      bytes: () => validPdf.subarray(0, Math.floor(validPdf.length / 2)),
      expect: { error: /: (cannot read \.pdf \(|no text layer)/ },
    },
    {
      name: 'text file named .pdf',
      fileName: 'renamed.pdf',
      bytes: () => utf8(smallReport('伪PDF')),
      expect: { error: /: not a \.pdf file \(no %PDF header\)$/ },
    },
    {
      name: 'executable',
      fileName: 'setup.exe',
      bytes: () => Buffer.from('MZ\x90\x00', 'latin1'),
      expect: { error: /: unsupported extension \.exe$/ },
    },
    {
      name: 'no extension (passwd)',
      fileName: 'passwd',
      bytes: () => utf8('root:x:0:0:root:/root:/bin/bash\n'),
      expect: { error: /: unsupported file type \(no extension\)$/ },
    },

    // ── must be read correctly ──
    {
      name: 'UTF-8 truncated mid-character',
      fileName: 'truncated-utf8.txt',
      bytes: () => {
        const bytes = utf8(`${smallReport('截断')}政府`);
        return bytes.subarray(0, bytes.length - 1);
      },
      expect: {
        encoding: 'utf-8-lossy',
        check: (read) => {
          containsAll('截断')(read);
          if (!read.text.endsWith('。\n政')) throw new Error('truncated character not dropped');
        },
      },
    },
    {
      name: 'GBK without declaration',
      fileName: 'gbk.txt',
      bytes: () => gbk(smallReport('国标码')),
      expect: { encoding: 'gb18030', check: containsAll('国标码', '地区生产总值') },
    },
    {
      name: 'GBK HTML without charset',
      fileName: 'gbk.html',
      bytes: () => gbk(`<html><body><h1>某县政府工作报告</h1><p>${smallReport('网页国标').replace(/\n\n/g, '</p><p>')}</p></body></html>`),
      expect: { encoding: 'gb18030', check: containsAll('网页国标') },
    },
    {
      name: 'UTF-8 HTML declaring gb2312',
      fileName: 'lying-charset.html',
      bytes: () =>
        utf8(`<html><head><meta charset="gb2312"></head><body><p>${smallReport('声明不符').replace(/\n\n/g, '</p><p>')}</p></body></html>`),
      expect: { encoding: 'utf-8', check: containsAll('声明不符') },
    },
    {
      name: 'UTF-16LE without BOM',
      fileName: 'utf16le.txt',
      bytes: () => utf16le(smallReport('小端序')),
      expect: { encoding: 'utf-16le', check: containsAll('小端序') },
    },
    {
      name: 'UTF-16BE without BOM',
      fileName: 'utf16be.md',
      bytes: () => utf16le(smallReport('大端序')).swap16(),
      expect: { encoding: 'utf-16be', check: containsAll('大端序') },
    },
    {
      name: 'UTF-16LE without BOM, odd byte count',
      fileName: 'utf16-odd.txt',
      bytes: () => {
        const bytes = utf16le(`${smallReport('奇数字节')}完`);
        return bytes.subarray(0, bytes.length - 1);
      },
      expect: { encoding: 'utf-16le', check: containsAll('奇数字节') },
    },
    {
      name: 'one 2 MB line',
      fileName: 'one-line.txt',
      bytes: () => utf8(`某县政府工作报告（单行）${oneLongLine(2 * 1024 * 1024)}`),
      expect: {
        encoding: 'utf-8',
        check: (read) => {
          containsAll('单行')(read);
          if (Math.max(...read.text.split('\n').map((line) => line.length)) > MAX_LINE_CHARS)
            throw new Error('a line is longer than MAX_LINE_CHARS');
          // Citations still point at the right source characters after the inserted breaks.
          const source = readFileSync(read.sourcePath, 'utf8');
          for (let offset = 0; offset < read.text.length; offset += 997) {
            if (read.text[offset] !== '\n' && source[toSourceOffset(read, offset)] !== read.text[offset])
              throw new Error(`source map off at ${offset}`);
          }
        },
      },
    },
    {
      name: 'HTML nested 50,000 levels deep',
      fileName: 'nested.html',
      bytes: () => utf8(`${'<div><span>'.repeat(50_000)}<p>${smallReport('深层嵌套')}</p>${'</span></div>'.repeat(50_000)}`),
      expect: { check: containsAll('深层嵌套') },
    },
    {
      name: 'HTML with an unclosed <script>',
      fileName: 'unclosed-script.html',
      bytes: () => utf8(`<p>${smallReport('未闭合脚本').replace(/\n\n/g, '</p><p>')}</p><script>document.write("隐藏文字")`),
      expect: {
        check: (read) => {
          containsAll('未闭合脚本')(read);
          if (read.text.includes('隐藏文字')) throw new Error('script text leaked');
        },
      },
    },
    {
      name: 'HTML with 30,000 unterminated quoted tags',
      fileName: 'quotes.html',
      bytes: () => utf8(`<p>${smallReport('引号')}</p>${'<a"'.repeat(30_000)}`),
      expect: { check: containsAll('引号') },
    },
    {
      name: 'Markdown with pathological emphasis and brackets',
      fileName: 'pathological.md',
      bytes: () =>
        utf8(
          `${smallReport('病态标记')}\n${'['.repeat(50_000)}\n${'*a'.repeat(30_000)}\n${'<'.repeat(50_000)}\n${'>'.repeat(10_000)} 引用\n<!-- 未闭合注释`,
        ),
      expect: { check: containsAll('病态标记') },
    },
    {
      name: 'front matter of 20,000 keys',
      fileName: 'front-matter.md',
      bytes: () =>
        utf8(
          `---\ntitle: 某县政府工作报告\n${Array.from({ length: 20_000 }, (_, i) => `key${i}: value ${i}`).join('\n')}\n---\n${smallReport('元数据')}`,
        ),
      expect: {
        check: (read) => {
          containsAll('元数据')(read);
          if (read.frontMatter.title !== '某县政府工作报告') throw new Error('front matter lost');
        },
      },
    },
    {
      name: 'control characters inside text',
      fileName: 'control-chars.txt',
      bytes: () => utf8(smallReport('控制字符').replace('增长', '增\u0007长').replace('改造', '改\u001b[31m造')),
      expect: { check: containsAll('控制字符') },
    },
    {
      name: 'right-to-left and zero-width marks',
      fileName: 'bidi.txt',
      bytes: () => utf8(smallReport('\u202e双向\u202c').replace('乡村', '乡\u200b村\u200f').replace('公路', '\u2066公路\u2069')),
      expect: { check: containsAll('\u202e双向\u202c', '\u2066公路\u2069') },
    },
    {
      name: 'Cypher/SQL/template injection text',
      fileName: 'injection.txt',
      bytes: () => utf8(`${smallReport('注入')}\n${INJECTION_STRINGS.map((s) => `${s}。`).join('\n\n')}\n`),
      expect: { check: containsAll('注入', ...INJECTION_STRINGS) },
    },
    {
      name: 'injection text in Markdown headings',
      fileName: 'injection.md',
      bytes: () => utf8(`# ${INJECTION_STRINGS[0]}\n\n${smallReport('标题注入')}`),
      expect: { check: containsAll('标题注入', expectDefined(INJECTION_STRINGS[0])) },
    },
    {
      name: 'lone surrogate bytes in UTF-8',
      fileName: 'surrogate.txt',
      bytes: () => Buffer.concat([utf8(smallReport('代理对')), Buffer.from([0xed, 0xa0, 0x80]), utf8(`${oneLongLine(3000)}。\n`)]),
      expect: {
        encoding: 'utf-8-lossy',
        check: (read) => {
          if (!read.text.includes('代理对')) throw new Error('text lost');
        },
      },
    },
    {
      name: 'old Mac line endings (CR only)',
      fileName: 'cr-only.txt',
      bytes: () => utf8(smallReport('回车').replace(/\n/g, '\r')),
      expect: { check: containsAll('回车', '\n') },
    },
    {
      name: 'HTML with invalid character references',
      fileName: 'references.html',
      bytes: () => utf8(`<p>${smallReport('字符引用')}${'&#0;&#xD800;&#x110000;&bogus;&#99999999;'.repeat(2000)}</p>`),
      // As in a browser: invalid numeric references become U+FFFD, unknown names stay as written.
      expect: {
        check: (read) => {
          if (!read.text.includes('字符引用') || read.text.includes('&#x110000;') || !read.text.includes('&bogus;'))
            throw new Error('references mishandled');
        },
      },
    },
    {
      name: 'shell metacharacters and quotes in the file name',
      fileName: '$(touch pwned) ; rm -rf x \' " `id`.txt',
      bytes: () => utf8(smallReport('文件名')),
      expect: { check: containsAll('文件名') },
    },
    {
      name: 'path traversal look-alike file name',
      fileName: '..%2F..%2Fetc%2Fpasswd.txt',
      bytes: () => utf8(smallReport('路径穿越')),
      expect: { check: containsAll('路径穿越') },
    },
    {
      name: 'very long Chinese file name',
      fileName: `${'报告'.repeat(40)}.txt`,
      bytes: () => utf8(smallReport('长文件名')),
      expect: { check: containsAll('长文件名') },
    },
    {
      name: 'an already stored document again',
      fileName: 'duplicate.md',
      bytes: () => baseline,
      expect: { duplicateOf: 'baseline', check: () => {} },
    },
  ];
  return inputs;
}
