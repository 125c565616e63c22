import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtBook } from '../support/books.js';
import { aceAll, epubcheckAll, readEpub } from '../support/epub.js';
import { launchBrowser } from '../support/browser.js';
import { axeViolations, recordedPage, validateHtml } from '../support/validators.js';

/**
 * Every EPUB and every HTML edition of the shared fixture builds, checked by the real
 * validators, each validator started once for all of them: EPUBCheck in one JVM, Ace in one
 * Node process with one Chromium, the Nu HTML Checker in one JVM. (axe-core runs in the
 * files that open the pages: html.test.ts, features.test.ts; here only on a spoiled page,
 * to show that the way it is run still finds faults.)
 */
const books = ['mini', 'features', 'code-book'].map((name) => builtBook(name));
const editions = (format: 'epub' | 'html') =>
  books.flatMap((book) => book.written.filter((event) => event.format === format).map((event) => event.path));

describe('validators over every fixture edition', () => {
  test('the fixtures have the editions the validators are meant to see', () => {
    expect(editions('epub').map((file) => file.split('/').pop())).toEqual(['mini-en.epub', 'mini-nl.epub', 'features-en.epub', 'features-fr.epub', 'code-book-en.epub']);
    expect(editions('html')).toHaveLength(5);
  });

  test('EPUBCheck: no fatal, no error and no warning in any EPUB', async () => {
    const files = editions('epub');
    const results = await epubcheckAll(files);
    expect(results.map((result, index) => ({ file: files[index], ...result })).filter((result) => result.fatals + result.errors + result.warnings > 0)).toEqual([]);
  });

  test('Ace by DAISY: nothing serious or critical in any EPUB; in a spoiled copy, what was spoiled', async () => {
    const files = editions('epub');
    // The batch checks documents in tabs that earlier documents used (ace-batch.cjs): a copy
    // of an edition with an image without alt text in its first and last documents, checked
    // in the same run, shows that every document is still checked on its own.
    const { zip } = await readEpub(files[0]!);
    const documents = Object.keys(zip.files).filter((name) => name.endsWith('.xhtml') && !/(^|\/)(toc|nav|cover)\.xhtml$/.test(name)).sort();
    const spoiled = [documents[0]!, documents.at(-1)!];
    for (const name of spoiled) zip.file(name, (await zip.file(name)!.async('string')).replace('</body>', '<p><img src="spoiled.png"/></p></body>'));
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'folio-ace-spoiled-')), 'spoiled.epub');
    writeFileSync(copy, await zip.generateAsync({ type: 'uint8array', mimeType: 'application/epub+zip' }));

    const findings = await aceAll([...files, copy]);
    const serious = (list: (typeof findings)[number]) => list.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
    expect(findings.slice(0, files.length).flatMap((list, index) => serious(list).map((finding) => ({ file: files[index], ...finding })))).toEqual([]);
    const found = serious(findings.at(-1)!).map((finding) => [path.basename(finding.document ?? ''), finding.rule]);
    expect(found.sort()).toEqual(spoiled.map((name) => [path.basename(name), 'image-alt']).sort());
  });

  test('axe-core, as the tests run it, finds every fault added to a copy of an HTML edition', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await recordedPage(browser, pathToFileURL(editions('html')[0]!).href);
      await page.evaluate(() => {
        const faults = document.createElement('section');
        faults.innerHTML = [
          '<p style="color:#ddd;background:#fff">Text too pale to read</p>',
          '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
          '<a href="#nowhere"></a>',
          '<ul><li>item</li><div>not an item</div></ul>',
          '<button></button>',
          '<input type="text">',
          '<div role="no-such-role">role</div>',
          '<div aria-hidden="true"><a href="#hidden">focusable but hidden</a></div>',
        ].join('');
        document.querySelector('main')!.append(faults);
      });
      const found = (await axeViolations(page)).map((violation) => violation.id).sort();
      expect(found).toEqual(['aria-hidden-focus', 'aria-roles', 'button-name', 'color-contrast', 'image-alt', 'label', 'link-name', 'list']);
    } finally {
      await browser.close();
    }
  });

  test('Nu HTML Checker: no error in any HTML edition', async () => {
    expect(await validateHtml(editions('html'))).toEqual([]);
  });
});
