import { describe, expect, test } from '@jest/globals';
import { builtBook } from '../support/books.js';
import { aceAll, epubcheckAll } from '../support/epub.js';
import { validateHtml } from '../support/validators.js';

/**
 * Every EPUB and every HTML edition of the shared fixture builds, checked by the real
 * validators, each validator started once for all of them: EPUBCheck in one JVM, Ace in one
 * Node process with one Chromium, the Nu HTML Checker in one JVM. (axe-core runs in the
 * files that open the pages: html.test.ts, features.test.ts.)
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

  test('Ace by DAISY: nothing serious or critical in any EPUB', async () => {
    const files = editions('epub');
    const findings = await aceAll(files);
    const serious = findings.flatMap((list, index) => list.map((finding) => ({ file: files[index], ...finding }))).filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
    expect(serious).toEqual([]);
  });

  test('Nu HTML Checker: no error in any HTML edition', async () => {
    expect(await validateHtml(editions('html'))).toEqual([]);
  });
});
