import { EpubOptions } from './epub/options.js';
import { HtmlOptions } from './html/options.js';
import { PdfOptions } from './pdf/options.js';
import { PrintOptions } from './print/options.js';

/**
 * Each target's section of book.yaml, by target name. Zod schemas only: the manifest schema
 * is assembled from these without loading a target (its templates, pdf-lib,
 * epub-gen-memory), and without the targets importing the Book model back into it.
 */
export const targetOptionSchemas = {
  html: HtmlOptions,
  epub: EpubOptions,
  pdf: PdfOptions,
  print: PrintOptions,
};
