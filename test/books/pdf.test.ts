import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { derivedIdentifier } from '../../src/book/metadata.js';
import { BrowserPool, findBrowser, headlessMode } from '../../src/browser/browser.js';
import { build } from '../../src/index.js';
import { builtBook } from '../support/books.js';
import { pageLabels, pageTexts, pdfFonts, pdfInfo, qpdfJson, wordBoxes } from '../support/pdf.js';
import { repoRoot } from '../support/tools.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The contents page(s): "Title … folio" lines, folio last. */
function contentsEntries(pages: string[]): { title: string; folio: string }[] {
  const contents = pages.find((text) => /^\s*Contents\s*$/m.test(text))!;
  return contents
    .split('\n')
    .map((line) => /^\s*(?:(?:PART|CHAPTER) \d+\s+)?(.+?)\s{2,}([0-9ivx]+)\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ title: match[1]!.trim(), folio: match[2]! }))
    .filter((entry) => entry.title !== '' && !/^[ivx]+$/.test(entry.title)); // the page's own folio
}

describe('pdf target, the mini book (A4, parts)', () => {
  let file: string;
  let pages: string[];
  let labels: string[];
  let outline: Awaited<ReturnType<typeof qpdfJson>>['outlines'];

  beforeAll(async () => {
    file = builtBook('mini').file('en', 'pdf');
    pages = await pageTexts(file);
    const json = await qpdfJson(file);
    labels = pageLabels(json);
    outline = json.outlines;
  });

  test('A4, tagged, with metadata naming Folio and the edition language', async () => {
    const info = await pdfInfo(file);
    expect(info['Page size']).toBe('594.96 x 841.92 pts (A4)');
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('The Mini Book: A test of every part of the contents');
    expect(info.Author).toBe('Ada Author, Ben Writer');
    expect(info.Subject).toBe('A book made to test Folio.');
    expect(info.Keywords).toBe('Testing');
    expect(info.Producer).toMatch(/^Folio \d+\.\d+\.\d+$/);
    expect(info.CreationDate).toBe('Thu Jan 15 00:00:00 2026 UTC');
    expect(readFileSync(file, 'latin1')).toMatch(/\/Lang \(en\)/);
  });

  test('every font is embedded, none as Type 3', async () => {
    const fonts = await pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded || font.type.startsWith('Type 3'))).toEqual([]);
    expect(fonts.map((font) => font.name)).toEqual(expect.arrayContaining([expect.stringMatching(/\+Inter-Regular$/)]));
  });

  test('bookmarks list front matter, the parts with their chapters, and back matter, in order', () => {
    const titles = outline.map((item) => [item.title, item.kids.map((kid) => kid.title)]);
    expect(titles).toEqual([
      ['Preface', []],
      ['Part 1: Beginnings', ['Chapter 1: First Steps', 'Chapter 2: Second Steps']],
      ['Part 2: Going Further', ['Chapter 3: Further']],
      ['Afterword', []],
    ]);
  });

  test('page labels are roman in the front matter, then arabic from 1', () => {
    const firstBody = labels.indexOf('1');
    expect(firstBody).toBeGreaterThan(0);
    expect(labels.slice(0, firstBody)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'].slice(0, firstBody));
    expect(labels.slice(firstBody)).toEqual(labels.slice(firstBody).map((_, index) => String(index + 1)));
  });

  test('each contents entry prints the label of the page where its bookmark points, and that page holds its title', () => {
    const entries = contentsEntries(pages);
    const flat = outline.flatMap((item) => [item, ...item.kids]);
    expect(entries.map((entry) => entry.title)).toEqual(['Preface', 'Beginnings', 'First Steps', 'Second Steps', 'Going Further', 'Further', 'Afterword']);
    entries.forEach((entry, index) => {
      const page = flat[index]!.destpageposfrom1;
      expect(labels[page - 1]).toBe(entry.folio);
      expect(pages[page - 1]).toContain(entry.title);
    });
  });

  test('every part and chapter opener starts on a right-hand (odd) page, blank pages fill the gaps', () => {
    const starts = outline.flatMap((item) => [item, ...item.kids]).map((item) => item.destpageposfrom1);
    expect(starts.filter((page) => page % 2 === 0)).toEqual([]);
    // The pages before an opener that would otherwise be even are empty: no text, no folio.
    const blanks = pages.map((text, index) => ({ page: index + 1, text: text.trim() })).filter((page) => page.text === '');
    expect(blanks.length).toBeGreaterThan(0);
  });

  test('running heads: the book title on left pages, the chapter title on right pages, none on openers', () => {
    const headOf = (page: number) => pages[page - 1]!.split('\n').find((line) => line.trim() !== '')?.trim();
    const starts = new Set(outline.flatMap((item) => [item, ...item.kids]).map((item) => item.destpageposfrom1));
    for (const item of outline.flatMap((entry) => [entry, ...entry.kids])) {
      const title = item.title.replace(/^(Part|Chapter) \d+: /, '');
      // The opener page starts with its own label or title, never with a running head above it.
      expect(headOf(item.destpageposfrom1)).toMatch(new RegExp(`^(P ?A ?R ?T \\d+|CHAPTER \\d+|${title})$`));
    }
    // The preface runs over two pages: its second page is a left page with the book title on top.
    const preface = outline[0]!.destpageposfrom1;
    if (!starts.has(preface + 1) && pages[preface]!.trim() !== '') expect(headOf(preface + 1)).toBe('The Mini Book');
  });

  test('no word lies outside the page margins', async () => {
    const words = await wordBoxes(file);
    // A4 with 20 mm outer and 24 mm inner margins: text (not the running heads and folios,
    // which live in the margin boxes) stays at least 18 mm from every edge.
    const mm = 72 / 25.4;
    const outside = words.filter((word) => word.xMin < 18 * mm || word.xMax > word.pageWidth - 18 * mm || word.yMin < 10 * mm || word.yMax > word.pageHeight - 10 * mm);
    expect(outside.filter((word) => !/^[0-9ivx]+$/.test(word.word))).toEqual([]);
  });

  test('the document ID: the edition, then a hash of the file as saved with that half zeroed', () => {
    const bytes = readFileSync(file);
    const match = /\/ID \[ ?<([0-9a-f]{32})> <([0-9a-f]{32})> ?\]/.exec(bytes.toString('latin1'))!;
    expect(match).not.toBeNull();
    const md5 = (data: string | Buffer) => createHash('md5').update(data).digest('hex');
    expect(match[1]).toBe(md5(derivedIdentifier('mini', 'en')));
    const zeroed = Buffer.from(bytes);
    zeroed.write('0'.repeat(32), match.index + match[0].indexOf(match[2]!), 'latin1');
    expect(match[2]).toBe(md5(zeroed));
  });

  // Two builds give identical bytes: cli.test.ts prints this book again with `folio build`
  // and compares every file with the shared build.
});

describe('pdf target, the browser', () => {
  // Folio prints with Chromium's headless shell when it is installed, as in CI; a machine
  // with only the whole browser must get the same file from it.
  test("PUPPETEER_EXECUTABLE_PATH wins; Chromium's headless shell starts in its own headless mode, any other browser in Chrome's", () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(headlessMode('/usr/lib/chromium/chromium-headless-shell')).toBe('shell');
    expect(headlessMode('/home/me/.cache/puppeteer/chrome-headless-shell/linux-156/chrome-headless-shell-linux64/chrome-headless-shell')).toBe('shell');
    expect(headlessMode('/usr/bin/chromium')).toBe(true);
    // Only the file's name counts, not a folder that happens to say so.
    expect(headlessMode('/opt/headless-shell-builds/chrome')).toBe(true);
  });

  const whole = '/usr/bin/chromium';
  const both = existsSync(whole) && existsSync('/usr/lib/chromium/chromium-headless-shell');
  (both || process.env.CI === 'true' ? test : test.skip)('the whole Chromium prints the same bytes as the headless shell Folio prefers; the build closes it once its last print is made, before that file is written', async () => {
    if (!both) throw new Error('Debian\'s chromium and chromium-headless-shell must both be installed: apt-get install -y chromium chromium-headless-shell');
    expect(headlessMode(findBrowser())).toBe('shell');
    const out = mkdtempSync(path.join(tmpdir(), 'folio-pdf-'));
    temporary.push(out);
    const saved = { browser: process.env.PUPPETEER_EXECUTABLE_PATH, date: process.env.SOURCE_DATE_EPOCH };
    // Dated from book.yaml, as the shared build is.
    delete process.env.SOURCE_DATE_EPOCH;
    process.env.PUPPETEER_EXECUTABLE_PATH = whole;
    // The build's own browser pool is asked to close as the print is made (Chromium exits
    // while the PDF is finished), and again as the build ends.
    const events: string[] = [];
    const original = BrowserPool.prototype.close;
    const close = jest.spyOn(BrowserPool.prototype, 'close').mockImplementation(function (this: BrowserPool) {
      events.push(existsSync(path.join(out, 'mini-en.pdf')) ? 'close, the PDF written' : 'close, no PDF yet');
      return original.call(this);
    });
    try {
      const result = await build(path.join(repoRoot, 'test/fixtures/mini/book.yaml'), { formats: ['pdf'], outDir: out, languages: ['en'] });
      expect(result.failed).toEqual([]);
    } finally {
      close.mockRestore();
      for (const [name, value] of [['PUPPETEER_EXECUTABLE_PATH', saved.browser], ['SOURCE_DATE_EPOCH', saved.date]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(events).toEqual(['close, no PDF yet', 'close, the PDF written']);
    const shell = readFileSync(builtBook('mini').file('en', 'pdf'));
    expect(readFileSync(path.join(out, 'mini-en.pdf')).equals(shell)).toBe(true);
  });
});

describe('pdf target, a book without parts on a 6 × 9 in page', () => {
  test('the configured size, openers on odd pages, contents numbers from 1', async () => {
    const file = builtBook('trade').file('en', 'pdf');
    expect((await pdfInfo(file))['Page size']).toBe('432 x 648 pts');
    const json = await qpdfJson(file);
    const labels = pageLabels(json);
    expect(json.outlines.map((item) => item.title)).toEqual(['Chapter 1: Preface', 'Chapter 2: First Steps', 'Chapter 3: Second Steps', 'Chapter 4: Further', 'Chapter 5: Afterword']);
    expect(json.outlines.map((item) => item.destpageposfrom1 % 2)).toEqual([1, 1, 1, 1, 1]);
    expect(labels[json.outlines[0]!.destpageposfrom1 - 1]).toBe('1');
    const entries = contentsEntries(await pageTexts(file));
    expect(entries.map((entry) => entry.folio)).toEqual(json.outlines.map((item) => labels[item.destpageposfrom1 - 1]));
  });
});

describe('pdf target, the Dutch chapter of the repository', () => {
  test('Dutch text is hyphenated at line ends', async () => {
    const file = builtBook('guide-nl').file('nl', 'pdf');
    const text = (await pageTexts(file)).join('\n');
    // A word broken at a line end: letters, the hyphen drawn there, the line ends, the word
    // goes on. The soft hyphens themselves are gone from the text layer.
    expect(text).not.toContain('\u00AD');
    const broken = text.split('\n').filter((line) => /\p{L}-$/u.test(line.trimEnd()));
    expect(broken.length).toBeGreaterThanOrEqual(5);
  });
});

describe('pdf target, isolation and failures', () => {
  let server: Server;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      requests++;
      response.end('nothing');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => {
    server.close();
  });

  test('the page cannot request anything: a stylesheet\'s images and fonts on a server are never fetched', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const book = mkdtempSync(path.join(tmpdir(), 'folio-pdf-book-'));
    temporary.push(book);
    const port = (server.address() as { port: number }).port;
    mkdirSync(path.join(book, 'chapters/en'), { recursive: true });
    mkdirSync(path.join(book, 'theme/base'), { recursive: true });
    // Remote images in chapters and remote url() in pdf.stylesheet are refused when the book
    // loads (see test/hostile/); a book's own templates are trusted and can still name
    // remote files, and the page must not fetch them.
    writeFileSync(path.join(book, 'book.yaml'), 'slug: remote\ntitle: Remote\nauthor: A\nlanguages: [en]\ncontents: [one]\ntemplates: theme\n');
    writeFileSync(
      path.join(book, 'theme/base/content.css'),
      `@font-face { font-family: Remote; src: url(http://127.0.0.1:${port}/font.woff2); }\nbody { font-family: Remote, Inter; background: url(http://127.0.0.1:${port}/paper.png); }\n`,
    );
    writeFileSync(path.join(book, 'chapters/en/one.md'), `---\ntitle: One\n---\n\n<video poster="http://127.0.0.1:${port}/poster.png"></video>\n\nText.\n`);
    const result = await build(path.join(book, 'book.yaml'), { formats: ['pdf'], outDir: path.join(book, 'dist') });
    expect(result.written).toHaveLength(1);
    expect(requests).toBe(0);
  });

  test('a print that takes longer than pdf.timeout fails the edition with a clear error, and nothing is written', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const book = mkdtempSync(path.join(tmpdir(), 'folio-pdf-book-'));
    temporary.push(book);
    const manifest = path.join(book, 'book.yaml');
    // Long enough (about 150 pages) that no print can be done within the timeout: a short
    // chapter printed within a millisecond or two of it on a fast browser, and the test raced.
    mkdirSync(path.join(book, 'chapters/en'), { recursive: true });
    const paragraph = 'A sentence that fills the page and then another one after it, for as long as it takes. '.repeat(8);
    writeFileSync(path.join(book, 'chapters/en/long.md'), `---\ntitle: Long\n---\n\n${`${paragraph}\n\n`.repeat(600)}`);
    writeFileSync(manifest, 'slug: slow\ntitle: Slow\nauthor: A\nlanguages: [en]\ncontents: [long]\npdf:\n  timeout: 0.001\n');
    const result = await build(manifest, { formats: ['pdf'], outDir: path.join(book, 'dist'), languages: ['en'] });
    expect(result.failed).toEqual(['en']);
    const messages = result.files.flatMap((file) => file.messages.map((message) => message.reason));
    expect(messages).toContainEqual(expect.stringMatching(/^en pdf edition failed: Chromium failed to print within 0.001 s \(crashed, hung or ran out of memory\)/));
    expect(readdirSync(book)).not.toContain('dist');
  });

  test('a browser that cannot start is a clear error, and nothing is written', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'folio-pdf-'));
    temporary.push(out);
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/bin/false';
    try {
      const result = await build(path.join(repoRoot, 'test/fixtures/mini/book.yaml'), { formats: ['pdf'], outDir: out, languages: ['en'] });
      expect(result.failed).toEqual(['en']);
      const messages = result.files.flatMap((file) => file.messages.map((message) => message.reason));
      expect(messages).toContainEqual(expect.stringMatching(/^en pdf edition failed: Cannot start \/bin\/false for the PDF edition: (Failed to launch the browser process|it exited as it started)/));
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
    expect(readdirSync(out)).toEqual([]);
  });
});
