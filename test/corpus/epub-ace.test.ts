import { describe, expect, test } from '@jest/globals';
import { builtBook } from '../support/books.js';
import { guideLanguages } from '../support/corpus.js';
import { aceAll } from '../support/epub.js';
import { corpusAvailable, corpusRoot } from '../support/tools.js';

/**
 * Ace by DAISY over the EPUB of every one of the 16 languages, the files epub.test.ts
 * checks with EPUBCheck and calibre (built once by the tier's global setup). A file of its
 * own because it is the longest check of the tier: Jest runs it beside the others, on the
 * other worker, instead of after them.
 */
const describeCorpus = corpusAvailable || process.env.CI === 'true' ? describe : describe.skip;

describeCorpus(`Ace on the EPUB editions of the whole guide${corpusAvailable ? '' : ' (skipped: ../shared/corpora/agency-success-guide not found)'}`, () => {
  test('Ace by DAISY finds nothing serious or critical in any edition (one process, one Chromium)', async () => {
    if (!corpusAvailable) throw new Error(`The corpus is missing at ${corpusRoot}; CI must have ../shared beside the repository`);
    const epub = builtBook('epub', 'FOLIO_TEST_CORPUS');
    const findings = (await aceAll(guideLanguages.map((lang) => epub.file(lang, 'epub')))).map((list, index) => list.map((finding) => ({ lang: guideLanguages[index], ...finding })));
    expect(findings.flat().filter((finding) => finding.impact === 'serious' || finding.impact === 'critical')).toEqual([]);
  }, 30 * 60 * 1000);
});
