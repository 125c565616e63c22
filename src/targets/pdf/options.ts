import { z } from 'zod';
import { trimSize } from './geometry.js';

/**
 * The `pdf` section of book.yaml. Only zod (and page geometry, which imports nothing) here:
 * the manifest schema reads it without loading the target.
 */
const Length = z.string().regex(/^\d+(\.\d+)?(mm|cm|in|pt|px)$/, 'must be a length such as 20mm, 0.75in or 54pt');

export const PdfOptions = z
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
