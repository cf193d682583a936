// .pdf through unpdf (pdf.js): the text layer of all pages, merged. Scanned PDFs have no text layer.
import { extractText, getDocumentProxy } from 'unpdf';
import { ReadFailure } from './errors.ts';
import { convertPlainText } from './plain-text.ts';
import type { ConvertedText } from './converted.ts';

const PDF_SIGNATURE = '%PDF-';

export async function convertPdf(bytes: Buffer): Promise<ConvertedText> {
  if (bytes.subarray(0, 1024).indexOf(PDF_SIGNATURE, 0, 'latin1') < 0) throw new ReadFailure('not a .pdf file (no %PDF header)');
  let extracted: string;
  try {
    // Verbosity 0: pdf.js reports damaged fonts and the like as warnings that say nothing about the text.
    const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      extracted = (await extractText(document, { mergePages: true })).text;
    } finally {
      await document.destroy();
    }
  } catch (error) {
    throw new ReadFailure(`cannot read .pdf (${error instanceof Error ? error.message : String(error)})`);
  }
  if (extracted.trim() === '') throw new ReadFailure('no text layer (scanned .pdf?)');
  // Offsets into the PDF's content streams would mean nothing to a reader: the text is its own source.
  return { ...convertPlainText(extracted), sourceMap: [[0, 0]] };
}
