import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import { PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';

/**
 * What Chromium writes for each soft hyphen it does not break at: a zero-advance glyph in a
 * marked-content span whose ActualText is U+00AD. Readers take ActualText as the text, so
 * every hyphenation point stayed in the text layer ("max­i­mal re­sults": a search for
 * "maximal" found nothing, a copied paragraph pasted soft hyphens).
 */
const softHyphenText = /\/ActualText\s*<feff00ad>/gi;
const noText = '/ActualText <feff>';
const inflated = promisify(inflate);
const deflated = promisify(deflate);

/**
 * Empties the ActualText of soft hyphens in every content stream, so that extracted text
 * has none of them: a word reads whole where it is not broken, and as its two halves with
 * the visible hyphen at a line end, as in TeX-made PDFs (poppler joins those halves again).
 * Nothing drawn changes. Chosen over measuring where lines break in the page and printing
 * only those hyphens: that needs the print layout in the DOM, which Chromium does not
 * expose, while this touches text that is already laid out. Returns how many it emptied.
 */
export async function cleanTextLayer(pdf: PDFDocument): Promise<number> {
  // Streams are inflated and deflated on libuv's threads, side by side: off this thread,
  // which other editions share, and on every core (0.38 s of one core for the English guide).
  const counts = await Promise.all(
    [...pdf.context.enumerateIndirectObjects()].map(async ([ref, object]) => {
      if (!(object instanceof PDFRawStream) || !isContentStream(object)) return 0;
      const flate = object.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
      const text = (flate ? await inflated(object.contents) : Buffer.from(object.contents)).toString('latin1');
      let count = 0;
      const cleaned = text.replace(softHyphenText, () => {
        count += 1;
        return noText;
      });
      if (count === 0) return 0;
      const bytes = Buffer.from(cleaned, 'latin1');
      // A fixed compression level: the same print gives the same bytes.
      pdf.context.assign(ref, PDFRawStream.of(object.dict, flate ? await deflated(bytes, { level: 6 }) : bytes));
      return count;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Page contents and form XObjects; fonts, images and metadata never hold marked content. */
function isContentStream(stream: PDFRawStream): boolean {
  const dict = stream.dict;
  if (dict.has(PDFName.of('Length1')) || dict.has(PDFName.of('Length2')) || dict.has(PDFName.of('Length3'))) return false;
  const subtype = dict.get(PDFName.of('Subtype'));
  return subtype === undefined || subtype === PDFName.of('Form');
}
