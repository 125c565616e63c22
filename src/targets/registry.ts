import { epubTarget } from './epub.js';
import { htmlTarget } from './html.js';
import { pdfTarget } from './pdf.js';
import type { Target } from './target.js';

/**
 * The targets Folio can build, by name. Each owns the schema of its book.yaml section,
 * so the manifest schema is assembled from here.
 */
export const targets = {
  html: htmlTarget,
  epub: epubTarget,
  pdf: pdfTarget,
} satisfies Record<string, Target<any>>;

export type TargetName = keyof typeof targets;

export const targetOptionSchemas = {
  html: htmlTarget.options,
  epub: epubTarget.options,
  pdf: pdfTarget.options,
};
