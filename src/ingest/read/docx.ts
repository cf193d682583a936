// .docx through mammoth's HTML conversion rather than its raw text: the HTML keeps bold runs and heading
// styles, which become `boldLines`, and our HTML reader yields the same paragraphs the raw text would.
import mammoth from 'mammoth';
import { ReadFailure } from './errors.ts';
import { convertHtml } from './html.ts';
import type { ConvertedText } from './converted.ts';
import { assertZipExpandsWithin } from './zip-guard.ts';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Images are irrelevant to the text and would otherwise be inlined as base64 data URIs. */
const dropImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function convertDocx(bytes: Buffer): Promise<ConvertedText> {
  if (!ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte)) throw new ReadFailure('not a .docx file (no ZIP signature)');
  assertZipExpandsWithin(bytes);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { convertImage: dropImages })).value;
  } catch (error) {
    throw new ReadFailure(`cannot read .docx (${error instanceof Error ? error.message : String(error)})`);
  }
  const converted = convertHtml(html);
  // Offsets into mammoth's intermediate HTML would mean nothing to a reader: the text is its own source.
  return { ...converted, sourceMap: [[0, 0]] };
}
