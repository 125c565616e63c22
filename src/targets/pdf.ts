import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { sourceDate } from '../output/source-date.js';
import { packageRoot } from '../package-root.js';
import { warnOnce } from '../diagnostics/messages.js';
import { trimSize } from './pdf/geometry.js';
import { coverArt } from './print/cover-art.js';
import { finishPdf } from './pdf/pdf-file.js';
import { bookmarks, documentInfo, printBook } from './pdf/print-book.js';
import type { Target } from './target.js';

const Length = z.string().regex(/^\d+(\.\d+)?(mm|cm|in|pt|px)$/, 'must be a length such as 20mm, 0.75in or 54pt');

const PdfOptions = z
  .strictObject({
    /** Page size: a name (`A4`, `A5`, `letter`) or `<width> <height>` (`6in 9in`). Default A4, like the print edition. */
    size: z.string().refine((size) => trimSize(size) !== undefined, 'must be a page size name (A4, A5, B5, letter, legal…) or "<width> <height>" such as "6in 9in"').default('A4'),
    /** Margins; `inner` is the binding side, mirrored on left and right pages. */
    margins: z
      .strictObject({
        top: Length.default('25mm'),
        bottom: Length.default('25mm'),
        inner: Length.default('25mm'),
        outer: Length.default('20mm'),
      })
      .default({ top: '25mm', bottom: '25mm', inner: '25mm', outer: '20mm' }),
    /** An extra stylesheet, relative to book.yaml, added after the template's. */
    stylesheet: z.string().optional(),
    /** How long Chromium may take to print one edition, in seconds (default 300). */
    timeout: z.number().positive().default(300),
  })
  .default({ size: 'A4', margins: { top: '25mm', bottom: '25mm', inner: '25mm', outer: '20mm' }, timeout: 300 });

export type PdfOptions = z.output<typeof PdfOptions>;

const version: string = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version;

/**
 * The print edition for screens and office printers: the cover, then the book, printed
 * by Chromium twice (see pdf/print-book.ts). pdf-lib then adds what Chrome cannot: page
 * labels, bookmarks and metadata.
 */
export const pdfTarget: Target<PdfOptions> = {
  name: 'pdf',
  extension: 'pdf',
  options: PdfOptions,
  needsBrowser: true,
  async render(context) {
    const { book, edition } = context;
    const trim = trimSize(context.options.size)!;
    const art = edition.metadata.cover && (await coverArt(edition.metadata.cover.path, trim));
    if (art?.fit === 'contain') {
      warnOnce(book.manifestFile, `The cover art's shape differs from the page's by ${Math.round(art.mismatch * 100)} %: it is shown whole on the colour of its edge instead of cropped. Art in the page's proportions fills the page`, book.locate(['cover']), 'cover-fit');
    }
    const coverFit = art?.edge ? { fit: art.fit, ground: art.edge } : undefined;
    const { print, plan, layout } = await printBook(context, { cover: true, bleed: 0, coverFit });
    return finishPdf(print, {
      ...documentInfo(context.edition, `Folio ${version}`, sourceDate(context.edition.metadata.date)),
      frontPages: plan.frontPages,
      outline: bookmarks(layout, plan.starts),
    });
  },
};
