import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/index.js';
import { builtBook, buildsRoot, type BuiltBook } from '../support/books.js';
import { guideLanguages, guideReadingOrder } from '../support/corpus.js';
import { calibreTexts, epubcheckAll, readEpub } from '../support/epub.js';
import { corpusAvailable, corpusRoot, repoRoot } from '../support/tools.js';

const manifest = path.join(repoRoot, 'book.yaml');
const languages = guideLanguages;
const readingOrder = guideReadingOrder;
const partOpeners = ['building-momentum', 'working-with-humans', 'run-things-effectively'];

/**
 * The EPUB of every one of the 16 languages, built once by the tier's global setup from the
 * repaired copy of the sources (see repairedCorpus and guide-builds.ts). Ace checks the same
 * files in epub-ace.test.ts, beside this file rather than after it.
 */
const describeCorpus = corpusAvailable || process.env.CI === 'true' ? describe : describe.skip;

describeCorpus(`EPUB editions of the whole guide${corpusAvailable ? '' : ' (skipped: ../shared/corpora/agency-success-guide not found)'}`, () => {
  let epub: BuiltBook;
  let source: string;

  beforeAll(() => {
    if (!corpusAvailable) throw new Error(`The corpus is missing at ${corpusRoot}; CI must have ../shared beside the repository`);
    epub = builtBook('epub', 'FOLIO_TEST_CORPUS');
    source = path.join(buildsRoot('FOLIO_TEST_CORPUS'), 'sources/{lang}/insights/{slug}.md');
  });

  const file = (lang: string) => epub.file(lang, 'epub');

  test('all 16 editions are written, without an error', () => {
    expect(epub.lines.filter((line) => line.includes('  error  '))).toEqual([]);
    expect(epub.failed).toEqual([]);
    expect(epub.written.map((event) => event.lang)).toEqual(languages);
  });

  test('EPUBCheck: 0 errors and 0 warnings in all 16 editions (one JVM)', async () => {
    const results = await epubcheckAll(languages.map(file));
    expect(results.map((result, index) => ({ lang: languages[index], ...result })).filter((result) => result.fatals + result.errors + result.warnings > 0)).toEqual([]);
  }, 20 * 60 * 1000);

  test('the nav lists front matter, three parts with their chapters, and back matter, in order', async () => {
    for (const lang of languages) {
      const nav = await (await readEpub(file(lang))).text('OEBPS/toc.xhtml');
      const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('epub:type="landmarks"'));
      const expected = lang === 'km' ? readingOrder.filter((slug) => slug !== 'delegation-entrepreneurship') : readingOrder;
      expect([...toc.matchAll(/href="([^"]+)\.xhtml"/g)].map((match) => match[1])).toEqual(expected);
      expect([...toc.matchAll(/<li class="toc-part"><a href="([^"]+)\.xhtml"/g)].map((match) => match[1])).toEqual(partOpeners);
      // Each part's <ol> holds its three chapters (two in km's second part).
      const parts = toc
        .split('<li class="toc-part">')
        .slice(1)
        .map((part) => [...part.slice(0, part.indexOf('</ol>')).matchAll(/<li class="toc-chapter">/g)].length);
      expect(parts).toEqual(lang === 'km' ? [3, 2, 3] : [3, 3, 3]);
    }
  });

  test('every link between chapters resolves to a document and an id that exist', async () => {
    for (const lang of languages) {
      const epub = await readEpub(file(lang));
      const documents = new Map<string, string>();
      for (const name of Object.keys(epub.zip.files).filter((entry) => entry.endsWith('.xhtml'))) {
        documents.set(path.basename(name), await epub.text(name));
      }
      let links = 0;
      for (const [name, text] of documents) {
        for (const [, href] of text.matchAll(/<a [^>]*href="([^"]+)"/g)) {
          if (/^[a-z]+:/.test(href!)) {
            expect(href).not.toMatch(/^https:\/\/www\.blue\.cc\/insights\/(introduction|no-rules-here|cash-is-king|effective-project-management|nurturing-top-talent)$/);
            continue;
          }
          const [target, fragment] = href!.split('#');
          const document = target ? documents.get(target) : text;
          if (!document) throw new Error(`${lang}: ${name} links to ${href}, which is not in the EPUB`);
          if (fragment) expect(document).toContain(` id="${fragment}"`);
          links++;
        }
      }
      expect(links).toBeGreaterThan(10);
    }
  });

  test('two builds of the same sources give identical bytes', async () => {
    const again = mkdtempSync(path.join(tmpdir(), 'folio-corpus-epub-'));
    await build(manifest, { formats: ['epub'], source, outDir: again, languages: ['en', 'ja', 'km'] });
    for (const lang of ['en', 'ja', 'km']) {
      expect(readFileSync(path.join(again, `agency-success-guide-${lang}.epub`)).equals(readFileSync(file(lang)))).toBe(true);
    }
  });

  test('calibre reads every edition and finds every chapter title in it', async () => {
    const texts = await calibreTexts(languages.map(file));
    languages.forEach((lang, index) => {
      const content = texts[index]!.replace(/\s+/g, ' ');
      // The titles of the chapters as the build loaded them from the sources.
      const titles = (epub.titles[lang] ?? []).map((title) => title.replace(/\s+/g, ' '));
      expect([lang, titles.length]).toEqual([lang, lang === 'km' ? 16 : 17]);
      expect([lang, titles.filter((title) => !content.includes(title))]).toEqual([lang, []]);
    });
  });
});
