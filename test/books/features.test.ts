import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Browser, Page } from 'puppeteer';
import { build, formatMessages } from '../../src/index.js';
import { builtBook } from '../support/books.js';
import { launchBrowser } from '../support/browser.js';
import { readEpub } from '../support/epub.js';
import { pageTexts, pdfFonts, pdfLinks, plainText, proseText, wordBoxes, wordsMissingFrom, xmpPacket, type PdfLink, type WordBox } from '../support/pdf.js';
import { repoRoot, requireTool } from '../support/tools.js';
import { axeViolations, externalRequests } from '../support/validators.js';

/**
 * The features fixture (test/fixtures/features, en + fr): every writing feature of the
 * README's "Writing" section, built once in all three editions and checked feature by
 * feature in each — the structure, not only that a file was written.
 */

const run = promisify(execFile);
const features = builtBook('features');
const languages = ['en', 'fr'] as const;
type Lang = (typeof languages)[number];

let browser: Browser;
const html = {} as Record<Lang, Root>;
const epub = {} as Record<Lang, { text(name: string): Promise<string>; names: string[]; doc(name: string): Promise<Root> }>;
const pdf = {} as Record<Lang, { file: string; pages: string[]; text: string; words: WordBox[]; links: PdfLink[] }>;

const file = (lang: Lang, extension: 'html' | 'epub' | 'pdf') => features.file(lang, extension);
const attr = (node: Element | undefined, name: string) => node?.properties[name];
const texts = (nodes: Element[]) => nodes.map((node) => toString(node).trim());
/**
 * PDF text without the print edition's hyphenation points (soft hyphens, which Chrome keeps
 * in the text layer, and the hyphens drawn where a line broke at one).
 */
const readable = (text: string) => text.replace(/\u00AD-?(\s*\n\s*)?/g, '');
/** Where a PDF word is, by page order: the first page whose text holds `needle`. */
const pageWith = (lang: Lang, needle: string | RegExp) => pdf[lang].pages.findIndex((page) => (typeof needle === 'string' ? page.includes(needle) : needle.test(page))) + 1;

beforeAll(async () => {
  browser = await launchBrowser();
  for (const lang of languages) {
    html[lang] = fromHtml(readFileSync(file(lang, 'html'), 'utf8'));
    const zip = await readEpub(file(lang, 'epub'));
    epub[lang] = {
      text: zip.text,
      names: Object.keys(zip.zip.files),
      doc: async (name) => fromHtml(await zip.text(`OEBPS/${name}`)),
    };
    const pages = await pageTexts(file(lang, 'pdf'));
    pdf[lang] = { file: file(lang, 'pdf'), pages, text: readable(pages.join('\f')), words: await wordBoxes(file(lang, 'pdf')), links: await pdfLinks(file(lang, 'pdf')) };
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('features: the build', () => {
  test('all three editions of both languages are written', () => {
    expect(features.failed).toEqual([]);
    expect(features.written.map((event) => path.basename(event.path)).sort()).toEqual(
      ['en.epub', 'en.html', 'en.pdf', 'fr.epub', 'fr.html', 'fr.pdf'].map((name) => `features-${name}`),
    );
  });

  test('the only messages are the removed script, handler and javascript: URL, each at its place', () => {
    const lines = features.lines.filter((line) => /\s(warning|error)\s/.test(line));
    const expected = languages.flatMap((lang) => [
      `test/fixtures/features/chapters/${lang}/code.md:63:1  warning  Removed from <div>: onclick (an event handler: scripts do not run in a book)  html-removed`,
      `test/fixtures/features/chapters/${lang}/code.md:65:1  warning  Removed <script> and its content from the chapter: scripts do not run in a book  html-removed`,
      `test/fixtures/features/chapters/${lang}/code.md:67:1  warning  Removed from <a>: href (a javascript: URL is not allowed)  html-removed`,
    ]);
    expect(lines.map((line) => line.replace(/^.*?(test\/fixtures)/, '$1').replace(/\s+$/, ''))).toEqual(expected);
  });
});

describe('features: validators', () => {
  // EPUBCheck, Ace and the Nu HTML Checker check these editions with every other fixture's,
  // in one run each: see validators.test.ts.

  test('axe-core: no violation, light and dark, desktop and phone', async () => {
    for (const lang of languages) {
      for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 375]] as const) {
        const page = await browser.newPage();
        try {
          await page.setViewport({ width, height: 800 });
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          await page.goto(pathToFileURL(file(lang, 'html')).href, { waitUntil: 'load' });
          expect({ lang, scheme, width, violations: await axeViolations(page) }).toEqual({ lang, scheme, width, violations: [] });
        } finally {
          await page.close();
        }
      }
    }
  }, 180_000);

  test('the HTML requests nothing outside itself, and carries no script', async () => {
    for (const lang of languages) {
      expect(await externalRequests(browser, pathToFileURL(file(lang, 'html')).href)).toEqual([]);
      expect(selectAll('script', html[lang])).toEqual([]);
    }
  });

  test('print: every word lies inside the page margins, wide table and long code lines included', () => {
    // A4, margins 25 mm top and bottom, 25 mm inner, 20 mm outer: body text keeps 18 mm from
    // the sides and 10 mm from top and bottom (running heads and folios sit in the margins).
    const mm = 72 / 25.4;
    for (const lang of languages) {
      const outside = pdf[lang].words.filter((word) => word.xMin < 18 * mm || word.xMax > word.pageWidth - 18 * mm || word.yMin < 10 * mm || word.yMax > word.pageHeight - 10 * mm);
      expect(outside.map((word) => `${lang} p${word.page} ${word.word}`)).toEqual([]);
    }
  });
});

describe('features: the PDF text layer, fonts and metadata', () => {
  test('a search finds every long word of the text, and no soft hyphen is left inside a word', async () => {
    for (const lang of languages) {
      const text = await plainText(file(lang, 'pdf'));
      expect(text).not.toContain('\u00AD');
      expect(wordsMissingFrom(text, proseText(html[lang]))).toEqual([]);
    }
  });

  test('every font is embedded TrueType: bold italic inline code in a heading is no Type 3', async () => {
    for (const lang of languages) {
      const fonts = await pdfFonts(file(lang, 'pdf'));
      expect(fonts.filter((font) => !font.embedded || !font.type.includes('TrueType'))).toEqual([]);
    }
    expect((await pdfFonts(file('en', 'pdf'))).map((font) => font.name)).toContainEqual(expect.stringMatching(/JetBrainsMono-BoldItalic$/));
  });

  test('an XMP packet matches the document information', async () => {
    const xmp = await xmpPacket(file('fr', 'pdf'));
    expect(xmp).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Écrire avec Folio</rdf:li></rdf:Alt></dc:title>');
    expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>Ada Author</rdf:li></rdf:Seq></dc:creator>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>fr</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<xmp:CreateDate>2026-03-01T00:00:00Z</xmp:CreateDate>');
    expect(xmp).toMatch(/<pdf:Producer>Folio \d+\.\d+\.\d+<\/pdf:Producer>/);
  });
});

describe('features: tables, task lists, strikethrough, autolinks', () => {
  test('html and epub: each table scrolls in a labelled region, with its column alignment', async () => {
    for (const lang of languages) {
      for (const tree of [html[lang], await epub[lang].doc('tables.xhtml')]) {
        const regions = selectAll('div.table-scroll', tree);
        expect(regions).toHaveLength(2);
        for (const region of regions) {
          expect([attr(region, 'role'), attr(region, 'tabIndex')]).toEqual(['region', 0]);
          expect(select('table', region)).toBeDefined();
        }
        expect(regions.map((region) => attr(region, 'ariaLabel'))).toEqual(lang === 'en' ? ['Table 1', 'Table 2'] : ['Tableau 1', 'Tableau 2']);
        const aligns = selectAll('th', regions[0]!).map((th) => attr(th, 'style'));
        expect(aligns).toEqual(['text-align: left', 'text-align: center', 'text-align: right', undefined]);
        expect(selectAll('td', regions[0]!).map((td) => attr(td, 'style')).slice(0, 4)).toEqual(aligns);
      }
    }
  });

  test('html on a phone: the wide table scrolls inside its box and the page does not widen', async () => {
    const page: Page = await browser.newPage();
    try {
      await page.setViewport({ width: 375, height: 800 });
      await page.goto(pathToFileURL(file('en', 'html')).href, { waitUntil: 'load' });
      const sizes = await page.evaluate(() => {
        const wide = document.querySelectorAll('.table-scroll')[1]!;
        return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, box: wide.clientWidth, table: wide.scrollWidth };
      });
      expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
      expect(sizes.table).toBeGreaterThan(sizes.box);
    } finally {
      await page.close();
    }
  });

  test('print: the right-aligned column ends on one line and the centred one shares a centre', () => {
    const words = pdf.en.words;
    const right = ['$9.00', '$49.00', '$199.00'].map((word) => words.find((box) => box.word === word)!);
    expect(Math.max(...right.map((box) => box.xMax)) - Math.min(...right.map((box) => box.xMax))).toBeLessThan(1);
    const seats = ['3', '25', '250'].map((word) => words.find((box) => box.word === word && box.page === right[0]!.page && Math.abs(box.yMin - right[['3', '25', '250'].indexOf(word)]!.yMin) < 2)!);
    const centres = seats.map((box) => (box.xMin + box.xMax) / 2);
    expect(Math.max(...centres) - Math.min(...centres)).toBeLessThan(1);
    expect(right[0]!.xMin).toBeGreaterThan(centres[0]!);
  });

  test('task lists, strikethrough and autolinks in html and epub; their text and links in print', async () => {
    for (const lang of languages) {
      for (const tree of [html[lang], await epub[lang].doc('tables.xhtml')]) {
        const boxes = selectAll('li.task-list-item input[type=checkbox]', tree);
        expect(boxes.map((box) => [attr(box, 'disabled'), Boolean(attr(box, 'checked'))])).toEqual([[true, true], [true, false], [true, false]]);
        expect(boxes.map((box) => attr(box, 'ariaLabel'))).toEqual(lang === 'en' ? ['Write the first draft', 'Send it to the editor', 'Print it at home Send it to the printer'] : ['Écrire le premier jet', 'L’envoyer à l’éditeur', 'L’imprimer à la maison L’envoyer à l’imprimeur']);
        expect(texts(selectAll('del', tree))).toEqual([lang === 'en' ? 'Print it at home' : 'L’imprimer à la maison']);
        const links = selectAll('a', tree).map((a) => attr(a, 'href'));
        expect(links).toEqual(expect.arrayContaining([lang === 'en' ? 'https://example.com/agency' : 'https://example.com/agence', 'http://www.example.org']));
      }
      expect(pdf[lang].text).toContain(lang === 'en' ? 'Write the first draft' : 'Écrire le premier jet');
      expect(pdf[lang].links.map((link) => link.uri)).toEqual(expect.arrayContaining([lang === 'en' ? 'https://example.com/agency' : 'https://example.com/agence', 'http://www.example.org/']));
    }
  });
});

describe('features: footnotes', () => {
  test('html: references and notes are paired both ways, with roles and localized back links', () => {
    for (const lang of languages) {
      const tree = html[lang];
      const ids = selectAll('[id]', tree).map((node) => String(attr(node, 'id')));
      expect(new Set(ids).size).toBe(ids.length);
      const refs = selectAll('a[data-footnote-ref]', tree);
      expect(refs).toHaveLength(4); // three in "notes", one in "code"
      for (const ref of refs) {
        expect(attr(ref, 'role')).toBe('doc-noteref');
        const note = select(`[id="${String(attr(ref, 'href')).slice(1)}"]`, tree);
        expect(note?.tagName).toBe('li');
        const back = selectAll('a[role=doc-backlink]', note!).map((a) => String(attr(a, 'href')).slice(1));
        expect(back).toContain(attr(ref, 'id'));
      }
      // The two chapters both call their note "source": the later one is renamed.
      expect(refs.map((ref) => attr(ref, 'href'))).toEqual(['#fn-source', '#fn-second', '#fn-source', '#code-fn-source']);
      const sections = selectAll('section[role=doc-endnotes]', tree);
      expect(texts(sections.map((section) => select('.footnotes-title', section)!))).toEqual(lang === 'en' ? ['Footnotes', 'Footnotes'] : ['Notes', 'Notes']);
      expect(attr(select('a[role=doc-backlink]', tree), 'ariaLabel')).toBe(lang === 'en' ? 'Back to reference 1' : 'Retour à l’appel de note 1');
      // aria-describedby follows the renamed heading of the second chapter's notes.
      const described = refs.map((ref) => String(attr(ref, 'ariaDescribedBy')));
      for (const id of described) expect(select(`[id="${id}"]`, tree)).toBeDefined();
      expect(new Set(described).size).toBe(2);
    }
  });

  test('epub: noteref links to an aside epub:type footnote in the same document', async () => {
    for (const lang of languages) {
      const source = await epub[lang].text('OEBPS/notes.xhtml');
      const refs = [...source.matchAll(/<a [^>]*epub:type="noteref"[^>]*>/g)].map((match) => match[0]);
      expect(refs).toHaveLength(3);
      for (const ref of refs) {
        expect(ref).toContain('role="doc-noteref"');
        const target = /href="#([^"]+)"/.exec(ref)![1]!;
        expect(source).toMatch(new RegExp(`<aside id="${target}" epub:type="footnote" role="doc-footnote">`));
      }
      expect(source).toMatch(/<section [^>]*epub:type="footnotes"/);
      expect(await epub[lang].text('OEBPS/code.xhtml')).toMatch(/<aside id="code-fn-source" epub:type="footnote"/);
    }
  });

  test('print: notes close their chapter with the numbers of their references, and link both ways', () => {
    for (const lang of languages) {
      const { pages, links } = pdf[lang];
      const notesTitle = lang === 'en' ? 'Footnotes' : 'Notes';
      const notesPage = pages.findIndex((page) => new RegExp(`^\\s*${notesTitle}\\s*$`, 'm').test(page) && page.includes('Faja')) + 1;
      expect(notesPage).toBeGreaterThan(0);
      // The notes follow the chapter's last section and come before the next chapter.
      expect(notesPage).toBeGreaterThanOrEqual(pageWith(lang, lang === 'en' ? 'Cross-references' : 'Renvois'));
      expect(notesPage).toBeLessThan(pageWith(lang, lang === 'en' ? /^\s*Code and Callouts\s*$/m : /^\s*Code et encadrés\s*$/m));
      expect(readable(pages[notesPage - 1]!)).toMatch(/1\.\s+Faja, The Agency Success Playbook, p\. 12\./);
      expect(pages[notesPage - 1]).toMatch(/2\.\s+(A note|Une note)/);
      const toNotes = links.filter((link) => link.dest?.includes('fn-') && !link.dest.includes('fnref'));
      expect(toNotes.map((link) => link.dest)).toEqual(['fn-source', 'fn-second', 'fn-source', 'code-fn-source']);
      expect(toNotes.slice(0, 3).every((link) => link.destPage === notesPage)).toBe(true);
      const back = links.filter((link) => link.dest?.startsWith('fnref-'));
      expect(back.length).toBeGreaterThanOrEqual(3);
      expect(back.every((link) => link.page === notesPage && link.destPage === toNotes[0]!.page)).toBe(true);
    }
  });
});

describe('features: images and figures', () => {
  test('html: figures with captions from title, else alt; inline image stays inline; all embedded', () => {
    for (const lang of languages) {
      const tree = html[lang];
      const figures = selectAll('figure', tree).map((figure) => ({
        alt: attr(select('img', figure), 'alt'),
        caption: select('figcaption', figure) ? toString(select('figcaption', figure)!) : undefined,
        src: String(attr(select('img', figure), 'src')).slice(0, 15),
      }));
      expect(figures).toEqual(
        lang === 'en'
          ? [
              { alt: 'A wide banner in warm colours', caption: undefined, src: 'data:image/jpeg' },
              { alt: 'The team at work', caption: 'Our team, spring 2026', src: 'data:image/png;' },
              { alt: 'An office with a view', caption: 'An office with a view', src: 'data:image/jpeg' },
              { alt: 'A whiteboard after a planning session', caption: 'Planning, in WebP', src: 'data:image/webp' },
            ]
          : [
              { alt: 'Une large bannière aux couleurs chaudes', caption: undefined, src: 'data:image/jpeg' },
              { alt: "L'équipe au travail", caption: 'Notre équipe, printemps 2026', src: 'data:image/png;' },
              { alt: 'Un bureau avec vue', caption: 'Un bureau avec vue', src: 'data:image/jpeg' },
              { alt: 'Un tableau blanc après une séance de planification', caption: 'La planification, en WebP', src: 'data:image/webp' },
            ],
      );
      const inline = selectAll('p > img', tree);
      expect(inline.map((img) => [String(attr(img, 'src')).slice(0, 18), attr(img, 'width'), attr(img, 'height')])).toEqual([['data:image/svg+xml', 320, 160]]);
      expect(selectAll('img', tree).every((img) => attr(img, 'width') && attr(img, 'height'))).toBe(true);
      expect(attr(select('figure.chapter-image img', tree), 'width')).toBe(1800);
    }
  });

  test('epub: images are files of the package, in the manifest, WebP given as PNG', async () => {
    for (const lang of languages) {
      const images = epub[lang].names.filter((name) => name.startsWith('OEBPS/images/') && !name.endsWith('/'));
      expect(images.map((name) => name.replace(/-[0-9a-f]{8}\./, '.'))).toEqual(
        expect.arrayContaining(['OEBPS/images/banner.jpg', 'OEBPS/images/team.png', 'OEBPS/images/office.jpg', 'OEBPS/images/whiteboard.png', 'OEBPS/images/chart.svg']),
      );
      expect(images).toHaveLength(5);
      const opf = await epub[lang].text('OEBPS/content.opf');
      for (const image of images) {
        const href = image.replace('OEBPS/', '');
        const type = { jpg: 'image/jpeg', png: 'image/png', svg: 'image/svg+xml' }[href.split('.').pop()!];
        expect(opf).toContain(`href="${href}" media-type="${type}"`);
      }
      const doc = await epub[lang].doc('notes.xhtml');
      const sources = selectAll('img', doc).map((img) => String(attr(img, 'src')));
      expect(sources.every((src) => images.includes(`OEBPS/${src}`))).toBe(true);
      expect(sources).toHaveLength(4);
    }
  });

  test('print: photos are embedded at their full resolution; the SVG stays vector', async () => {
    requireTool('pdfimages', ['-v'], 'apt-get install -y poppler-utils');
    const { stdout } = await run('pdfimages', ['-list', pdf.en.file]);
    const sizes = stdout.split('\n').slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/)).filter((cols) => cols[2] === 'image').map((cols) => `${cols[3]}x${cols[4]}`);
    expect(sizes.sort()).toEqual(['1000x1000', '1200x800', '1600x900', '1800x600']);
    expect(pdf.en.text).toMatch(/Our team, spring 2026/);
  });

  test('a missing, a remote and a site-absolute unmapped image are errors at their place; the other edition still builds', async () => {
    const { mkdirSync, writeFileSync, cpSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-bad-images-'));
    try {
      cpSync(path.join(repoRoot, 'test/fixtures/features'), dir, { recursive: true });
      mkdirSync(path.join(dir, 'chapters/en'), { recursive: true });
      writeFileSync(
        path.join(dir, 'chapters/en/tables.md'),
        ['---', 'title: Broken', 'image: /photos/hero.jpg', '---', '', 'Text.', '', '![Gone](../../images/gone.png)', '', 'Inline ![remote](https://example.com/a.png) image.', ''].join('\n'),
      );
      const bad = await build(path.join(dir, 'book.yaml'), { outDir: path.join(dir, 'dist'), formats: ['html', 'epub'] });
      expect(bad.failed).toEqual(['en']);
      expect(bad.written.map((event) => path.basename(event.path)).sort()).toEqual(['features-fr.epub', 'features-fr.html']);
      const lines = formatMessages(bad.files).filter((line) => line.includes('chapters/en/tables.md'));
      expect(lines).toEqual([
        expect.stringMatching(/tables\.md:3:8\s+warning\s+Chapter image \/photos\/hero\.jpg is site-absolute: map its folder in book\.yaml's `assets`/),
        expect.stringMatching(/tables\.md:8:1\s+error\s+Image \.\.\/\.\.\/images\/gone\.png not found at .*images\/gone\.png: fix the path/),
        expect.stringMatching(/tables\.md:10:8\s+error\s+Image https:\/\/example\.com\/a\.png is remote/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('features: code', () => {
  test('html and epub: highlighted at build time, text exactly as typed, no script', async () => {
    for (const lang of languages) {
      for (const tree of [html[lang], await epub[lang].doc('code.xhtml')]) {
        const blocks = selectAll('pre > code', tree);
        expect(blocks.map((code) => (attr(code, 'className') as string[]).filter((name) => name !== 'hljs'))).toEqual([['language-ts'], ['language-python'], ['language-sh'], ['language-text']]);
        expect(texts(selectAll('.hljs-keyword', blocks[0]!))).toEqual(expect.arrayContaining(['export', 'function', 'return']));
        expect(texts(selectAll('.hljs-comment', blocks[1]!))).toEqual(['# percent']);
        expect(selectAll('span', blocks[3]!)).toEqual([]);
        expect(toString(blocks[0]!)).toContain('// Quotes in code stay "straight" -- and so do dashes...');
        expect(selectAll('script', tree)).toEqual([]);
      }
    }
  });

  test('the monospace font is embedded in every edition', async () => {
    for (const lang of languages) {
      const css = toString(select('style', html[lang])!);
      expect(css).toMatch(/font-family: 'JetBrains Mono';[\s\S]*?src: url\(data:font\/woff2;base64,/);
      expect(epub[lang].names).toContain('OEBPS/fonts/jetbrains-mono-latin-400-normal.woff2');
      const fonts = await pdfFonts(pdf[lang].file);
      expect(fonts.filter((font) => /JetBrainsMono/.test(font.name)).map((font) => [font.type, font.embedded])).toEqual(
        expect.arrayContaining([['CID TrueType', true]]),
      );
      expect(fonts.every((font) => font.embedded && font.type !== 'Type 3')).toBe(true);
    }
  });

  test('print: a line too long for the page wraps instead of running off it', () => {
    const words = pdf.en.words.filter((word) => word.word.includes('a-very-long') || word.word.includes('fit'));
    expect(words.length).toBeGreaterThan(0);
    const line = pdf.en.words.find((word) => word.word === 'npx')!;
    const last = pdf.en.words.find((word) => word.word.endsWith('not-fit') || word.word === 'fit')!;
    expect(last.yMin).toBeGreaterThan(line.yMin + 5);
  });
});

describe('features: callouts', () => {
  const titles = { en: ['Note', 'Tip', 'Important', 'Warning', 'Caution'], fr: ['Remarque', 'Astuce', 'Important', 'Avertissement', 'Attention'] };

  test('html and epub: each kind is an aside with a localized title; a plain quotation stays a blockquote', async () => {
    for (const lang of languages) {
      for (const tree of [html[lang], await epub[lang].doc('code.xhtml')]) {
        const callouts = selectAll('aside.callout', tree);
        expect(callouts.map((aside) => [(attr(aside, 'className') as string[])[1], attr(aside, 'role'), toString(select('.callout-title', aside)!)])).toEqual(
          ['note', 'tip', 'important', 'warning', 'caution'].map((kind, index) => [`callout-${kind}`, 'note', titles[lang][index]]),
        );
        expect(callouts.every((aside) => !toString(aside).includes('[!'))).toBe(true);
        expect(texts(selectAll('blockquote', tree)).filter((text) => /quotation|citation/.test(text))).toHaveLength(1);
      }
    }
  });

  test('print: the titles are printed before their text', () => {
    for (const lang of languages) {
      const text = pdf[lang].text.replace(/\s+/g, ' ');
      expect(text).toContain(lang === 'en' ? 'Note Notes add context' : 'Remarque Les notes ajoutent');
      expect(text).toContain(lang === 'en' ? 'Caution Never share' : 'Attention Ne partagez');
    }
  });
});

describe('features: smart typography', () => {
  test('english: curly quotes, en dashes and an ellipsis, never inside code', () => {
    const paragraph = toString(selectAll('p', html.en).find((p) => toString(p).startsWith('Plans compared'))!);
    expect(paragraph).toContain('with “straight quotes” that become curly, a dash – like this – and an\nellipsis… all outside "code"');
    expect(pdf.en.text.replace(/\s+/g, ' ')).toContain('“straight quotes”');
  });

  test('french: guillemets with narrow no-break spaces, and no-break spaces before ; : ! ?', async () => {
    for (const tree of [html.fr, await epub.fr.doc('tables.xhtml')]) {
      const paragraph = toString(selectAll('p', tree).find((p) => toString(p).startsWith('Les formules'))!);
      expect(paragraph).toContain('des «\u202Fguillemets droits\u202F» qui');
      expect(paragraph).toContain('Vraiment\u202F? Oui\u202F! Attention\u00A0: jamais');
      expect(toString(tree)).toContain('L’envoyer à l’éditeur');
      expect(toString(selectAll('p', tree).find((p) => toString(p).startsWith('Les liens automatiques'))!)).toContain('aussi\u00A0: https://example.com/agence');
    }
    expect(pdf.fr.text).toMatch(/«\s?guillemets droits\s?»/);
  });
});

describe('features: raw HTML', () => {
  test('kept as well-formed markup in html and epub, minus what would run', async () => {
    for (const lang of languages) {
      const xhtml = await epub[lang].text('OEBPS/code.xhtml');
      expect(xhtml).toMatch(/<br\/>|<br><\/br>/);
      for (const tree of [html[lang], fromHtml(xhtml)]) {
        expect(texts(selectAll('kbd', tree))).toEqual(['Ctrl', 'P']);
        expect(attr(select('abbr', tree), 'title')).toBe('Statement of Work');
        expect(select('details > summary', tree)).toBeDefined();
        const box = select('div.aside-box', tree)!;
        expect(Object.keys(box.properties).filter((name) => name !== 'xmlns')).toEqual(['className']);
        expect(selectAll('script', tree)).toEqual([]);
        expect(selectAll('a', tree).some((a) => String(attr(a, 'href') ?? '').startsWith('javascript:'))).toBe(false);
      }
    }
  });

  test('print: the content of <details> is printed', () => {
    expect(pdf.en.text).toContain('Invoices are due in 30 days.');
    expect(pdf.fr.text).toContain('Les factures sont payables à 30 jours.');
  });
});

describe('features: cross-references', () => {
  const anchor = { en: 'highlighted-code', fr: 'code-coloré' };

  test('html: links to another chapter’s section and to a chapter by its site URL land on their ids', () => {
    for (const lang of languages) {
      const links = selectAll('a', html[lang]).filter((a) => /highlighting rules|règles de coloration|whole chapter|chapitre entier/.test(toString(a)));
      expect(links.map((a) => attr(a, 'href'))).toEqual([`#${anchor[lang]}`, '#tables']);
      expect(select(`h3[id="${anchor[lang]}"], h4[id="${anchor[lang]}"]`, html[lang])).toBeDefined();
    }
  });

  test('epub: the same links point into the other chapters’ files', async () => {
    for (const lang of languages) {
      const doc = await epub[lang].doc('notes.xhtml');
      const links = selectAll('a', doc).filter((a) => /highlighting rules|règles de coloration|whole chapter|chapitre entier/.test(toString(a)));
      expect(links.map((a) => attr(a, 'href'))).toEqual([`code.xhtml#${anchor[lang]}`, 'tables.xhtml']);
      expect(select(`[id="${anchor[lang]}"]`, await epub[lang].doc('code.xhtml'))).toBeDefined();
    }
  });

  test('print: the links go to the pages of the section and of the chapter', () => {
    for (const lang of languages) {
      const links = pdf[lang].links.filter((link) => link.dest === anchor[lang] || link.dest === encodeURIComponent(anchor[lang]) || (link.dest === 'tables' && link.page > 3));
      const section = links.find((link) => link.dest !== 'tables')!;
      expect(section.destPage).toBe(pageWith(lang, lang === 'en' ? /^\s*Highlighted code\s*$/m : /^\s*Code coloré\s*$/m));
      expect(links.find((link) => link.dest === 'tables')!.destPage).toBe(pageWith(lang, lang === 'en' ? /^\s*Tables and Lists\s*$/m : /^\s*Tableaux et listes\s*$/m));
    }
  });
});
