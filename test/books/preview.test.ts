import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from '../support/browser.js';
import { repoRoot } from '../support/tools.js';

/**
 * `folio preview` as an author uses it: the real command on a copy of the mini book, the
 * page opened in Chromium, files of the book edited on disk, and what the page shows
 * read back. Nothing is reloaded by hand.
 */

// The mini book's own plugin re-exports one of Folio's sources by a path that only holds
// inside the repository; the copy gets a plugin of its own, which a test then changes.
/**
 * The book's plugin, in TypeScript with types, as an author writes one: the book's folder
 * (a temporary one) has no package.json, where a `.ts` file once loaded as CommonJS and
 * failed at its first type.
 */
const plugin = (extra: string) => `// Drops the web-only blurb before a chapter's first rule (at most two blocks).
interface Node { type: string; children?: Node[]; value?: string }
export default function dropBlurb() {
  return (tree: { children: Node[] }): void => {
    const rule: number = tree.children.findIndex((node) => node.type === 'thematicBreak');
    if (rule > 0 && rule <= 3) tree.children.splice(tree.children[0]!.type === 'yaml' ? 1 : 0, rule + (tree.children[0]!.type === 'yaml' ? 0 : 1));
    ${extra}
  };
}
`;

let book: string;
let preview: ChildProcess;
let output = '';
let port: number;
let browser: Browser;
let page: Page;

const chapter = (name: string) => path.join(book, 'chapters/en', name);
const frameText = () => page.evaluate(() => (document.getElementById('html-view') as HTMLIFrameElement).contentDocument!.body.innerText);
const waitForFrameText = (text: string, timeout = 60000) =>
  page.waitForFunction((wanted) => (document.getElementById('html-view') as HTMLIFrameElement).contentDocument?.body?.innerText.includes(wanted), { timeout, polling: 100 }, text);

/** Starts `folio preview` in the book, its output passed to `onOutput`. */
function startPreview(args: string[], onOutput: (text: string) => void): ChildProcess {
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/folio.js'), 'preview', ...args], { cwd: book, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.setEncoding('utf8').on('data', onOutput);
  child.stderr!.setEncoding('utf8').on('data', onOutput);
  return child;
}

/**
 * Stops a preview as Ctrl-C in a terminal does, and resolves once it has exited (its
 * Chromium closed): nothing of it is left running into the next test file.
 */
function stopPreview(child: ChildProcess | undefined): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child?.exitCode ?? null, signal: child?.signalCode ?? null });
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.kill('SIGTERM');
  });
}

function waitForOutput(pattern: RegExp, read: () => string, timeout = 120000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const match = pattern.exec(read());
      if (match) {
        clearInterval(poll);
        resolve(match);
      } else if (Date.now() - started > timeout) {
        clearInterval(poll);
        reject(new Error(`No ${pattern} in the preview's output:\n${read()}`));
      }
    }, 50);
  });
}

/** A request sent exactly as written: node:http does not normalize the path, unlike a browser or fetch(). */
function rawGet(target: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  book = mkdtempSync(path.join(tmpdir(), 'folio-preview-'));
  cpSync(path.join(repoRoot, 'test/fixtures/mini'), book, { recursive: true });
  // The book's plugin, written here: a later edit to it must show.
  writeFileSync(path.join(book, 'plugins/remark-drop-preamble.ts'), plugin(''));
  preview = startPreview(['book.yaml', '--port', '0'], (text) => (output += text));
  port = Number((await waitForOutput(/preview +http:\/\/127\.0\.0\.1:(\d+)\/en\//, () => output))[1]);
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/en/`);
  await page.waitForFunction(() => document.body.dataset.html === '1', { timeout: 60000 });
});

afterAll(async () => {
  await browser?.close();
  await stopPreview(preview);
  if (book) rmSync(book, { recursive: true, force: true });
});

describe('folio preview', () => {
  test('listens on 127.0.0.1 only, and answers only to its own host names', async () => {
    // Every socket listening on the port, from the kernel's own table: only 127.0.0.1.
    const hex = port.toString(16).toUpperCase().padStart(4, '0');
    const listening = ['/proc/net/tcp', '/proc/net/tcp6']
      .flatMap((table) => readFileSync(table, 'utf8').split('\n').slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${hex}`))
      .map((fields) => fields[1]);
    expect(listening).toEqual([`0100007F:${hex}`]);
    expect((await rawGet('/en/', `localhost:${port}`)).status).toBe(200);
    // A page of another site whose name was rebound to 127.0.0.1 sends its own Host.
    expect((await rawGet('/en/edition.html', 'evil.example')).status).toBe(403);
  });

  test('never serves a path outside its folders, and lists no folder', async () => {
    for (const target of ['/../book.yaml', '/%2e%2e/book.yaml', '/en/../../book.yaml', '/en/%2E%2E/%2e%2e/book.yaml', '/_folio/..%2f..%2fbook.yaml', '/_folio/pdfjs/../../package.json', '/_folio/%2e%2e/%2e%2e/package.json']) {
      const response = await rawGet(target);
      expect({ target, status: response.status }).toEqual({ target, status: 403 });
      expect(response.body).not.toContain('slug: mini');
    }
    for (const target of ['/book.yaml', '/en/book.yaml', '/en/chapters/en/preface.md', '/_folio/', '/_folio/pdfjs/', '/_folio/pdfjs/build/', '/en/epub/']) {
      expect({ target, status: (await rawGet(target)).status }).toEqual({ target, status: 404 });
    }
  });

  test("takes the page's word that it shows an edition's HTML only as a generation number", async () => {
    for (const target of ['/en/shown', '/en/shown?html=x', '/en/shown?html=-1', '/en/shown?html=1e400']) {
      expect({ target, status: (await rawGet(target)).status }).toEqual({ target, status: 400 });
    }
    expect((await rawGet('/en/shown?html=1')).status).toBe(204);
  });

  test('shows an edited chapter without a reload, in place', async () => {
    // Marks on the page and on the edition's body: a reload of either would lose them.
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
      ((document.getElementById('html-view') as HTMLIFrameElement).contentDocument!.body as unknown as { stayed: string }).stayed = 'yes';
    });
    writeFileSync(chapter('first-steps.md'), readFileSync(chapter('first-steps.md'), 'utf8').replace('The first chapter,', 'The first chapter, about zebras,'));
    await waitForFrameText('about zebras');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await page.evaluate(() => ((document.getElementById('html-view') as HTMLIFrameElement).contentDocument!.body as unknown as { stayed?: string }).stayed)).toBe('yes');
    await waitForOutput(/\(1 chapters processed, 5 kept\)/, () => output);
  });

  test('broken frontmatter: the overlay names the place, the last good edition stays; fixed, the overlay goes', async () => {
    const file = chapter('first-steps.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('title: First Steps', 'title: [First Steps'));
    await page.waitForFunction(() => !document.getElementById('overlay')!.hidden, { timeout: 60000 });
    const shown = await page.$eval('#diagnostics', (element) => (element as HTMLElement).innerText);
    expect(shown).toMatch(/^chapters\/en\/first-steps\.md:[23]:\d+\s+error\s+Invalid frontmatter/);
    expect(await frameText()).toContain('about zebras');
    await waitForOutput(/first-steps\.md:[23]:\d+ {2}error {2}Invalid frontmatter/, () => output);
    writeFileSync(file, good.replace('about zebras', 'about zebras and lions'));
    await waitForFrameText('about zebras and lions');
    await page.waitForFunction(() => document.getElementById('overlay')!.hidden, { timeout: 60000 });
    expect(preview.exitCode).toBeNull();
  });

  test('a changed image, template, book.yaml and plugin each show up', async () => {
    const cover = () => page.evaluate(() => (document.getElementById('html-view') as HTMLIFrameElement).contentDocument!.getElementById('cover')!.getAttribute('src'));
    const before = await cover();
    cpSync(path.join(repoRoot, 'test/fixtures/features/images/team.png'), path.join(book, 'cover.png'));
    await page.waitForFunction((old) => (document.getElementById('html-view') as HTMLIFrameElement).contentDocument!.getElementById('cover')?.getAttribute('src') !== old, { timeout: 60000 }, before);
    expect((await cover())!.slice(-200)).toBe(`data:image/png;base64,${readFileSync(path.join(book, 'cover.png')).toString('base64')}`.slice(-200));

    mkdirSync(path.join(book, 'own-templates/html'), { recursive: true });
    writeFileSync(path.join(book, 'own-templates/html/colophon.hbs'), '<footer id="colophon"><p>Colophon, first version</p></footer>\n');
    writeFileSync(path.join(book, 'book.yaml'), `${readFileSync(path.join(book, 'book.yaml'), 'utf8')}templates: own-templates\n`);
    await waitForFrameText('Colophon, first version');
    writeFileSync(path.join(book, 'own-templates/html/colophon.hbs'), '<footer id="colophon"><p>Colophon, second version</p></footer>\n');
    await waitForFrameText('Colophon, second version');

    writeFileSync(path.join(book, 'plugins/remark-drop-preamble.ts'), plugin("tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'Stamped by the plugin.' }] });"));
    await waitForFrameText('Stamped by the plugin.');
  });

  test('the Pages view shows the print edition, and its new page count after text is added', async () => {
    // Nothing was printed for the saves before: the PDF is made once the Pages view is shown.
    expect(output).not.toMatch(/^en {2}pdf /m);
    expect(await rawGet('/en/edition.pdf')).toMatchObject({ status: 404 });
    await page.click('[data-view="pages"]');
    await page.waitForFunction(() => Number(document.getElementById('page-count')!.dataset.pages) > 0 && document.getElementById('pdf-status')!.textContent!.includes('printed'), { timeout: 120000 });
    const pages = () => page.$eval('#page-count', (element) => Number((element as HTMLElement).dataset.pages));
    const before = await pages();
    const file = chapter('further.md');
    const filler = Array.from({ length: 60 }, (_, index) => `Paragraph ${index + 1} of added text, long enough to take a few lines of a printed page, so that the chapter runs over several more pages than it did before.`).join('\n\n');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n${filler}\n`);
    await page.waitForFunction((count) => Number(document.getElementById('page-count')!.dataset.pages) > count, { timeout: 180000 }, before);
    expect(await pages()).toBeGreaterThan(before + 2);
    // The view went to the chapter that was edited, not back to the cover.
    expect(await page.$eval('#pages', (element) => Number((element as HTMLElement).dataset.page))).toBeGreaterThan(1);
    expect(await page.$eval('#pages .page canvas', (canvas) => (canvas as HTMLCanvasElement).width)).toBeGreaterThan(100);
  });

  test('the EPUB view shows the chapter documents of the built EPUB, and follows an edit', async () => {
    await page.click('[data-view="epub"]');
    await page.waitForFunction(() => document.querySelectorAll('#epub-spine a').length > 5, { timeout: 120000 });
    const titles = await page.$$eval('#epub-spine a', (links) => links.map((link) => link.textContent));
    expect(titles).toEqual(expect.arrayContaining(['Preface', 'Chapter 1 First Steps', 'Afterword']));
    const documentText = () => page.evaluate(() => (document.getElementById('epub-document') as HTMLIFrameElement).contentDocument?.body?.textContent ?? '');
    writeFileSync(chapter('afterword.md'), `${readFileSync(chapter('afterword.md'), 'utf8')}\n\nA last word for e-readers.\n`);
    await page.waitForFunction(() => (document.getElementById('epub-document') as HTMLIFrameElement).contentDocument?.body?.textContent?.includes('A last word for e-readers.'), { timeout: 120000 });
    expect(await documentText()).toContain('A last word for e-readers.');
    const type = await page.evaluate(() => (document.getElementById('epub-document') as HTMLIFrameElement).contentDocument!.contentType);
    expect(type).toBe('application/xhtml+xml');
  });

  test('switches language', async () => {
    await page.select('#language', 'nl');
    await page.waitForFunction(() => location.pathname === '/nl/' && document.body.dataset.html === '1', { timeout: 120000 });
    expect(await frameText()).toContain('Het Kleine Boek');
  });

  test('a busy port: the next free one, and the command says which; SIGTERM ends it cleanly', async () => {
    let second = '';
    const child = startPreview(['book.yaml', '--port', String(port)], (text) => (second += text));
    try {
      const [, other] = await waitForOutput(/port \d+ is in use: serving on (\d+) instead/, () => second);
      expect(Number(other)).toBeGreaterThan(port);
      await waitForOutput(new RegExp(`preview +http://127\\.0\\.0\\.1:${other}/en/`), () => second);
      // Ctrl-C ends it cleanly: its browser closed, exit code 0.
      expect(await stopPreview(child)).toEqual({ code: 0, signal: null });
    } finally {
      await stopPreview(child);
    }
  });
});
