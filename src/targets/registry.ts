import type { RenderContext, Target } from './target.js';

/**
 * A target as the build sees it, with its module loaded on the first render: an EPUB build
 * never loads the print stack (pdf-lib, Handlebars, the hyphenation patterns), which was
 * a sixth of a small book's start-up. Name, extension and browser need are known
 * without it (test/unit/targets/registry.test.ts holds them equal to the module's).
 */
function lazy<Options>(about: Omit<Target<Options>, 'render'>, load: () => Promise<Target<Options>>): Target<Options> {
  return { ...about, render: async (context: RenderContext<Options>) => (await load()).render(context) };
}

/**
 * The targets Folio can build, by name. Each owns the schema of its book.yaml section, in
 * its options.ts, which the manifest schema reads through ./options.ts (options are
 * resolved when the book loads, not here).
 */
export const targets = {
  html: lazy({ name: 'html', extension: 'html' }, async () => (await import('./html.js')).htmlTarget),
  epub: lazy({ name: 'epub', extension: 'epub' }, async () => (await import('./epub.js')).epubTarget),
  pdf: lazy({ name: 'pdf', extension: 'pdf', needsBrowser: true }, async () => (await import('./pdf.js')).pdfTarget),
  print: lazy({ name: 'print', extension: 'pdf', needsBrowser: true }, async () => (await import('./print.js')).printTarget),
} satisfies Record<string, Target<any>>;

export type TargetName = keyof typeof targets;

/** What a build without `--format` makes: the reader's editions. The printer's package is asked for by name. */
export const defaultFormats: readonly TargetName[] = ['html', 'epub', 'pdf'];
