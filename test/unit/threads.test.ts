import { expect, test } from '@jest/globals';
import { bytesPerThread, merge, threadsWorth, type ThreadResult } from '../../src/threads.js';
import { formatMessages } from '../../src/diagnostics/report.js';

const manifestMessage = { reason: 'Unknown key `titel`', place: { line: 2, column: 1 }, fatal: true, ruleId: 'manifest-unknown-key', source: 'folio' };
const write = (lang: string, format: 'html' | 'epub') => ({ lang, format, path: `/out/book-${lang}.${format}`, milliseconds: 1, chapters: 2, listed: 2 });

test('the threads\' results merge into one: book.yaml\'s messages once, editions in manifest order, formats in the order asked', () => {
  // Languages dealt out in turn: thread 1 has en and fr, thread 2 nl and de.
  const first: ThreadResult = {
    files: [
      { path: '/book/book.yaml', messages: [manifestMessage] },
      { path: '/book/chapters/fr/a.md', lang: 'fr', messages: [{ reason: 'French', place: { line: 3, column: 1 }, fatal: false, ruleId: 'x' }] },
      { path: '/book/chapters/en/a.md', lang: 'en', messages: [] },
    ],
    written: [write('fr', 'epub'), write('en', 'html'), write('fr', 'html'), write('en', 'epub')],
    failed: [],
    skipped: [],
  };
  const second: ThreadResult = {
    files: [
      { path: '/book/book.yaml', messages: [manifestMessage] },
      { path: '/book/chapters/de/a.md', lang: 'de', messages: [{ reason: 'German', place: { line: 1, column: 2 }, fatal: true, ruleId: 'y' }] },
      { path: '/book/chapters/nl/a.md', lang: 'nl', messages: [] },
    ],
    written: [write('nl', 'html'), write('nl', 'epub')],
    failed: ['de'],
    skipped: [],
  };
  const merged = merge([first, second], ['en', 'nl', 'fr', 'de'], ['html', 'epub']);
  expect(merged.written.map((event) => `${event.lang} ${event.format}`)).toEqual(['en html', 'en epub', 'nl html', 'nl epub', 'fr html', 'fr epub']);
  expect(merged.failed).toEqual(['de']);
  expect(merged.files.map((file) => file.path)).toEqual(['/book/book.yaml', '/book/chapters/en/a.md', '/book/chapters/nl/a.md', '/book/chapters/fr/a.md', '/book/chapters/de/a.md']);
  expect(formatMessages(merged.files, '/book')).toEqual([
    'book.yaml:2:1  error  Unknown key `titel`  manifest-unknown-key',
    'chapters/fr/a.md:3:1  warning  French  x',
    'chapters/de/a.md:1:2  error  German  y',
  ]);
});

test('a book gets the threads its size is worth: one until each thread has its share of markdown, never more than asked', () => {
  expect(threadsWorth(0, 4)).toBe(1);
  // The mini fixture (2 editions, 56 kB) and six of the guide's editions (1.2 MB): one thread.
  expect(threadsWorth(56_000, 2)).toBe(1);
  expect(threadsWorth(1_200_000, 2)).toBe(1);
  // All 16 editions of the guide (3.6 MB): two on two cores, two of four asked.
  expect(threadsWorth(3_600_000, 2)).toBe(2);
  expect(threadsWorth(3_600_000, 4)).toBe(2);
  expect(threadsWorth(100 * bytesPerThread, 4)).toBe(4);
  expect(threadsWorth(100 * bytesPerThread, 1)).toBe(1);
});
