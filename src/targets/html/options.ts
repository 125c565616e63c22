import { z } from 'zod';

/** The `html` section of book.yaml. Only zod here: the manifest schema reads it without loading the target. */
export const HtmlOptions = z
  .strictObject({
    /** Show the cover image above the title (default: true); it is embedded, so it adds its size. */
    cover: z.boolean().default(true),
    /** An extra stylesheet, relative to book.yaml, added after the template's. */
    stylesheet: z.string().optional(),
  })
  .default({ cover: true });

export type HtmlOptions = z.output<typeof HtmlOptions>;
