import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';

/**
 * The page count of a written PDF. Its own module so that the reporters load pdf-lib only
 * when a build wrote a PDF, by importing this: a dynamic import() of pdf-lib itself, a
 * CommonJS package, gives only its `default` in the bundled command.
 */
export async function pdfPageCount(filePath: string): Promise<number> {
  const pdf = await PDFDocument.load(await readFile(filePath), { updateMetadata: false });
  return pdf.getPageCount();
}
