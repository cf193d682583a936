// .pdf through unpdf (pdf.js): the text layer of all pages, merged. Scanned PDFs have no text layer.
import { extractText } from 'unpdf';
import { ReadFailure } from './errors.ts';
import { convertPlainText } from './plain-text.ts';
import type { ConvertedText } from './converted.ts';

const PDF_SIGNATURE = '%PDF-';

export async function convertPdf(bytes: Buffer): Promise<ConvertedText> {
  if (bytes.subarray(0, 1024).indexOf(PDF_SIGNATURE, 0, 'latin1') < 0) throw new ReadFailure('not a .pdf file (no %PDF header)');
  let extracted: string;
  try {
    extracted = (await extractText(new Uint8Array(bytes), { mergePages: true })).text;
  } catch (error) {
    throw new ReadFailure(`cannot read .pdf (${error instanceof Error ? error.message : String(error)})`);
  }
  // Offsets into the PDF's content streams would mean nothing to a reader: the text is its own source.
  return { ...convertPlainText(extracted), sourceMap: [[0, 0]] };
}
