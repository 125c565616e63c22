import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/index.js';
import { builtBook } from '../support/books.js';
import { readEpub } from '../support/epub.js';
import { repoRoot } from '../support/tools.js';

const miniManifest = path.join(repoRoot, 'test/fixtures/mini/book.yaml');

async function buildMini(env: Record<string, string | undefined> = {}): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'folio-epub-'));
  const saved = process.env.SOURCE_DATE_EPOCH;
  if ('SOURCE_DATE_EPOCH' in env) process.env.SOURCE_DATE_EPOCH = env.SOURCE_DATE_EPOCH;
  try {
    const result = await build(miniManifest, { formats: ['epub'], outDir: out });
    expect(result.written.map((event) => path.basename(event.path))).toEqual(['mini-en.epub', 'mini-nl.epub']);
  } finally {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  }
  return out;
}

/** The shared build of the mini book (without SOURCE_DATE_EPOCH); EPUBCheck and Ace check it in validators.test.ts. */
const mini = builtBook('mini');
const file = (lang: string) => mini.file(lang, 'epub');

describe('epub target', () => {
  test('the zip starts with an uncompressed mimetype and holds one document per chapter', async () => {
    const bytes = readFileSync(file('en'));
    expect(bytes.subarray(30, 38).toString()).toBe('mimetype');
    expect(bytes.subarray(38, 58).toString()).toBe('application/epub+zip');
    const { zip } = await readEpub(file('en'));
    expect(Object.keys(zip.files).filter((name) => name.endsWith('.xhtml')).sort()).toEqual(
      ['afterword', 'beginnings', 'copyright', 'cover', 'first-steps', 'further', 'part-2', 'preface', 'second-steps', 'title-page', 'toc']
        .map((name) => `OEBPS/${name}.xhtml`),
    );
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['OEBPS/cover.png', 'OEBPS/toc.ncx', 'OEBPS/fonts/inter-latin-wght-normal.woff2']));
  });

  test('package metadata: language, identifier, titles, creators, dates and accessibility', async () => {
    const opf = await (await readEpub(file('nl'))).text('OEBPS/content.opf');
    expect(opf).toContain('xml:lang="nl"');
    expect(opf).toContain('<dc:language>nl</dc:language>');
    expect(opf).toMatch(/<dc:identifier id="pub-id">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
    expect(opf).toContain('<dc:title id="title">Het Kleine Boek</dc:title>');
    expect(opf).toContain('<meta refines="#subtitle" property="title-type">subtitle</meta>');
    expect(opf).toContain('<dc:creator id="creator-2">Ben Writer</dc:creator>');
    expect(opf).toContain('<meta refines="#creator-1" property="role" scheme="marc:relators">aut</meta>');
    expect(opf).toContain('<dc:publisher>Folio Test Press</dc:publisher>');
    expect(opf).toContain('<dc:date>2026-01-15</dc:date>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-01-15T00:00:00Z</meta>');
    for (const property of ['accessMode', 'accessModeSufficient', 'accessibilityFeature', 'accessibilityHazard', 'accessibilitySummary']) {
      expect(opf).toContain(`<meta property="schema:${property}">`);
    }
    expect(opf).toContain('properties="cover-image"');
  });

  test('the nav nests chapters under their parts, in reading order, with landmarks', async () => {
    const nav = await (await readEpub(file('en'))).text('OEBPS/toc.xhtml');
    const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('epub:type="landmarks"'));
    const hrefs = [...toc.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(['preface.xhtml', 'beginnings.xhtml', 'first-steps.xhtml', 'second-steps.xhtml', 'part-2.xhtml', 'further.xhtml', 'afterword.xhtml']);
    expect(toc).toMatch(/<li class="toc-part"><a href="beginnings.xhtml"><span class="toc-label">Part 1<\/span> Beginnings<\/a>\s*<ol>\s*<li class="toc-chapter"><a href="first-steps.xhtml"><span class="toc-label">Chapter 1<\/span> First Steps/);
    const landmarks = nav.slice(nav.indexOf('epub:type="landmarks"'));
    expect([...landmarks.matchAll(/epub:type="([a-z]+)" href="([^"]+)"/g)].map((match) => `${match[1]} ${match[2]}`)).toEqual([
      'cover cover.xhtml',
      'toc toc.xhtml#toc',
      'bodymatter beginnings.xhtml',
    ]);
    const ncx = await (await readEpub(file('en'))).text('OEBPS/toc.ncx');
    expect([...ncx.matchAll(/<content src="([^"]+)"\/>/g)].map((match) => match[1])).toEqual(hrefs);
  });

  test('every document has the edition language and its epub:type; chapters have their label', async () => {
    const epub = await readEpub(file('nl'));
    const chapter = await epub.text('OEBPS/first-steps.xhtml');
    expect(chapter).toContain('xml:lang="nl" lang="nl"');
    expect(chapter).toContain('<body epub:type="bodymatter">');
    expect(chapter).toContain('<section epub:type="chapter" role="doc-chapter" id="first-steps"');
    expect(chapter).toContain('<p class="chapter-label">Hoofdstuk 1</p>');
    expect(await epub.text('OEBPS/beginnings.xhtml')).toContain('<section epub:type="part" role="doc-part" id="beginnings"');
    expect(await epub.text('OEBPS/preface.xhtml')).toContain('<body epub:type="frontmatter">');
    expect(await epub.text('OEBPS/afterword.xhtml')).toContain('<body epub:type="backmatter">');
    expect(await epub.text('OEBPS/cover.xhtml')).toContain('<img role="doc-cover" src="cover.png" alt="');
  });

  test('links between chapters point at the document and id that exist', async () => {
    const epub = await readEpub(file('en'));
    const documents = new Map<string, string>();
    for (const name of Object.keys(epub.zip.files).filter((entry) => entry.endsWith('.xhtml'))) {
      documents.set(path.basename(name), await epub.text(name));
    }
    const ids = (text: string) => new Set([...text.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]));
    const internal: string[] = [];
    for (const [name, text] of documents) {
      for (const [, href] of text.matchAll(/<a [^>]*href="([^"]+)"/g)) {
        if (/^[a-z]+:/.test(href!)) continue;
        const [target, fragment] = href!.split('#');
        const document = target ? documents.get(target) : text;
        expect(document).toBeDefined();
        if (fragment) expect(ids(document!)).toContain(fragment);
        internal.push(`${name} → ${href}`);
      }
    }
    expect(internal).toEqual(expect.arrayContaining([
      'preface.xhtml → first-steps.xhtml',
      'preface.xhtml → afterword.xhtml#thanks',
      'preface.xhtml → #overview',
      'preface.xhtml → first-steps.xhtml#first-steps-overview',
      'second-steps.xhtml → first-steps.xhtml#details',
    ]));
  });

  test('the same sources give the same bytes; SOURCE_DATE_EPOCH changes the modification date', async () => {
    const again = await buildMini({ SOURCE_DATE_EPOCH: undefined });
    const later = await buildMini({ SOURCE_DATE_EPOCH: '1767312000' }); // 2026-01-02T00:00:00Z
    expect(readFileSync(path.join(again, 'mini-en.epub')).equals(readFileSync(file('en')))).toBe(true);
    expect(readFileSync(path.join(later, 'mini-en.epub')).equals(readFileSync(file('en')))).toBe(false);
    const opf = await (await readEpub(path.join(later, 'mini-en.epub'))).text('OEBPS/content.opf');
    expect(opf).toContain('<meta property="dcterms:modified">2026-01-02T00:00:00Z</meta>');
  });

  test('without SOURCE_DATE_EPOCH the manifest date is the modification date', async () => {
    const opf = await (await readEpub(file('en'))).text('OEBPS/content.opf');
    expect(opf).toContain('<meta property="dcterms:modified">2026-01-15T00:00:00Z</meta>');
  });
});
