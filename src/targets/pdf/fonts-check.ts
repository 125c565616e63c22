import { PDFDict, PDFName, type PDFDocument } from 'pdf-lib';
import { FolioError } from '../../diagnostics/errors.js';

/**
 * Refuses a print that holds a Type 3 font. Chromium writes one when it must draw glyphs
 * itself: a style a font lacks (synthesized bold or italic), a variable font, a CFF-flavoured
 * OpenType font. Print shops and PDF/A reject them, and their text often extracts badly, so
 * the edition fails here instead of shipping one.
 */
export function checkNoType3Fonts(pdf: PDFDocument): void {
  const found = new Set<string>();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    if (object.get(PDFName.of('Subtype')) !== PDFName.of('Type3')) continue;
    found.add(fontName(object));
  }
  if (found.size > 0) {
    throw new FolioError(
      `The print holds Type 3 fonts (${[...found].sort().join(', ')}), which print shops reject: a style or a script has no real font face. ` +
        'Give every style the text uses a font face (or set font-synthesis: none in the book stylesheet), and use TrueType fonts for CJK text',
    );
  }
}

/** The name Chromium records for a Type 3 font, from its descriptor when it has one. */
function fontName(font: PDFDict): string {
  const descriptor = font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  const name = descriptor?.get(PDFName.of('FontName')) ?? font.get(PDFName.of('Name'));
  return name instanceof PDFName ? name.decodeText() : 'unnamed';
}
