import { z } from 'zod';
import { marginProblem, pageSizeNames, trimSize } from './geometry.js';

/**
 * The `pdf` section of book.yaml. Only zod (and page geometry, which imports nothing) here:
 * the manifest schema reads it without loading the target.
 */
export const Length = z.string().regex(/^\d+(\.\d+)?(mm|cm|in|pt|px)$/, 'must be a length such as 20mm, 0.75in or 54pt');

/** `A4`, `letter` (any case), or `<width> <height>` (`6in 9in`), within a metre each way. */
export const PageSize = z.string().refine((size) => trimSize(size) !== undefined, {
  message: `must be a page size name (${pageSizeNames.join(', ')}) or "<width> <height>" such as "6in 9in", at most 1000mm each way`,
});

export const PdfOptions = z
  .strictObject({
    /** Page size: a name (`A4`, `A5`, `letter`) or `<width> <height>` (`6in 9in`). Default A4, like the print edition. */
    size: PageSize.default('A4'),
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
  // The margins must leave a text block on the page: at their key, the one that takes most.
  .superRefine((options, context) => {
    const problem = marginProblem(options.size, options.margins);
    if (problem) context.addIssue({ code: 'custom', path: ['margins', problem.key], message: problem.message });
  })
  .default({ size: 'A4', margins: { top: '25mm', bottom: '25mm', inner: '25mm', outer: '20mm' }, timeout: 300 });

export type PdfOptions = z.output<typeof PdfOptions>;
