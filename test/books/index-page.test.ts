import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../support/browser.js';
import { folio } from '../support/folio.js';
import { axeViolations, validateHtml } from '../support/validators.js';

/** The index page of the five-language shelf fixture: four editions with chapters, one without. */
const out = mkdtempSync(path.join(tmpdir(), 'folio-index-'));
const index = path.join(out, 'index.html');
let browser: Browser | undefined;

beforeAll(async () => {
  const run = await folio(['build', 'test/fixtures/shelf/book.yaml', '--out', out]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^index {7}\S+index\.html {2}4 editions$/m);
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

interface Entry {
  lang: string | null;
  heading: string;
  title: string;
  links: Array<{ text: string; href: string; download: boolean }>;
}

async function read(scheme: 'light' | 'dark' = 'light') {
  const page = await browser!.newPage();
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
  return page;
}

describe('the index page', () => {
  test('cover, title, description, and per language its edition and downloads, in that language', async () => {
    const page = await read();
    try {
      const content = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.querySelector('h1')?.textContent,
        description: document.querySelector('.description')?.textContent,
        cover: (document.querySelector('img.cover') as HTMLImageElement | null)?.naturalWidth,
        entries: Array.from(document.querySelectorAll('.editions > li')).map((item) => ({
          lang: item.getAttribute('lang'),
          heading: item.querySelector('h3')!.textContent!,
          title: item.querySelector('.edition-title')!.textContent!,
          links: Array.from(item.querySelectorAll('a')).map((a) => ({ text: a.textContent!, href: a.getAttribute('href')!, download: a.hasAttribute('download') })),
        })),
      }));
      expect(content).toMatchObject({ lang: 'en', title: 'The Shelf', description: 'A small book in several languages, made to test Folio.' });
      expect(content.cover).toBeGreaterThan(0);
      const entries = content.entries as Entry[];
      expect(entries.map((entry) => [entry.lang, entry.heading, entry.title])).toEqual([
        ['en', 'English', 'The Shelf'],
        ['nl', 'Nederlands', 'De Plank'],
        ['fr', 'Français', "L'Étagère"],
        ['de', 'Deutsch', 'Das Regal'],
      ]);
      expect(entries.find((entry) => entry.lang === 'nl')!.links).toEqual([
        { text: 'Online lezen', href: 'shelf-nl.html', download: false },
        { text: 'EPUB voor e-readers', href: 'shelf-nl.epub', download: true },
        { text: 'PDF om af te drukken', href: 'shelf-nl.pdf', download: true },
      ]);
      // Every link leads to a file that is there.
      for (const link of entries.flatMap((entry) => entry.links)) expect(existsSync(path.join(out, link.href))).toBe(true);
    } finally {
      await page.close();
    }
  });

  test('valid: the Nu HTML Checker finds no errors', async () => {
    expect(await validateHtml([index])).toEqual([]);
  });

  test.each(['light', 'dark'] as const)('%s scheme: axe-core finds no violations', async (scheme) => {
    const page = await read(scheme);
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('self-contained and reproducible: no request leaves the page, and `folio index` writes the same bytes', async () => {
    const html = readFileSync(index, 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const again = await folio(['index', 'test/fixtures/shelf/book.yaml', '--out', out]);
    expect(again.code).toBe(0);
    expect(readFileSync(index, 'utf8')).toBe(html);
  });
});
