import { warnOnce } from '../diagnostics/messages.js';
import { lengthMm, trimSize } from './pdf/geometry.js';
import { bookmarks, documentInfo, printBook } from './pdf/print-book.js';
import { coverArt } from './print/cover-art.js';
import { paperThickness, printCoverWrap, wrapTrim } from './print/cover-wrap.js';
import { printImages } from './print/images.js';
import type { TargetOptions } from './options.js';
import type { Target } from './target.js';

/**
 * What a printer receives: the interior (`-interior.pdf`: no cover, bleed on every page,
 * TrimBox and BleedBox, images at a resolution that prints well) and the cover wrap
 * (`-cover.pdf`: back, spine and front on one sheet, the spine as wide as the page count
 * and paper make it). Page size and margins are the `pdf` section's: one book, one trim.
 */
export const printTarget: Target<TargetOptions['print']> = {
  name: 'print',
  extension: 'pdf',
  needsBrowser: true,
  async render(context) {
    const { book, edition, options } = context;
    const page = options.page;
    const trim = trimSize(page.size)!;
    const bleed = lengthMm(options.bleed)!;
    const textBlock = trim.width - lengthMm(page.margins.inner)! - lengthMm(page.margins.outer)!;

    const imageUrl = await printImages(edition.chapters, textBlock, options, context.build.dataUris.file);
    const { print, plan, layout } = await printBook({ ...context, options: page }, { cover: false, bleed, imageUrl });
    // Loaded here, not at the top: pdf-lib is needed only once the print is made (as in pdf.ts).
    const [{ finishPdf, readPrint }, { setPrintBoxes }] = await Promise.all([import('./pdf/pdf-file.js'), import('./print/boxes.js')]);
    setPrintBoxes(print, { trim, bleed, marks: options.marks === 'crop' });
    const info = documentInfo(edition);
    const pages = print.getPageCount();
    const interior = await finishPdf(print, { ...info, frontPages: plan.frontPages, outline: bookmarks(layout, plan.starts) });

    const spine = options.spine ? lengthMm(options.spine)! : pages * paperThickness[options.paper];
    const cover = edition.metadata.cover;
    const art = cover && (await coverArt(cover, { width: trim.width + bleed, height: trim.height + 2 * bleed }, { maxPpi: options.maxPpi, edge: !options.coverColor }));
    if (art?.fit === 'contain') {
      warnOnce(book.manifestFile, `The cover art's shape differs from the front cover's by ${Math.round(art.mismatch * 100)} %: it is shown whole on the colour of its edge instead of cropped. Art of ${Math.round(trim.width + bleed)} × ${Math.round(trim.height + 2 * bleed)} mm proportions fills the front`, book.locate(['cover']), 'cover-fit');
    }
    const geometry = { trim, bleed, spine };
    const wrap = await printCoverWrap({ ...context, options: page }, geometry, {
      spineText: pages >= options.spineTextMinPages,
      art,
      ground: options.coverColor ?? art?.edge ?? '#ffffff',
    });
    context.printed?.();
    const coverPdf = await readPrint(wrap);
    setPrintBoxes(coverPdf, { trim: wrapTrim(geometry), bleed, marks: options.marks === 'crop' });
    const coverFile = await finishPdf(coverPdf, { ...info, frontPages: 0, outline: [] });
    return new Map([
      ['-interior.pdf', interior],
      ['-cover.pdf', coverFile],
    ]);
  },
};
