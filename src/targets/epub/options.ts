import { z } from 'zod';

/** The `epub` section of book.yaml. Only zod here: the manifest schema reads it without loading the target. */
export const EpubOptions = z
  .strictObject({
    /** Embed Inter for the scripts the text uses (default: true); readers may still use their own font. */
    embedFonts: z.boolean().default(true),
  })
  .default({ embedFonts: true });

export type EpubOptions = z.output<typeof EpubOptions>;
