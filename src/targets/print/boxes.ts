import { cmyk, type PDFDocument, type PDFPage } from 'pdf-lib';
import { ptPerMm } from '../pdf/geometry.js';

/** Crop marks: hairlines this long, this far from the trim corner (outside the bleed). */
const markLength = 6;
const markGap = 1;

/**
 * Tells a printer where to cut: on every page the TrimBox is the trimmed page and the
 * BleedBox the trim with its bleed, which is the whole printed sheet. With `marks`, the sheet grows around the bleed
 * and each trim corner gets two crop marks there, drawn in all four inks (so they show on
 * every plate), outside the BleedBox where nothing of the book is.
 */
export function setPrintBoxes(pdf: PDFDocument, options: { trim: { width: number; height: number }; bleed: number; marks: boolean }): void {
  const bleed = options.bleed * ptPerMm;
  const trim = { width: options.trim.width * ptPerMm, height: options.trim.height * ptPerMm };
  for (const page of pdf.getPages()) {
    // Chromium lays the page out from its top left, in the size asked for, but rounds the
    // page box it writes (a 154 mm page came out 0.18 mm wider, blank at the right): the
    // sheet is cut back to the size asked for, from the top left, never grown past what
    // was printed.
    const { width, height } = page.getSize();
    const sheet = { width: Math.min(width, trim.width + 2 * bleed), height: Math.min(height, trim.height + 2 * bleed) };
    const top = height;
    page.setMediaBox(0, top - sheet.height, sheet.width, sheet.height);
    page.setBleedBox(0, top - sheet.height, sheet.width, sheet.height);
    const box = { x: bleed, y: top - bleed - trim.height, width: trim.width, height: trim.height };
    page.setTrimBox(box.x, box.y, box.width, box.height);
    if (options.marks) drawCropMarks(page, box, bleed);
  }
}

function drawCropMarks(page: PDFPage, trim: { x: number; y: number; width: number; height: number }, bleed: number): void {
  const reach = bleed + (markGap + markLength) * ptPerMm;
  page.setMediaBox(trim.x - reach, trim.y - reach, trim.width + 2 * reach, trim.height + 2 * reach);
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.25, color: cmyk(1, 1, 1, 1) });
  const near = bleed + markGap * ptPerMm;
  for (const [x, outX] of [[trim.x, -1], [trim.x + trim.width, 1]] as const) {
    for (const [y, outY] of [[trim.y, -1], [trim.y + trim.height, 1]] as const) {
      // In line with the trim edges, beginning past the bleed: nothing of the book is there.
      line(x + outX * near, y, x + outX * reach, y);
      line(x, y + outY * near, x, y + outY * reach);
    }
  }
}
