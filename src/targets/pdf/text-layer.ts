import { deflateSync, inflateSync } from 'node:zlib';
import { PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';

/**
 * What Chromium writes for each soft hyphen it does not break at: a zero-advance glyph in a
 * marked-content span whose ActualText is U+00AD. Readers take ActualText as the text, so
 * every hyphenation point stayed in the text layer ("max­i­mal re­sults": a search for
 * "maximal" found nothing, a copied paragraph pasted soft hyphens).
 */
const softHyphenText = /\/ActualText\s*<feff00ad>/gi;
const noText = '/ActualText <feff>';

/**
 * Empties the ActualText of soft hyphens in every content stream, so that extracted text
 * has none of them: a word reads whole where it is not broken, and as its two halves with
 * the visible hyphen at a line end, as in TeX-made PDFs (poppler joins those halves again).
 * Nothing drawn changes. Chosen over measuring where lines break in the page and printing
 * only those hyphens: that needs the print layout in the DOM, which Chromium does not
 * expose, while this touches text that is already laid out. Returns how many it emptied.
 */
export function cleanTextLayer(pdf: PDFDocument): number {
  let emptied = 0;
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || !isContentStream(object)) continue;
    const flate = object.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
    const text = Buffer.from(flate ? inflateSync(object.contents) : object.contents).toString('latin1');
    let count = 0;
    const cleaned = text.replace(softHyphenText, () => {
      count += 1;
      return noText;
    });
    if (count === 0) continue;
    emptied += count;
    const bytes = Buffer.from(cleaned, 'latin1');
    // A fixed compression level: the same print gives the same bytes.
    pdf.context.assign(ref, PDFRawStream.of(object.dict, flate ? deflateSync(bytes, { level: 6 }) : bytes));
  }
  return emptied;
}

/** Page contents and form XObjects; fonts, images and metadata never hold marked content. */
function isContentStream(stream: PDFRawStream): boolean {
  const dict = stream.dict;
  if (dict.has(PDFName.of('Length1')) || dict.has(PDFName.of('Length2')) || dict.has(PDFName.of('Length3'))) return false;
  const subtype = dict.get(PDFName.of('Subtype'));
  return subtype === undefined || subtype === PDFName.of('Form');
}
