import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from '../support/browser.js';
import { builtBook } from '../support/books.js';
import { axeViolations, externalRequests } from '../support/validators.js';

/**
 * The single-page HTML edition of the mini fixture (en + nl), built once and inspected as
 * a file, in Chromium's DOM, with the Nu HTML Checker and with axe-core.
 */

const mini = builtBook('mini');
const languages = ['en', 'nl'] as const;
type Lang = (typeof languages)[number];

let browser: Browser | undefined;
const source: Partial<Record<Lang, string>> = {};
const pages: Partial<Record<Lang, Page>> = {};

const fileOf = (lang: Lang) => mini.file(lang, 'html');
const urlOf = (lang: Lang) => pathToFileURL(fileOf(lang)).href;
const htmlOf = (lang: Lang) => source[lang]!;

interface OpenOptions {
  width?: number;
  scheme?: 'light' | 'dark';
}

/** A fresh page with the edition loaded; the caller closes it. */
async function open(lang: Lang, { width = 1280, scheme = 'light' }: OpenOptions = {}): Promise<Page> {
  const page = await browser!.newPage();
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(urlOf(lang), { waitUntil: 'load' });
  return page;
}

/** The page for DOM inspection of `lang`, loaded once. */
async function domOf(lang: Lang): Promise<Page> {
  pages[lang] ??= await open(lang);
  return pages[lang]!;
}

async function withPage<T>(lang: Lang, options: OpenOptions, use: (page: Page) => Promise<T>): Promise<T> {
  const page = await open(lang, options);
  try {
    return await use(page);
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  for (const lang of languages) source[lang] = await readFile(fileOf(lang), 'utf8');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('html target: files', () => {
  test('writes mini-en.html and mini-nl.html, with no errors', () => {
    const errors = mini.lines.filter((line) => /\s{2}error\s{2}/.test(line));
    expect(errors).toEqual([]);
    expect(mini.failed).toEqual([]);
    const html = mini.written.filter((event) => event.format === 'html');
    expect(html.map((event) => [event.lang, path.basename(event.path)]).sort()).toEqual([
      ['en', 'mini-en.html'],
      ['nl', 'mini-nl.html'],
    ]);
    expect(html.every((event) => path.dirname(event.path) === mini.outDir)).toBe(true);
  });

  test.each(languages)('%s: the root element carries the language', (lang) => {
    expect(htmlOf(lang)).toMatch(new RegExp(`<html lang="${lang}"[ >]`));
  });

  test.each(languages)('%s: self-contained: no <link>, <script> or remote src; fonts inlined as woff2 data', (lang) => {
    const html = htmlOf(lang);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?\s*https?:/i);
    expect(html).toMatch(/@font-face\s*{[^}]*url\(["']?data:font\/woff2;base64,/);
    // Every url() in the CSS is inlined data.
    const urls = [...html.matchAll(/url\(\s*["']?([^"')]{0,40})/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith('data:'))).toEqual([]);
  });
});

interface TocEntry {
  text: string;
  href: string;
  /** The element the link points at: `tag.class`, and its title. */
  target: string | null;
  targetTitle: string | null;
  children: TocEntry[];
}

async function contentsOf(page: Page): Promise<{ count: number; heading: string | null; entries: TocEntry[] }> {
  return page.evaluate(() => {
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const navs = document.querySelectorAll('nav');
    const nav = navs[0];
    if (!nav) return { count: 0, heading: null, entries: [] };
    const entryOf = (li: Element): TocEntry => {
      const link = li.querySelector(':scope > a');
      const href = link?.getAttribute('href') ?? '';
      const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
      const list = li.querySelector(':scope > ol, :scope > ul');
      return {
        text: clean(link?.textContent),
        href,
        target: target ? `${target.tagName.toLowerCase()}.${target.className}` : null,
        targetTitle: target ? clean(target.querySelector('.part-title, .chapter-title')?.textContent) : null,
        children: list ? Array.from(list.children).map(entryOf) : [],
      };
    };
    const list = nav.querySelector('ol, ul');
    return {
      count: navs.length,
      heading: clean(nav.querySelector('h1, h2, h3, h4, h5, h6')?.textContent),
      entries: list ? Array.from(list.children).map(entryOf) : [],
    };
  });
}

const chapter = (text: string, slug: string, title: string): TocEntry => ({
  text,
  href: `#${slug}`,
  target: 'article.chapter',
  targetTitle: title,
  children: [],
});

describe('html target: contents', () => {
  test('en: a nav lists the contents in reading order, parts with their chapters', async () => {
    const contents = await contentsOf(await domOf('en'));
    expect(contents.heading).toBe('Contents');
    expect(contents.entries).toEqual([
      chapter('Preface', 'preface', 'Preface'),
      {
        text: 'Part 1 Beginnings',
        href: '#beginnings',
        target: 'section.part',
        targetTitle: 'Beginnings',
        children: [chapter('Chapter 1 First Steps', 'first-steps', 'First Steps'), chapter('Chapter 2 Second Steps', 'second-steps', 'Second Steps')],
      },
      {
        text: 'Part 2 Going Further',
        href: expect.stringMatching(/^#./),
        target: 'section.part',
        targetTitle: 'Going Further',
        children: [chapter('Chapter 3 Further', 'further', 'Further')],
      },
      chapter('Afterword', 'afterword', 'Afterword'),
    ]);
  });

  test('nl: the overridden heading, Dutch labels, and no second-steps', async () => {
    const contents = await contentsOf(await domOf('nl'));
    expect(contents.heading).toBe('Inhoudsopgave');
    // Chapters keep the number the manifest gives them in every edition: further is 3.
    expect(contents.entries).toEqual([
      chapter('Voorwoord', 'preface', 'Voorwoord'),
      {
        text: 'Deel 1 Begin',
        href: '#beginnings',
        target: 'section.part',
        targetTitle: 'Begin',
        children: [chapter('Hoofdstuk 1 Eerste Stappen', 'first-steps', 'Eerste Stappen')],
      },
      {
        text: 'Deel 2 Verder Gaan',
        href: expect.stringMatching(/^#./),
        target: 'section.part',
        targetTitle: 'Verder Gaan',
        children: [chapter('Hoofdstuk 3 Verder', 'further', 'Verder')],
      },
      chapter('Nawoord', 'afterword', 'Nawoord'),
    ]);
    // No trace of the missing chapter in the page: no element of it, no in-page link to it.
    const traces = await (await domOf('nl')).evaluate(() => ({
      ids: Array.from(document.querySelectorAll('[id^="second-steps"]')).map((element) => element.id),
      links: Array.from(document.querySelectorAll('a[href^="#second-steps"]')).map((link) => link.getAttribute('href')),
    }));
    expect(traces).toEqual({ ids: [], links: [] });
    expect(htmlOf('nl')).not.toContain('Second Steps');
  });
});

describe('html target: ids and links', () => {
  test.each(languages)('%s: every in-page link has its target, and ids are unique', async (lang) => {
    const report = await (await domOf(lang)).evaluate(() => {
      const ids = Array.from(document.querySelectorAll('[id]')).map((element) => element.id);
      const links = Array.from(document.querySelectorAll('[href^="#"]')).map((element) => element.getAttribute('href')!);
      const labelledBy = Array.from(document.querySelectorAll('[aria-labelledby]')).flatMap((element) =>
        element.getAttribute('aria-labelledby')!.split(/\s+/),
      );
      return {
        links: links.length,
        duplicates: ids.filter((id, index) => ids.indexOf(id) !== index),
        broken: links.filter((href) => !document.getElementById(decodeURIComponent(href.slice(1)))),
        brokenLabels: labelledBy.filter((id) => !document.getElementById(id)),
      };
    });
    expect(report.duplicates).toEqual([]);
    expect(report.broken).toEqual([]);
    expect(report.brokenLabels).toEqual([]);
    expect(report.links).toBeGreaterThan(10);
    // The same, on the file's text: every href="#x" has an id="x".
    const html = htmlOf(lang);
    const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!));
    const hrefs = [...html.matchAll(/\shref="#([^"]*)"/g)].map((match) => match[1]!);
    expect(hrefs.filter((id) => !ids.has(id))).toEqual([]);
  });

  test.each(languages)('%s: the web blurb before `---` is dropped, the text after it kept', async (lang) => {
    const text = await (await domOf(lang)).evaluate(() => document.body.textContent ?? '');
    const html = htmlOf(lang);
    for (const blurb of ['Read this on our website only', 'Web blurb', 'Blurb.']) {
      expect(text).not.toContain(blurb);
      expect(html).not.toContain(blurb);
    }
    expect(text).toContain('This book begins with');
    expect(text).toContain('This part is about beginnings.');
    expect(text).toContain('Thanks for reading.');
  });

  test.each(languages)('%s: site links to chapters are in-page, other site links absolute on the site', async (lang) => {
    const links = await (await domOf(lang)).evaluate(() =>
      Array.from(document.querySelectorAll('main a[href]')).map((link) => {
        const href = link.getAttribute('href')!;
        const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
        return {
          text: (link.textContent ?? '').replace(/\s+/g, ' ').trim(),
          href,
          // The chapter or part the target is in.
          in: target?.closest('article.chapter, section.part')?.id ?? null,
          targetText: target ? (target.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40) : null,
        };
      }),
    );
    const byText = (text: string) => links.filter((link) => link.text === text);

    // preface: [the first steps](/docs/first-steps), [our pricing](/pricing), [the docs index](/docs/index)
    expect(byText('the first steps')).toEqual([{ text: 'the first steps', href: '#first-steps', in: 'first-steps', targetText: expect.any(String) }]);
    expect(byText('our pricing').map((link) => link.href)).toEqual(['https://example.com/pricing']);
    expect(byText('the docs index').map((link) => link.href)).toEqual(['https://example.com/docs/index']);
    // beginnings (opener): [first steps](/docs/first-steps/), trailing slash
    expect(byText('first steps').map((link) => link.href)).toEqual(['#first-steps']);
    // afterword.md#thanks and first-steps.md#overview: relative links with anchors
    expect(byText('an afterword')).toEqual([{ text: 'an afterword', href: expect.stringMatching(/^#/), in: 'afterword', targetText: 'Thanks' }]);
    expect(byText('Overview')).toEqual([{ text: 'Overview', href: expect.stringMatching(/^#/), in: 'first-steps', targetText: 'Overview' }]);
    // afterword: [the beginning](/docs/preface)
    expect(byText('the beginning').map((link) => link.href)).toEqual(['#preface']);
    if (lang === 'en') {
      // second-steps: [details of the first](/docs/first-steps#details)
      expect(byText('details of the first')).toEqual([
        { text: 'details of the first', href: expect.stringMatching(/^#/), in: 'first-steps', targetText: 'Details' },
      ]);
    }
    // further: [second steps](/docs/second-steps#overview): in the book in en; nl lacks the
    // chapter, so the link goes to its page on the site.
    expect(byText('second steps')).toEqual([
      lang === 'en'
        ? { text: 'second steps', href: expect.stringMatching(/^#/), in: 'second-steps', targetText: 'Overview' }
        : { text: 'second steps', href: 'https://example.com/docs/second-steps#overview', in: null, targetText: null },
    ]);
    // Nothing is left site-absolute or relative.
    expect(links.filter((link) => !link.href.startsWith('#') && !link.href.startsWith('https://'))).toEqual([]);
  });
});

describe('html target: outline and landmarks', () => {
  test.each(languages)('%s: one h1, parts h2, chapters in parts h3 with h4 sections, no skipped level', async (lang) => {
    const outline = await (await domOf(lang)).evaluate(() => {
      const level = (element: Element) => Number(element.tagName.slice(1));
      const headingSelector = 'h1, h2, h3, h4, h5, h6';
      const bodyHeadings = (article: Element) =>
        Array.from(article.querySelectorAll(headingSelector)).filter((heading) => !heading.classList.contains('chapter-title')).map(level);
      const all = Array.from(document.querySelectorAll(headingSelector)).map((heading) => ({ level: level(heading), text: (heading.textContent ?? '').trim() }));
      const skips = all.filter((heading, index) => index > 0 && heading.level > all[index - 1]!.level + 1);
      return {
        h1: Array.from(document.querySelectorAll('h1')).map((heading) => heading.className),
        partTitles: Array.from(document.querySelectorAll('section.part > header .part-title')).map(level),
        partChapterTitles: Array.from(document.querySelectorAll('section.part article.chapter .chapter-title')).map(level),
        partChapterSections: Array.from(document.querySelectorAll('section.part article.chapter')).map(bodyHeadings),
        matterTitles: Array.from(document.querySelectorAll('main > article.chapter .chapter-title')).map(level),
        matterSections: Array.from(document.querySelectorAll('main > article.chapter')).map(bodyHeadings),
        first: all[0]?.level,
        skips: skips.map((heading) => `h${heading.level} ${heading.text}`),
      };
    });
    const parts = 2;
    const partChapters = lang === 'en' ? 3 : 2;
    expect(outline.h1).toEqual(['book-title']);
    expect(outline.first).toBe(1);
    expect(outline.partTitles).toEqual(Array(parts).fill(2));
    expect(outline.partChapterTitles).toEqual(Array(partChapters).fill(3));
    // Each chapter in a part: its first section heading is h4, none is above h4.
    expect(outline.partChapterSections.map((levels) => [levels[0], Math.min(...levels)])).toEqual(Array(partChapters).fill([4, 4]));
    // Front and back matter: title h2, sections from h3.
    expect(outline.matterTitles).toEqual([2, 2]);
    expect(outline.matterSections.map((levels) => [levels[0], Math.min(...levels)])).toEqual([
      [3, 3],
      [3, 3],
    ]);
    expect(outline.skips).toEqual([]);
  });

  test.each(languages)('%s: the skip link is the first focusable element and leads to #main', async (lang) => {
    await withPage(lang, {}, async (page) => {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const active = document.activeElement;
        return { tag: active?.tagName.toLowerCase(), className: active?.className, href: active?.getAttribute('href') };
      });
      expect(focused).toEqual({ tag: 'a', className: 'skip-link', href: '#main' });
      await page.keyboard.press('Enter');
      const after = await page.evaluate(() => ({ tag: document.activeElement?.tagName.toLowerCase(), id: document.activeElement?.id }));
      expect(after).toEqual({ tag: 'main', id: 'main' });
    });
  });

  test.each(languages)('%s: landmarks: one main, a nav, a header and a footer', async (lang) => {
    const landmarks = await (await domOf(lang)).evaluate(() => ({
      main: document.querySelectorAll('main').length,
      mainId: document.querySelector('main')?.id,
      nav: document.querySelectorAll('nav').length,
      header: document.querySelectorAll('body > header').length,
      footer: document.querySelectorAll('body > footer').length,
    }));
    expect(landmarks.main).toBe(1);
    expect(landmarks.mainId).toBe('main');
    expect(landmarks.nav).toBeGreaterThanOrEqual(1);
    expect(landmarks.header).toBe(1);
    expect(landmarks.footer).toBe(1);
  });
});

describe('html target: validity and accessibility', () => {
  // The Nu HTML Checker checks both files with every other fixture's: validators.test.ts.
  const schemes = languages.flatMap((lang) => (['light', 'dark'] as const).map((scheme) => [lang, scheme] as const));
  test.each(schemes)('%s, %s scheme: axe-core finds no violations', async (lang, scheme) => {
    await withPage(lang, { scheme }, async (page) => {
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});

describe('html target: layout', () => {
  test.each(languages)('%s: nothing overflows a 360 px wide viewport', async (lang) => {
    await withPage(lang, { width: 360 }, async (page) => {
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(360);
      expect(widths.body).toBeLessThanOrEqual(360);
    });
  });

  test.each(languages)('%s: at 1280 px the text column is narrower than 900 px', async (lang) => {
    await withPage(lang, { width: 1280 }, async (page) => {
      const widths = await page.evaluate(() => ({
        main: document.querySelector('main')!.getBoundingClientRect().width,
        paragraphs: Array.from(document.querySelectorAll('main p')).map((paragraph) => paragraph.getBoundingClientRect().width),
      }));
      expect(widths.main).toBeGreaterThan(200);
      expect(widths.main).toBeLessThan(900);
      expect(widths.paragraphs.length).toBeGreaterThan(0);
      expect(Math.max(...widths.paragraphs)).toBeLessThan(900);
    });
  });

  test.each(languages)('%s: the dark scheme changes the page background', async (lang) => {
    const background = (scheme: 'light' | 'dark') =>
      withPage(lang, { scheme }, (page) =>
        page.evaluate(() => {
          const colour = (element: Element) => getComputedStyle(element).backgroundColor;
          const transparent = (value: string) => value === 'transparent' || value === 'rgba(0, 0, 0, 0)';
          const body = colour(document.body);
          return transparent(body) ? colour(document.documentElement) : body;
        }),
      );
    const light = await background('light');
    const dark = await background('dark');
    expect(light).not.toBe('rgba(0, 0, 0, 0)');
    expect(dark).not.toBe(light);
    // and dark means dark: each channel below half.
    const channels = (dark.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    expect(channels).toHaveLength(3);
    expect(Math.max(...channels)).toBeLessThan(128);
  });
});

describe('html target: privacy', () => {
  test.each(languages)('%s: opened in Chromium it requests nothing from anywhere', async (lang) => {
    expect(await externalRequests(browser!, urlOf(lang))).toEqual([]);
  });
});
