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

/**
 * What each target renders with, resolved once when the book loads: its section of
 * book.yaml with defaults applied and any stylesheet as the checked, absolute path of
 * the file (refusals are reported then, at their line). The printer's package also gets
 * the `pdf` section's page (one book, one trim). Targets never read book.yaml themselves.
 */
export interface TargetOptions {
  html: HtmlOptions;
  epub: EpubOptions;
  pdf: PdfOptions;
  print: PrintOptions & { page: PdfOptions };
}

/**
 * The targets' options from the validated sections of book.yaml; `file(key)` gives the
 * checked path of a file named at `key` (`html.stylesheet`), or undefined when refused.
 */
export function resolveTargetOptions(
  sections: { html: HtmlOptions; epub: EpubOptions; pdf: PdfOptions; print: PrintOptions },
  file: (key: string) => string | undefined,
): TargetOptions {
  const html = { ...sections.html, stylesheet: sections.html.stylesheet && file('html.stylesheet') };
  const pdf = { ...sections.pdf, stylesheet: sections.pdf.stylesheet && file('pdf.stylesheet') };
  return { html, epub: sections.epub, pdf, print: { ...sections.print, page: pdf } };
}
