import { warnOnce } from '../diagnostics/messages.js';
import { trimSize } from './pdf/geometry.js';
import type { PdfOptions } from './pdf/options.js';
import { coverArt } from './print/cover-art.js';
import { bookmarks, documentInfo, printBook } from './pdf/print-book.js';
import type { Target } from './target.js';

/**
 * The print edition for screens and office printers: the cover, then the book, printed
 * by Chromium twice (see pdf/print-book.ts). pdf-lib then adds what Chrome cannot: page
 * labels, bookmarks and metadata.
 */
export const pdfTarget: Target<PdfOptions> = {
  name: 'pdf',
  extension: 'pdf',
  needsBrowser: true,
  async render(context) {
    const { book, edition } = context;
    const trim = trimSize(context.options.size)!;
    const art = edition.metadata.cover && (await coverArt(edition.metadata.cover, trim));
    if (art?.fit === 'contain') {
      warnOnce(book.manifestFile, `The cover art's shape differs from the page's by ${Math.round(art.mismatch * 100)} %: it is shown whole on the colour of its edge instead of cropped. Art in the page's proportions fills the page`, book.locate(['cover']), 'cover-fit');
    }
    const coverFit = art?.edge ? { fit: art.fit, ground: art.edge } : undefined;
    const { print, plan, layout } = await printBook(context, { cover: true, bleed: 0, coverFit });
    context.printed?.();
    // Loaded here, not at the top: pdf-lib is needed only once the print is made.
    const { finishPdf } = await import('./pdf/pdf-file.js');
    return finishPdf(print, {
      ...documentInfo(context.edition),
      frontPages: plan.frontPages,
      outline: bookmarks(layout, plan.starts),
    });
  },
};
