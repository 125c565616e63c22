import { z } from 'zod';
import { lengthMm } from '../pdf/geometry.js';

/**
 * The `print` section of book.yaml: the printer's package. Only zod (and page geometry,
 * which imports nothing) here: the manifest schema reads it without loading the target.
 */
const Length = z.string().refine((value) => lengthMm(value) !== undefined, 'must be a length such as 3mm, 0.125in or 9pt');

export const PrintOptions = z
  .strictObject({
    /** Bleed on every side of every page and of the cover wrap. */
    bleed: Length.default('3mm'),
    /** `crop` adds crop marks outside the bleed. */
    marks: z.enum(['none', 'crop']).default('none'),
    /** Raster images above this resolution at their printed size are downsampled to it. */
    maxPpi: z.number().int().positive().default(300),
    /** An image below this resolution at its printed size gets a warning. */
    minPpi: z.number().int().positive().default(200),
    /** The interior paper, for the spine width: `white` or `cream`. */
    paper: z.enum(['white', 'cream']).default('white'),
    /** The spine width, when the printer states it; else page count × paper thickness. */
    spine: Length.optional(),
    /** Below this many pages the spine carries no text (print-on-demand services ask for about 80). */
    spineTextMinPages: z.number().int().nonnegative().default(80),
    /** The colour of the back and spine, #rrggbb; default: the cover art's edge. */
    coverColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #02a1d1').optional(),
  })
  .default({ bleed: '3mm', marks: 'none', maxPpi: 300, minPpi: 200, paper: 'white', spineTextMinPages: 80 });

export type PrintOptions = z.output<typeof PrintOptions>;

