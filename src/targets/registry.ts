import { epubTarget } from './epub.js';
import { htmlTarget } from './html.js';
import { pdfTarget } from './pdf.js';
import type { Target } from './target.js';

/**
 * The targets Folio can build, by name. Each owns the schema of its book.yaml section, in
 * its options.ts, which the manifest schema reads through ./options.ts.
 */
export const targets = {
  html: htmlTarget,
  epub: epubTarget,
  pdf: pdfTarget,
} satisfies Record<string, Target<any>>;

export type TargetName = keyof typeof targets;
