// Turns the bytes of a text file into a string: byte order marks first, then UTF-16 without BOM (recognised
// by zero bytes on one side of each code unit), then UTF-8, then GB18030 — the encodings Chinese government
// documents actually arrive in. Anything that decodes to implausible text is rejected rather than guessed.
import iconv from 'iconv-lite';
import { ReadFailure } from './errors.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-8-lossy' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** How much of the file the byte statistics look at; enough to characterise any real document. */
const SAMPLE_BYTES = 1 << 16;
/** Decoded text may carry a few slips (replacement or control characters), but not more than this share. */
const MAX_IMPLAUSIBLE_CHAR_RATIO = 0.01;
/** Control bytes other than whitespace: text files have next to none, binary files plenty. */
const MAX_CONTROL_BYTE_RATIO = 0.01;
/** UTF-8 with a handful of broken bytes is still UTF-8; a GB18030 file read as UTF-8 breaks nearly everywhere. */
const MAX_BROKEN_UTF8_RATIO = 0.02;
/** In UTF-16 the zero bytes (high bytes of ASCII) sit on one parity; the other parity only gets U+xx00 characters. */
const MIN_UTF16_PARITY_SKEW = 4;

export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = decodeWithByteOrderMark(bytes) ?? decodeUtf16WithoutByteOrderMark(bytes) ?? decodeSingleByteBased(bytes);
  if (decoded.text.trim().length === 0) throw new ReadFailure('empty file');
  return decoded;
}

function decodeWithByteOrderMark(bytes: Uint8Array): DecodedText | undefined {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return plausibleOrFail(decodeUtf8(withoutIncompleteUtf8Tail(bytes.subarray(3)), false), 'utf-8-bom');
  }
  if (b0 === 0xff && b1 === 0xfe) return plausibleOrFail(decodeUtf16(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return plausibleOrFail(decodeUtf16(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  return undefined;
}

function decodeUtf16WithoutByteOrderMark(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length < 2) return undefined;
  const sampleLength = Math.min(bytes.length, SAMPLE_BYTES);
  let zerosAtEven = 0;
  let zerosAtOdd = 0;
  for (let i = 0; i < sampleLength; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) zerosAtEven++;
    else zerosAtOdd++;
  }
  let encoding: 'utf-16le' | 'utf-16be' | undefined;
  if (zerosAtOdd > 0 && zerosAtOdd >= zerosAtEven * MIN_UTF16_PARITY_SKEW) encoding = 'utf-16le';
  else if (zerosAtEven > 0 && zerosAtEven >= zerosAtOdd * MIN_UTF16_PARITY_SKEW) encoding = 'utf-16be';
  if (encoding === undefined) return undefined;
  const text = decodeUtf16(bytes, encoding);
  return text !== undefined && isPlausibleText(text) ? { text, encoding } : undefined;
}

function decodeSingleByteBased(bytes: Uint8Array): DecodedText {
  if (bytes.includes(0)) throw new ReadFailure('binary file (NUL bytes)');
  if (controlByteRatio(bytes) > MAX_CONTROL_BYTE_RATIO) throw new ReadFailure('binary file (control bytes)');
  const strict = decodeUtf8(bytes, true);
  if (strict !== undefined) return { text: strict, encoding: 'utf-8' };
  // A file cut off in the middle of a character (a truncated download) loses that character, not its encoding.
  const complete = withoutIncompleteUtf8Tail(bytes);
  const truncated = complete.length < bytes.length ? decodeUtf8(complete, true) : undefined;
  if (truncated !== undefined) return { text: truncated, encoding: 'utf-8-lossy' };
  const lenient = decodeUtf8(complete, false) ?? '';
  if (brokenUtf8Ratio(lenient) <= MAX_BROKEN_UTF8_RATIO) return { text: lenient, encoding: 'utf-8-lossy' };
  const gb18030 = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (isPlausibleText(gb18030)) return { text: gb18030, encoding: 'gb18030' };
  // A short UTF-8 text with one broken sequence has a high broken share yet is plainly UTF-8.
  if (isPlausibleText(lenient)) return { text: lenient, encoding: 'utf-8-lossy' };
  throw new ReadFailure('cannot decode text (not UTF-8, UTF-16 or GB18030)');
}

function plausibleOrFail(text: string | undefined, encoding: TextEncodingName): DecodedText {
  if (text === undefined || !isPlausibleText(text)) throw new ReadFailure(`cannot decode text (invalid ${encoding})`);
  return { text, encoding };
}

function decodeUtf8(bytes: Uint8Array, fatal: boolean): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-16 cut off mid-character (an odd byte count, or a lone high surrogate at the end) loses that character. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | undefined {
  let length = bytes.length - (bytes.length % 2);
  const lastHighByte = encoding === 'utf-16le' ? bytes[length - 1] : bytes[length - 2];
  if (length >= 2 && lastHighByte !== undefined && lastHighByte >= 0xd8 && lastHighByte <= 0xdb) length -= 2;
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length));
  } catch {
    return undefined;
  }
}

/** The bytes without a multi-byte UTF-8 sequence that the end of the file cut short. */
function withoutIncompleteUtf8Tail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: the lead byte is further back
    const sequenceLength = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return sequenceLength > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

function controlByteRatio(bytes: Uint8Array): number {
  const sampleLength = Math.min(bytes.length, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < sampleLength; i++) {
    if (isControl(bytes[i] ?? 0)) controls++;
  }
  return sampleLength === 0 ? 0 : controls / sampleLength;
}

/** Share of U+FFFD among the non-ASCII characters: how much of the "UTF-8" did not decode. */
function brokenUtf8Ratio(text: string): number {
  let nonAscii = 0;
  let broken = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    nonAscii++;
    if (code === 0xfffd) broken++;
  }
  return nonAscii === 0 ? 1 : broken / nonAscii;
}

function isPlausibleText(text: string): boolean {
  let implausible = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd || isControl(code) || (code >= 0x80 && code <= 0x9f)) implausible++;
  }
  return implausible <= text.length * MAX_IMPLAUSIBLE_CHAR_RATIO;
}

/** C0 control characters other than the whitespace ones (tab, line feed, vertical tab, form feed, return). */
function isControl(code: number): boolean {
  return code < 0x20 && (code < 0x09 || code > 0x0d);
}
