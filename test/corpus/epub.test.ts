import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, formatMessages, loadBook } from '../../src/index.js';
import { guideLanguages, guideReadingOrder, repairedCorpus } from '../support/corpus.js';
import { ace, epubcheck, mapLimit, readEpub } from '../support/epub.js';
import { corpusAvailable, corpusRoot, repoRoot, requireTool } from '../support/tools.js';

const run = promisify(execFile);
const manifest = path.join(repoRoot, 'book.yaml');
const languages = guideLanguages;
const readingOrder = guideReadingOrder;
const partOpeners = ['building-momentum', 'working-with-humans', 'run-things-effectively'];

/** The EPUB of every one of the 16 languages, built from the repaired copy of the sources (see repairedCorpus). */
const describeCorpus = corpusAvailable || process.env.CI === 'true' ? describe : describe.skip;

describeCorpus(`EPUB editions of the whole guide${corpusAvailable ? '' : ' (skipped: ../shared/corpora/agency-success-guide not found)'}`, () => {
  let out: string;
  let source: string;

  beforeAll(async () => {
    if (!corpusAvailable) throw new Error(`The corpus is missing at ${corpusRoot}; CI must have ../shared beside the repository`);
    source = repairedCorpus();
    out = mkdtempSync(path.join(tmpdir(), 'folio-corpus-epub-'));
    const result = await build(manifest, { formats: ['epub'], source, outDir: out });
    expect(formatMessages(result.files).filter((line) => line.includes('  error  '))).toEqual([]);
    expect(result.failed).toEqual([]);
    expect(result.written.map((event) => event.lang)).toEqual(languages);
  });

  const file = (lang: string) => path.join(out, `agency-success-guide-${lang}.epub`);

  test('EPUBCheck: 0 errors and 0 warnings in all 16 editions', async () => {
    const results = await mapLimit(languages, 2, async (lang) => ({ lang, ...(await epubcheck(file(lang))) }));
    expect(results.filter((result) => result.fatals + result.errors + result.warnings > 0)).toEqual([]);
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
    requireTool('ebook-convert', ['--version'], 'apt-get install -y calibre');
    const { book } = await loadBook(manifest, { source });
    await mapLimit(languages, 2, async (lang) => {
      const text = path.join(out, `${lang}.txt`);
      await run('ebook-convert', [file(lang), text], { env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' }, maxBuffer: 64 * 1024 * 1024 });
      const content = readFileSync(text, 'utf8').replace(/\s+/g, ' ');
      const titles = book!.editions.find((edition) => edition.lang === lang)!.chapters.map((chapter) => chapter.title.replace(/\s+/g, ' '));
      expect(titles.length).toBe(lang === 'km' ? 16 : 17);
      expect(titles.filter((title) => !content.includes(title))).toEqual([]);
    });
  });

  test('Ace by DAISY finds nothing serious or critical in any edition', async () => {
    const findings = await mapLimit(languages, 3, async (lang) => (await ace(file(lang))).map((finding) => ({ lang, ...finding })));
    expect(findings.flat().filter((finding) => finding.impact === 'serious' || finding.impact === 'critical')).toEqual([]);
  }, 30 * 60 * 1000);
});
