import { fontFaceCss, fontFilesFor } from '../../assets/fonts.js';
import { isolatedPage } from '../../browser/browser.js';
import { readTemplate } from '../../templates/files.js';
import { renderTemplate } from '../../templates/render.js';
import { format } from '../../templates/strings.js';
import type { RenderContext } from '../target.js';
import { mm } from '../pdf/geometry.js';
import { printPage } from '../pdf/print-book.js';
import type { CoverArt } from './cover-art.js';

/**
 * Paper thickness per page, in mm, as print-on-demand services publish it for their
 * interiors (Amazon KDP: white 0.002252 in, cream 0.0025 in per page).
 */
export const paperThickness = { white: 0.002252 * 25.4, cream: 0.0025 * 25.4 } as const;

export interface WrapGeometry {
  /** Trim size of one cover panel (the book's page), mm. */
  trim: { width: number; height: number };
  bleed: number;
  spine: number;
}

/** The sheet a cover wrap is printed on: back, spine and front, with bleed all round. */
export function wrapSize({ trim, bleed, spine }: WrapGeometry): { width: number; height: number } {
  return { width: 2 * trim.width + spine + 2 * bleed, height: trim.height + 2 * bleed };
}

/** The cover wrap once trimmed: back, spine and front. */
export function wrapTrim({ trim, spine }: WrapGeometry): { width: number; height: number } {
  return { width: 2 * trim.width + spine, height: trim.height };
}

/**
 * Prints the cover wrap through templates/print/ (cover.hbs, cover.css; a book overrides
 * them by name): the back with the description, title, author, publisher and a clear box
 * for the ISBN barcode; the spine with title and author when `spineText`; the front with
 * the cover art. Returns the printed PDF's bytes.
 */
export async function printCoverWrap(
  context: RenderContext<{ timeout: number }>,
  geometry: WrapGeometry,
  options: { spineText: boolean; art: CoverArt | undefined; ground: string },
): Promise<Uint8Array> {
  const { book, edition } = context;
  const { metadata, strings } = edition;
  const sheet = wrapSize(geometry);
  const ink = isDark(options.ground) ? '#ffffff' : '#1b1e22';
  const variables = {
    '--sheet-width': mm(sheet.width),
    '--sheet-height': mm(sheet.height),
    '--panel': mm(geometry.trim.width),
    '--spine': mm(geometry.spine),
    '--bleed': mm(geometry.bleed),
    // The spine's type fills at most half its width, and never exceeds 12 pt.
    '--spine-font': `${Math.min(12, (geometry.spine / 2) * (72 / 25.4)).toFixed(2)}pt`,
    '--ground': options.ground,
    '--ink': ink,
    '--fit': options.art?.fit ?? 'cover',
  };
  const text = [metadata.title, metadata.subtitle, metadata.description, metadata.publisher, ...metadata.authors].filter(Boolean).join(' ');
  const css = [
    fontFaceCss(fontFilesFor(text, { variable: false }), (file) => context.build.dataUris.of(file.path, 'font/woff2')),
    `:root { ${Object.entries(variables).map(([name, value]) => `${name}: ${value};`).join(' ')} }`,
    await readTemplate(book.templateDirs, 'pdf/script-fonts.css'),
    await readTemplate(book.templateDirs, 'print/cover.css'),
  ].join('\n');
  const html = await renderTemplate(book.templateDirs, 'print', 'cover', {
    lang: edition.lang,
    dir: edition.dir,
    ...metadata,
    author: metadata.authors.join(', '),
    spineText: options.spineText,
    cover: options.art && { src: options.art.url ?? context.build.dataUris.file(options.art.file), alt: format(strings.coverAlt!, { title: metadata.title }) },
    css,
  }, strings);
  const page = await isolatedPage(await context.browser());
  try {
    return await printPage(page, html, context.options.timeout, true);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Whether white type reads better than dark type on `color` (#rrggbb), by WCAG luminance. */
export function isDark(color: string): boolean {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  // Contrast against white beats contrast against #1b1e22 (luminance ≈ 0.012) here.
  return (1.05 / (luminance + 0.05)) > (luminance + 0.05) / 0.062;
}
