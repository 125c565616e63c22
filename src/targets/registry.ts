import { epubTarget } from './epub.js';
import { htmlTarget } from './html.js';
import { pdfTarget } from './pdf.js';
import { printTarget } from './print.js';
import type { Target } from './target.js';

/**
 * The targets Folio can build, by name. Each owns the schema of its book.yaml section, in
 * its options.ts, which the manifest schema reads through ./options.ts.
 */
export const targets = {
  html: htmlTarget,
  epub: epubTarget,
  pdf: pdfTarget,
  print: printTarget,
} satisfies Record<string, Target<any>>;

export type TargetName = keyof typeof targets;

/** What a build without `--format` makes: the reader's editions. The printer's package is asked for by name. */
export const defaultFormats: readonly TargetName[] = ['html', 'epub', 'pdf'];
