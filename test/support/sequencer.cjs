'use strict';
/**
 * The order in which Jest starts the test files (jest.config.js, testSequencer). Two
 * workers share the machine with the tiers' shared builds, which run in the background
 * (global-builds.cjs): the run ends when the last file ends, so the files that take
 * longest start first. Jest knows their times only from an earlier run on the same clone
 * and otherwise takes the largest file first, so the slowest files are named here, in the
 * order to start them: those that build their own books before those that wait for the
 * shared builds, which are being made meanwhile. Every other file follows in Jest's own
 * order (longest, or largest, first). A renamed file only loses its place.
 */
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const first = [
  // Their own books, from the start.
  'test/books/hostile.test.ts',
  'test/books/ci-scripts.test.ts',
  'test/books/real-books.test.ts',
  'test/books/preview.test.ts',
  'test/books/cache.test.ts',
  'test/corpus/compare.test.ts',
  // The guide's shared builds: the HTML and the EPUBs are ready first, the PDFs last.
  'test/corpus/epub-ace.test.ts',
  'test/corpus/html.test.ts',
  'test/corpus/epub.test.ts',
  'test/corpus/pdf.test.ts',
];

class TierSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (test) => {
      const index = first.indexOf(path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/'));
      return index === -1 ? first.length : index;
    };
    // Array.prototype.sort is stable: the rest keep Jest's order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = TierSequencer;
