import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../support/browser.js';
import { epubcheckAll, mapLimit, readEpub, type EpubcheckResult } from '../support/epub.js';
import { pageTexts, pdfImages, qpdfJson, type PdfImage, type QpdfOutline } from '../support/pdf.js';
import { repoRoot } from '../support/tools.js';
import { validateHtml, type HtmlError } from '../support/validators.js';

/**
 * Books nobody wrote for Folio: an mdBook, a GitBook and a folder of markdown chapters
 * (test/fixtures/mdbook, gitbook, plain). Each is copied as it is, given a book.yaml by
 * `folio init --from` and built in every format by the real command, without a file of
 * it edited; then the editions are held to EPUBCheck, the Nu HTML Checker and to images
 * drawn in their own proportions.
 */

const execFileAsync = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function folio(args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await execFileAsync('node', [path.join(repoRoot, 'scripts/folio.js'), ...args], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (caught) {
    const failure = caught as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** Every file of a folder (symbolic links as links) with a hash of its bytes, `dist/` and book.yaml left out. */
function snapshot(folder: string, under = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(path.join(folder, under), { withFileTypes: true })) {
    const name = path.join(under, entry.name);
    if (name === 'dist' || name === 'book.yaml') continue;
    if (entry.isDirectory()) Object.assign(files, snapshot(folder, name));
    else files[name] = entry.isSymbolicLink() ? 'link' : createHash('sha256').update(readFileSync(path.join(folder, name))).digest('hex');
  }
  return files;
}

interface Built {
  name: string;
  folder: string;
  init: Run;
  build: Run;
  html: string;
  epub: string;
  pdf: string;
}

async function buildFixture(name: string): Promise<Built> {
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'folio-real-')), name);
  // verbatimSymlinks: a chapter that is a link stays a link, pointing where it did.
  cpSync(path.join(repoRoot, 'test/fixtures', name), folder, { recursive: true, verbatimSymlinks: true });
  const init = await folio(['init', '--from', folder]);
  const build = await folio(['build', path.join(folder, 'book.yaml')]);
  const dist = path.join(folder, 'dist');
  const named = (extension: string) => path.join(dist, readdirSync(dist).find((file) => file.endsWith(extension)) ?? `missing.${extension}`);
  return { name, folder, init, build, html: named('.html'), epub: named('.epub'), pdf: named('.pdf') };
}

interface Drawn {
  src: string;
  natural: number;
  rendered: number;
}

/** Each image of a document as Chromium draws it: the file's ratio and the drawn box's. */
async function drawnImages(browser: Browser, url: string): Promise<Drawn[]> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 900, height: 1200 });
    await page.goto(url, { waitUntil: 'load' });
    return await page.$$eval('img', (images) =>
      images
        .filter((image) => image.complete && image.naturalWidth > 0 && image.getBoundingClientRect().height > 0)
        .map((image) => {
          const box = image.getBoundingClientRect();
          return { src: image.getAttribute('src')!.slice(0, 60), natural: image.naturalWidth / image.naturalHeight, rendered: box.width / box.height };
        }),
    );
  } finally {
    await page.close();
  }
}

const distorted = (images: Drawn[]) => images.filter((image) => Math.abs(image.rendered / image.natural - 1) > 0.01);

/** Images whose horizontal and vertical resolutions differ by more than 1%: drawn out of proportion. */
const squashed = (images: PdfImage[]) => images.filter((image) => image.type === 'image' && Math.abs(image.xPpi / image.yPpi - 1) > 0.01);

const fixtures = ['mdbook', 'gitbook', 'plain', 'legacy'];
const builds = new Map<string, Built>();
/** EPUBCheck's result for each EPUB written, and the Nu checker's errors in all the HTML. */
const epubchecks = new Map<string, EpubcheckResult>();
let htmlErrors: HtmlError[] = [];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // Two books at a time, each by its own `folio` processes; then each validator once over
  // the four books (a JVM costs more to start than these books take to check).
  for (const built of await mapLimit(fixtures, 2, buildFixture)) builds.set(built.name, built);
  const epubs = [...builds.values()].map((built) => built.epub).filter((file) => existsSync(file));
  const htmls = [...builds.values()].map((built) => built.html).filter((file) => existsSync(file));
  const [checks, errors] = await Promise.all([epubs.length > 0 ? epubcheckAll(epubs) : [], htmls.length > 0 ? validateHtml(htmls) : []]);
  epubs.forEach((file, index) => epubchecks.set(file, checks[index]!));
  htmlErrors = errors;
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

/** The checks every real book passes; each fixture adds its own below. */
/** `imageCount` images in each edition; `rasterCount` of them raster images, which pdfimages lists (an SVG is drawn as vectors). */
function editionsAreValid(get: () => Built, name: string, imageCount: number, rasterCount: number) {
  test('init writes a book.yaml and the build writes all three formats with no error, no file of the book edited', () => {
    const built = get();
    expect(built.init.code).toBe(0);
    expect(built.init.stdout).toMatch(/wrote \S*book\.yaml/);
    expect({ code: built.build.code, summary: built.build.stdout.split('\n').at(-2) }).toEqual({ code: 0, summary: expect.stringMatching(/^wrote 3 files; 0 errors/) });
    expect(snapshot(built.folder)).toEqual(snapshot(path.join(repoRoot, 'test/fixtures', name)));
  });

  test('EPUBCheck finds no error and no warning', () => {
    const result = epubchecks.get(get().epub);
    expect({ epub: get().epub, checked: result !== undefined }).toEqual({ epub: get().epub, checked: true });
    expect({ fatals: result!.fatals, errors: result!.errors, warnings: result!.warnings, messages: result!.messages }).toEqual({ fatals: 0, errors: 0, warnings: 0, messages: [] });
  });

  test('the Nu HTML Checker finds no error', () => {
    expect(existsSync(get().html)).toBe(true);
    // This book's errors, and any the checker could not give a file of the four books.
    const books = new Set([...builds.values()].map((built) => built.html));
    expect(htmlErrors.filter((error) => error.file === get().html || !books.has(error.file))).toEqual([]);
  });

  test('Chromium draws every image of the HTML and of each EPUB document in its own proportions', async () => {
    const html = await drawnImages(browser, pathToFileURL(get().html).href);
    expect(html.length).toBe(imageCount);
    expect(distorted(html)).toEqual([]);

    // The EPUB's documents, unpacked, as a reading system would open them.
    const unpacked = mkdtempSync(path.join(tmpdir(), 'folio-real-epub-'));
    const { zip } = await readEpub(get().epub);
    for (const [entry, file] of Object.entries(zip.files)) {
      if (file.dir) continue;
      const target = path.join(unpacked, entry);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, await file.async('nodebuffer'));
    }
    const documents = readdirSync(path.join(unpacked, 'OEBPS')).filter((file) => file.endsWith('.xhtml') && file !== 'cover.xhtml');
    const epub = (await Promise.all(documents.map((file) => drawnImages(browser, pathToFileURL(path.join(unpacked, 'OEBPS', file)).href)))).flat();
    expect(epub.length).toBe(imageCount);
    expect(distorted(epub)).toEqual([]);
  });

  test('the PDF draws every image once (none split across pages), in its own proportions (x-ppi equals y-ppi)', async () => {
    const images = (await pdfImages(get().pdf)).filter((image) => image.type === 'image');
    expect(images.length).toBe(rasterCount);
    expect(squashed(images)).toEqual([]);
  });
}

describe('an mdBook: book.toml, SUMMARY.md with parts, includes, images of every size', () => {
  let built: Built;
  beforeAll(() => {
    built = builds.get('mdbook')!;
  });
  // wide, tall, small, photo, the SVG, the picture beside the linked chapter's real file
  editionsAreValid(() => built, 'mdbook', 6, 5);

  test('init refuses to replace a book.yaml (exit 2) unless --force', async () => {
    const before = readFileSync(path.join(built.folder, 'book.yaml'), 'utf8');
    const again = await folio(['init', '--from', built.folder]);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 2, stderr: expect.stringContaining('exists already; add --force to replace it') });
    const forced = await folio(['init', '--from', built.folder, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(built.folder, 'book.yaml'), 'utf8')).toBe(before);
  });

  test('init reads book.toml and SUMMARY.md and says what it read', () => {
    expect(built.init.stdout).toContain('mdBook book: read book.toml');
    const manifest = readFileSync(path.join(built.folder, 'book.yaml'), 'utf8');
    expect(manifest).toMatch(/^title: The Rusty Example Book$/m);
    expect(manifest).toMatch(/^contents:\n {2}summary: src\/SUMMARY\.md$/m);
    expect(manifest).toContain('folio/mdbook');
  });

  test('the SUMMARY gives front matter, two parts with nested chapters, back matter; drafts are left out', async () => {
    const html = readFileSync(built.html, 'utf8');
    const ids = [...html.matchAll(/<(?:article|section) class="(?:chapter|part)" id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(['readme', 'part-1', 'ch01-00-getting-started', 'ch01-01-installation', 'ch01-02-x', 'part-2', 'ch02-what-is', 'linked', 'appendix_a', 'apa']);
    expect(html).not.toContain('A chapter still to come');
  });

  test('titles come from the first # heading, printed once, with their markup in openers and as plain text elsewhere', async () => {
    const html = readFileSync(built.html, 'utf8');
    expect(html).toContain('<h3 class="chapter-title" id="ch02-what-is-title">What <em>Is</em> JavaScript?</h3>');
    expect(html.match(/JavaScript\?/g)?.length).toBe(2); // the contents and the opener
    expect(html).toContain('<a href="#ch02-what-is"><span class="toc-label">Chapter 4</span> What Is JavaScript?</a>');
    const epub = await readEpub(built.epub);
    const nav = await epub.text('OEBPS/toc.xhtml');
    expect(nav).toContain('What Is JavaScript?</a>');
    expect(await epub.text('OEBPS/ch02-what-is.xhtml')).toMatch(/<title>What Is JavaScript\?<\/title>[^]*<h1 id="ch02-what-is-title" class="chapter-title">What <em[^>]*>Is<\/em> JavaScript\?<\/h1>/);
    const outline = (await qpdfJson(built.pdf)).outlines;
    const titles = (items: QpdfOutline[]): string[] => items.flatMap((item) => [item.title, ...titles(item.kids)]);
    expect(titles(outline)).toContain('Chapter 4: What Is JavaScript?');
    const pages = await pageTexts(built.pdf);
    expect(pages.join('\n')).not.toContain('*Is*');
  });

  test('{{#include}} and {{#rustdoc_include}} bring in the named lines; code is highlighted by its first word', () => {
    const html = readFileSync(built.html, 'utf8');
    expect(html).not.toContain('{{#include');
    expect(html).not.toContain('ANCHOR');
    const blocks = [...html.matchAll(/<code class="hljs language-([\w-]+)">([^]*?)<\/code>/g)].map((match) => ({ lang: match[1], highlighted: match[2]!.includes('<span class="hljs-') }));
    // rust,ignore · rust,noplayground · rust · rust · sh · powershell · cmd · hs: highlighted; foolang twice: not.
    expect(blocks).toEqual([
      { lang: 'rust', highlighted: true },
      { lang: 'rust', highlighted: true },
      { lang: 'rust', highlighted: true },
      { lang: 'rust', highlighted: true },
      { lang: 'sh', highlighted: true },
      { lang: 'powershell', highlighted: true },
      { lang: 'cmd', highlighted: true },
      { lang: 'hs', highlighted: true },
      { lang: 'foolang', highlighted: false },
      { lang: 'foolang', highlighted: false },
    ]);
    expect(html.includes('<span class="hljs-title function_">main</span>() {\n    <span class="hljs-built_in">println!</span>')).toBe(true);
    expect(html.includes('fn</span> <span class="hljs-title function_">other</span>')).toBe(true);
    // The lines mdBook hides (`# fn main() {`) are not in the book.
    expect(html.includes('<span class="hljs-keyword">let</span> <span class="hljs-variable">answer</span>')).toBe(true);
    expect(html).not.toMatch(/# (?:<[^>]+>)*fn/);
    const warnings = built.build.stderr.split('\n');
    expect(warnings.filter((line) => line.includes('missing-language'))).toEqual([expect.stringMatching(/ch01-01-installation\.md:30:1 {2}warning {2}Code in `foolang` .*\(2 blocks in the book/)]);
  });

  test('links that lead nowhere in a book are warnings at their place and plain text; .html links reach chapters', () => {
    const html = readFileSync(built.html, 'utf8');
    expect(html).not.toMatch(/href="[^"#]*(?:std\/foo|main\.js|missing\.md)/);
    expect(html).toContain('<a href="#ch01-00-getting-started">getting started</a>');
    expect(built.build.stderr).toMatch(/src\/README\.md:9:40 {2}warning {2}Link to \.\.\/std\/foo\.html, which is not a chapter/);
    expect(built.build.stderr).toMatch(/src\/README\.md:13:1 {2}warning {2}\{\{#playground example\.rs\}\} is an mdBook directive/);
    expect(built.build.stderr).toMatch(/src\/ch01-02-x\.md:9:1 {2}warning {2}SVG img\/diagram\.svg: removed the DOCTYPE, <script>/);
  });

  test("the author's width is kept and the other side follows the file's proportions", async () => {
    // In print: the 900 px photo drawn 300 CSS px (3.125 in) wide is 288 pixels per inch.
    const photo = (await pdfImages(built.pdf)).find((image) => image.width === 900 && image.height === 600);
    expect(photo?.xPpi).toBeCloseTo(288, -1);
    const html = readFileSync(built.html, 'utf8');
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="A photo, shown at 300 pixels" width="300" height="200">/);
  });
});

describe('a GitBook: book.json, SUMMARY.md with part headings, README.md in two folders', () => {
  let built: Built;
  beforeAll(() => {
    built = builds.get('gitbook')!;
  });
  editionsAreValid(() => built, 'gitbook', 2, 2);

  test('each README gets its own id, and GitBook tags are warnings', () => {
    const html = readFileSync(built.html, 'utf8');
    expect([...html.matchAll(/<article class="chapter" id="([^"]+)"/g)].map((match) => match[1])).toEqual(['readme', 'chapter1-readme', 'compost', 'appendix_a']);
    expect(html).toContain('<a href="#making-compost">compost</a>');
    expect(built.build.stderr).toMatch(/README\.md:5:1 {2}warning {2}\{% hint style="info" %\} is a GitBook or Liquid tag/);
  });
});

describe('a folder of markdown chapters: no SUMMARY, no frontmatter, file names with spaces and capitals', () => {
  let built: Built;
  beforeAll(() => {
    built = builds.get('plain')!;
  });
  editionsAreValid(() => built, 'plain', 3, 3);

  test('chapters in name order, README first, ids from the file names, titles from the headings', () => {
    expect(built.init.stdout).toContain('contents: the 4 markdown files of the folder in name order');
    const html = readFileSync(built.html, 'utf8');
    expect([...html.matchAll(/<article class="chapter" id="([^"]+)"/g)].map((match) => match[1])).toEqual(['readme', 'chapter-01-getting-started', 'chapter-02_basics', 'chapter-10-advanced']);
    expect(html).toContain('Getting <em>Started</em> with <code>plain</code>');
    expect(html).toContain('<a href="#chapter-01-getting-started">Getting started</a>');
    expect(html).toContain('<pre>10 PRINT "HELLO"');
    expect(html).toContain('<div style="text-align: center"><b>Centred</b> text.</div>');
    expect(statSync(built.pdf).size).toBeGreaterThan(0);
  });
});

describe('pages of the old web: obsolete HTML in every corner', () => {
  let built: Built;
  beforeAll(() => {
    built = builds.get('legacy')!;
  });
  editionsAreValid(() => built, 'legacy', 0, 0);

  test('what has a modern form is converted; what has none is removed with a warning at its place', () => {
    const html = readFileSync(built.html, 'utf8');
    // `top` is an id of the book itself: the anchor is renamed, and the link follows it.
    expect(html).toContain('<a id="old-pages-top"></a>');
    expect(html).toContain('<a href="#old-pages-top">top</a>');
    expect(html).toContain('<span>news</span>');
    expect(html).toContain('<ul style="list-style-type: square">');
    const removed = built.build.stderr.split('\n').filter((line) => /html-obsolete|html-removed/.test(line)).map((line) => line.replace(/^\S*legacy\//, ''));
    expect(removed).toEqual([
      'Frames.md:5:1  warning  Removed <noframes>: it is obsolete HTML that a book cannot show  html-obsolete',
      'Frames.md:7:1  warning  Removed <applet>: it is obsolete HTML that a book cannot show  html-obsolete',
      'Frames.md:9:1  warning  Removed <object> and its content from the chapter: an edition must not load other pages  html-removed',
      'Frames.md:11:1  warning  Removed <embed> and its content from the chapter: an edition must not load other pages  html-removed',
      'Old Pages.md:23:64  warning  Removed <spacer>: it is obsolete HTML that a book cannot show  html-obsolete',
    ]);
  });
});
