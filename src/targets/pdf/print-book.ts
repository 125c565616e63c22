import type { Page } from 'puppeteer-core';
import { fontFaceCss, fontFilesFor, monoFontFilesFor } from '../../assets/fonts.js';
import { printableCoverage, warnMissingGlyphs } from '../../assets/glyphs.js';
import { imagesOf, placeholderUris } from '../../assets/images.js';
import { isolatedPage } from '../../browser/browser.js';
import { codeText, editionText } from '../../book/text.js';
import type { Edition } from '../../book/types.js';
import { FolioError } from '../../diagnostics/errors.js';
import { warnOnce } from '../../diagnostics/messages.js';
import { sourceDate } from '../../output/source-date.js';
import { producer } from '../../package-root.js';
import { readBookStylesheet, readTemplate } from '../../templates/files.js';
import { renderTemplate } from '../../templates/render.js';
import { format } from '../../templates/strings.js';
import type { RenderContext } from '../target.js';
import { bleedPage, mm, type Margins } from './geometry.js';
import { cssString, firstPass, openerIds, printLayout, type Pagination, type PrintLayout } from './layout.js';
import { asHyphenations, hyphenatorFor, RememberingHyphenator } from './hyphenate.js';
import { asPlan, checkPagination, matchesPlan, planHolds, planPagination, type PaginationPlan } from './paginate.js';
import type { OutlineItem } from './pdf-file.js';
import type { PDFDocument } from 'pdf-lib';

/** What the screen PDF and the printer's interior share: book.yaml's `pdf` page settings. */
export interface PageOptions {
  size: string;
  margins: Margins;
  stylesheet?: string;
  timeout: number;
}

export interface PrintBookOptions {
  /** The cover as the first page (the screen PDF); a printer gets it as a separate sheet. */
  cover: boolean;
  /** Bleed on every side of every page, in mm (0: the trimmed page only). */
  bleed: number;
  /** What each local image becomes in the print that ships (default: the file as a data URI). */
  imageUrl?: (file: string) => string;
  /** How the cover page shows art of another shape than the page (see print/cover-art.ts). */
  coverFit?: { fit: 'cover' | 'contain'; ground: string };
}

export interface PrintedBook {
  print: PDFDocument;
  plan: PaginationPlan;
  layout: PrintLayout;
}

/**
 * The single-page layout printed by Chromium through templates/pdf/, twice. The first
 * print tells where each part and chapter lands; the second has the blank pages that put
 * every opener on a right-hand page and the real page numbers in the contents, and is
 * checked against the plan.
 */
export async function printBook(context: RenderContext<PageOptions>, options: PrintBookOptions): Promise<PrintedBook> {
  const { edition } = context;
  const shipped = options.imageUrl ?? context.build.dataUris.file;
  // Chromium may still be starting: the first print's HTML is made meanwhile, and the page
  // is awaited only to print. Chromium's start then has the other core to itself, and
  // work that the print does not need (the glyph check, loading pdf-lib) waits until
  // Chromium has the page and the main thread is free.
  const page = context.browser().then(isolatedPage);
  let glyphs: Promise<void> | undefined;
  // Handled here, awaited below: a browser that fails to start must not end the process
  // as an unhandled rejection while the HTML is still being made.
  page.catch(() => undefined);
  try {
    // Images are data URIs in the print that ships; the measuring print gets stand-ins
    // (made only when there is one to make: reading their sizes loads sharp).
    const cover = options.cover ? edition.metadata.cover : undefined;
    const imageFiles = [...(cover ? [cover.path] : []), ...imagesOf(edition.chapters.map((chapter) => chapter.tree))];
    const standIns = () => placeholderUris(imageFiles, context.build.dataUris.file);
    const hyphenation = await rememberingHyphenator(context);
    const print = async (pagination: Pagination, images: (file: string) => string, measuring: boolean) => {
      context.progress?.(measuring ? 'measure' : 'print');
      const layout = printLayout(edition, pagination, images, hyphenation?.lookup);
      const html = await printHtml(context, layout, images, options, measuring ? measuringCss(openerIds(layout)) : '');
      // Tags do not change the layout: only the print that ships is tagged.
      const printing = printPage(await page, html, context.options.timeout, !measuring);
      // Once the page's HTML is on its way to Chromium (the next turn of the event loop).
      if (!glyphs) {
        glyphs = new Promise(setImmediate).then(() => checkGlyphs(context));
        glyphs.catch(() => undefined);
      }
      const [file, bytes] = await Promise.all([import('./pdf-file.js'), printing]);
      const printed = await file.readPrint(bytes);
      context.progress?.(measuring ? 'measure' : 'print', printed.getPageCount());
      return { layout, html, print: printed, landed: file.destinationPages(printed) };
    };
    // The first print is only measured, never shipped, so it is made cheap: untagged,
    // unpainted but for the openers, and with images replaced by empty stand-ins of
    // their size. The second print is checked against the plan all the same.
    const measure = async (images: (file: string) => string) => {
      const first = await print(firstPass, images, true);
      const frontMatter = new Set(first.layout.front.map((chapter) => chapter.id));
      const plan = planPagination(openerIds(first.layout), frontMatter, first.landed);
      return { plan, second: await print(plan, shipped, false) };
    };
    // The plan of the last build, when it still holds, spares the measuring print.
    const planName = `${context.book.manifestFile.path}\0${edition.lang}\0cover=${options.cover}\0bleed=${options.bleed}`;
    const earlier = await context.plans?.get(planName).then(asPlan);
    const once = earlier && (await print(earlier, shipped, false));
    const frontMatter = once && new Set(once.layout.front.map((chapter) => chapter.id));
    let { plan, second } = once && planHolds(earlier!, openerIds(once.layout), frontMatter!, once.landed) ? { plan: earlier, second: once } : await measure(await standIns());
    let landed = second.landed;
    // Should an image lay out otherwise than its pixel size says, measure it for real.
    if (!matchesPlan(plan, landed)) {
      ({ plan, second } = await measure(shipped));
      landed = second.landed;
    }
    checkPagination(plan, landed);
    if (plan !== earlier) await context.plans?.set(planName, plan);
    const hyphenated = hyphenation?.toKeep();
    if (hyphenated) await context.hyphens?.set(hyphensName(context), hyphenated);
    await context.keep(`${context.book.slug}-${edition.lang}.print.html`, second.html);
    await glyphs;
    return { print: second.print, plan, layout: second.layout };
  } finally {
    await page.then((opened) => opened.close()).catch(() => undefined);
  }
}

/** The edition's hyphenator (none for a language without patterns), remembering what the last build hyphenated. */
async function rememberingHyphenator(context: RenderContext<PageOptions>): Promise<RememberingHyphenator | undefined> {
  const hyphenate = hyphenatorFor(context.edition.lang);
  if (!hyphenate) return undefined;
  return new RememberingHyphenator(hyphenate, asHyphenations(await context.hyphens?.get(hyphensName(context))));
}

/** An edition's hyphenated text is kept under the book and language: a cover or bleed does not change it. */
function hyphensName({ book, edition }: RenderContext<PageOptions>): string {
  return `${book.manifestFile.path}\0${edition.lang}`;
}

/** The edition's fonts: Inter's static instances and JetBrains Mono, the subsets its text uses. */
function printFonts(edition: Edition) {
  return [...fontFilesFor(editionText(edition), { variable: false }), ...monoFontFilesFor(codeText(edition))];
}

/**
 * Warns, before printing, of characters no font can draw: Chromium would print empty
 * boxes and say nothing (Hindi, Thai or Bengali names, with no font for them installed).
 */
async function checkGlyphs({ book, edition }: RenderContext<PageOptions>): Promise<void> {
  const coverage = await printableCoverage(printFonts(edition).map((file) => file.path));
  if (coverage) warnMissingGlyphs(edition.chapters, coverage);
  else warnOnce(book.manifestFile, "fontconfig's fc-list and fc-query are not installed (Debian's fontconfig package): characters no font can draw were not looked for", undefined, 'glyph-check-skipped');
}

async function printHtml(
  { book, edition, options, build }: RenderContext<PageOptions>,
  layout: PrintLayout,
  imageUrl: (file: string) => string,
  print: PrintBookOptions,
  extraCss: string,
): Promise<string> {
  const { metadata, strings } = edition;
  const dirs = book.templateDirs;
  const page = bleedPage(options.size, options.margins, print.bleed);
  const pagesCss = await renderTemplate(dirs, 'pdf', 'pages.css', { ...layout, ...page, bleed: mm(print.bleed) }, strings);
  const css = [
    fontFaceCss(printFonts(edition), (file) => build.dataUris.of(file.path, 'font/woff2')),
    await readTemplate(dirs, 'base/content.css'),
    await readTemplate(dirs, 'pdf/script-fonts.css'),
    await readTemplate(dirs, 'pdf/print.css'),
    pagesCss,
    await readBookStylesheet(options.stylesheet),
    extraCss,
  ].join('\n');
  const cover = print.cover ? metadata.cover : undefined;
  const fitted = print.coverFit?.fit === 'contain' ? print.coverFit : undefined;
  return renderTemplate(dirs, 'pdf', 'book', {
    lang: edition.lang,
    dir: edition.dir,
    ...metadata,
    author: metadata.authors.join(', '),
    cover: cover && { src: imageUrl(cover.path), alt: format(strings.coverAlt!, { title: metadata.title }), ground: fitted?.ground },
    css,
    ...layout,
  }, strings);
}

/**
 * The measuring print paints nothing but the openers' own boxes, which carry the named
 * destinations it is read for. Visibility never changes layout, and Chromium then draws
 * no text and embeds no fonts: the print took 0.21 s against 0.54–0.73 s painted
 * (Italian guide, stand-in cover, untagged).
 */
function measuringCss(openers: readonly string[]): string {
  return `* { visibility: hidden !important; }\n${openers.map((id) => `[id=${cssString(id)}]`).join(', ')} { visibility: visible !important; }`;
}

/** Prints the page; a crash or hang of the browser becomes a clear error, never a partial file. */
export async function printPage(page: Page, html: string, timeoutSeconds: number, tagged: boolean): Promise<Uint8Array> {
  const timeout = timeoutSeconds * 1000;
  try {
    await page.setContent(html, { waitUntil: 'load', timeout });
    // Every face the page declares, not only those its text asked for so far: the margin
    // boxes (folios, running heads) ask for theirs only while printing, too late, and would
    // print in a fallback font unless an earlier print on this page had loaded it.
    await page.evaluate(async () => {
      const faces: Promise<unknown>[] = [];
      document.fonts.forEach((face) => faces.push(face.load().catch(() => undefined)));
      await Promise.all(faces);
      await document.fonts.ready;
    });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged, outline: false, timeout });
  } catch (cause) {
    throw new FolioError(`Chromium failed to print within ${timeoutSeconds} s (crashed, hung or ran out of memory)`, { cause });
  }
}

/** Bookmarks: front matter, parts › their chapters, back matter, with their labels. */
export function bookmarks(layout: PrintLayout, starts: ReadonlyMap<string, number>): OutlineItem[] {
  const item = (id: string, title: string, label?: string, children: OutlineItem[] = []): OutlineItem => ({
    title: label ? `${label}: ${title}` : title,
    page: starts.get(id)!,
    children,
  });
  return [
    ...layout.front.map((chapter) => item(chapter.id, chapter.title)),
    ...layout.body.map((chapter) => item(chapter.id, chapter.title, chapter.label)),
    ...layout.parts.map((part) => item(part.id, part.title, part.label, part.chapters.map((chapter) => item(chapter.id, chapter.title, chapter.label)))),
    ...layout.back.map((chapter) => item(chapter.id, chapter.title)),
  ];
}

/** The document information every print of an edition carries (see finishPdf), dated from SOURCE_DATE_EPOCH or the book's date. */
export function documentInfo(edition: Edition) {
  const { metadata } = edition;
  return {
    title: metadata.subtitle ? `${metadata.title}: ${metadata.subtitle}` : metadata.title,
    authors: metadata.authors,
    subject: metadata.description,
    keywords: metadata.subjects,
    lang: edition.lang,
    producer: producer(),
    date: sourceDate(metadata.date),
    identifier: metadata.identifier,
  };
}
