import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { z } from 'zod';
import { dataUri, fileDataUri } from '../assets/data-uri.js';
import { fontFaceCss, fontFilesFor, monoFontFilesFor } from '../assets/fonts.js';
import { imagesOf, placeholderUris } from '../assets/images.js';
import { isolatedPage } from '../browser/browser.js';
import { codeText, editionText } from '../book/text.js';
import { FolioError } from '../diagnostics/errors.js';
import { sourceDate } from '../output/source-date.js';
import { writeAtomic } from '../output/write.js';
import { packageRoot } from '../package-root.js';
import { readBookStylesheet, readTemplate } from '../templates/files.js';
import { renderTemplate } from '../templates/render.js';
import { format } from '../templates/strings.js';
import { cssString, firstPass, openerIds, printLayout, type Pagination, type PrintLayout } from './pdf/layout.js';
import { checkPagination, matchesPlan, planPagination } from './pdf/paginate.js';
import { destinationPages, finishPdf, readPrint, type OutlineItem } from './pdf/pdf-file.js';
import type { RenderContext, Target } from './target.js';
import { Length, marginProblem, PageSize } from './pdf/page-size.js';


const PdfOptions = z
  .strictObject({
    /** Page size: a name (`A4`, `A5`, `letter`) or `<width> <height>` (`6in 9in`). Default A4, like the print edition. */
    size: PageSize.default('A4'),
    /** Margins; `inner` is the binding side, mirrored on left and right pages. */
    margins: z
      .strictObject({
        top: Length.default('25mm'),
        bottom: Length.default('25mm'),
        inner: Length.default('25mm'),
        outer: Length.default('20mm'),
      })
      .default({ top: '25mm', bottom: '25mm', inner: '25mm', outer: '20mm' }),
    /** An extra stylesheet, relative to book.yaml, added after the template's. */
    stylesheet: z.string().optional(),
    /** How long Chromium may take to print one edition, in seconds (default 300). */
    timeout: z.number().positive().default(300),
  })
  // The margins must leave a text block on the page: at their key, the one that takes most.
  .superRefine((options, context) => {
    const problem = marginProblem(options.size, options.margins);
    if (problem) context.addIssue({ code: 'custom', path: ['margins', problem.key], message: problem.message });
  })
  .default({ size: 'A4', margins: { top: '25mm', bottom: '25mm', inner: '25mm', outer: '20mm' }, timeout: 300 });

export type PdfOptions = z.output<typeof PdfOptions>;

const version: string = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version;

/**
 * The print edition: the single-page layout printed by Chromium through templates/pdf/,
 * twice. The first print tells where each part and chapter lands; the second has the
 * blank pages that put every opener on a right-hand page and the real page numbers in
 * the contents, and is checked against the plan. pdf-lib then adds what Chrome cannot:
 * page labels, bookmarks and metadata.
 */
export const pdfTarget: Target<PdfOptions> = {
  name: 'pdf',
  extension: 'pdf',
  options: PdfOptions,
  async render(context) {
    const { edition } = context;
    const browser = await context.browser();
    const page = await isolatedPage(browser);
    try {
      // Images are data URIs in the print that ships; the measuring print gets stand-ins.
      const imageFiles = [...(edition.metadata.cover ? [edition.metadata.cover.path] : []), ...imagesOf(edition.chapters.map((chapter) => chapter.tree))];
      const standIns = await placeholderUris(imageFiles);
      const print = async (pagination: Pagination, images: (file: string) => string, measuring: boolean) => {
        const layout = printLayout(edition, pagination, images);
        const html = await printHtml(context, layout, images, measuring ? measuringCss(openerIds(layout)) : '');
        // Tags do not change the layout: only the print that ships is tagged.
        return { layout, html, print: await readPrint(await printPage(page, html, context.options.timeout, !measuring)) };
      };
      // The first print is only measured, never shipped, so it is made cheap: untagged,
      // unpainted but for the openers, and with images replaced by empty stand-ins of
      // their size. The second print is checked against the plan all the same.
      const measure = async (images: (file: string) => string) => {
        const first = await print(firstPass, images, true);
        const frontMatter = new Set(first.layout.front.map((chapter) => chapter.id));
        const plan = planPagination(openerIds(first.layout), frontMatter, destinationPages(first.print));
        return { plan, second: await print(plan, fileDataUri, false) };
      };
      let { plan, second } = await measure(standIns);
      let landed = destinationPages(second.print);
      // Should an image lay out otherwise than its pixel size says, measure it for real.
      if (!matchesPlan(plan, landed)) {
        ({ plan, second } = await measure(fileDataUri));
        landed = destinationPages(second.print);
      }
      checkPagination(plan, landed);
      await keepPrintHtml(`${context.book.slug}-${edition.lang}`, second.html);

      const { metadata } = edition;
      return finishPdf(second.print, {
        title: metadata.subtitle ? `${metadata.title}: ${metadata.subtitle}` : metadata.title,
        authors: metadata.authors,
        subject: metadata.description,
        keywords: metadata.subjects,
        lang: edition.lang,
        producer: `Folio ${version}`,
        date: sourceDate(metadata.date),
        identifier: metadata.identifier,
        frontPages: plan.frontPages,
        outline: bookmarks(second.layout, plan.starts),
      });
    } finally {
      await page.close().catch(() => undefined);
    }
  },
};

async function printHtml({ book, edition, options }: RenderContext<PdfOptions>, layout: PrintLayout, imageUrl: (file: string) => string, extraCss: string): Promise<string> {
  const { metadata, strings } = edition;
  const dirs = book.templateDirs;
  const pagesCss = await renderTemplate(dirs, 'pdf', 'pages.css', { ...layout, size: options.size, margins: options.margins }, strings);
  const css = [
    fontFaceCss([...fontFilesFor(editionText(edition), { variable: false }), ...monoFontFilesFor(codeText(edition))], (file) => dataUri(file.path, 'font/woff2')),
    await readTemplate(dirs, 'base/content.css'),
    await readTemplate(dirs, 'pdf/print.css'),
    pagesCss,
    await readBookStylesheet(book, options.stylesheet),
    extraCss,
  ].join('\n');
  return renderTemplate(dirs, 'pdf', 'book', {
    lang: edition.lang,
    dir: edition.dir,
    ...metadata,
    author: metadata.authors.join(', '),
    cover: metadata.cover && { src: imageUrl(metadata.cover.path), alt: format(strings.coverAlt!, { title: metadata.title }) },
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

/**
 * For benchmarks and debugging: with FOLIO_PRINT_HTML_DIR set, the final print HTML of
 * each edition is kept there, so a bare Chromium print of exactly that page can be timed.
 */
async function keepPrintHtml(name: string, html: string): Promise<void> {
  const dir = process.env.FOLIO_PRINT_HTML_DIR;
  if (dir) await writeAtomic(path.join(dir, `${name}.print.html`), html);
}

/** Prints the page; a crash or hang of the browser becomes a clear error, never a partial file. */
async function printPage(page: Page, html: string, timeoutSeconds: number, tagged: boolean): Promise<Uint8Array> {
  const timeout = timeoutSeconds * 1000;
  try {
    await page.setContent(html, { waitUntil: 'load', timeout });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged, outline: false, timeout });
  } catch (cause) {
    throw new FolioError(`Chromium failed to print within ${timeoutSeconds} s (crashed, hung or ran out of memory)`, { cause });
  }
}

/** Bookmarks: front matter, parts › their chapters, back matter, with their labels. */
function bookmarks(layout: PrintLayout, starts: ReadonlyMap<string, number>): OutlineItem[] {
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
