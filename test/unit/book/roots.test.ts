import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BookRoots, patternFolder } from '../../../src/book/roots.js';

let top: string;
let book: string;
beforeAll(() => {
  top = realpathSync(mkdtempSync(path.join(tmpdir(), 'folio-roots-')));
  book = path.join(top, 'book');
  mkdirSync(path.join(book, 'chapters'), { recursive: true });
  mkdirSync(path.join(top, 'shared'));
  writeFileSync(path.join(top, 'secret.txt'), 'secret');
  writeFileSync(path.join(top, 'shared', 'art.png'), 'png');
  writeFileSync(path.join(book, 'chapters', 'one.md'), '# One');
  symlinkSync('../../secret.txt', path.join(book, 'chapters', 'escape.md'));
  symlinkSync('one.md', path.join(book, 'chapters', 'alias.md'));
  symlinkSync(top, path.join(book, 'up'));
  mkdirSync(path.join(book, 'chapters', 'folder.md'));
});
afterAll(() => rmSync(top, { recursive: true, force: true }));

describe('BookRoots', () => {
  test('a file inside the book passes, as its real path, links within the book included', () => {
    const roots = new BookRoots([book]);
    expect(roots.check(path.join(book, 'chapters/one.md'))).toEqual({ ok: true, path: path.join(book, 'chapters/one.md') });
    expect(roots.check(path.join(book, 'chapters/alias.md'))).toEqual({ ok: true, path: path.join(book, 'chapters/one.md') });
  });

  test('../, absolute paths and links out of the book are refused, saying where they lead', () => {
    const roots = new BookRoots([book]);
    for (const file of [path.join(book, '../secret.txt'), path.join(top, 'secret.txt'), path.join(book, 'up/secret.txt'), '/etc/passwd']) {
      const result = roots.check(file);
      expect(result).toMatchObject({ ok: false, missing: false, problem: expect.stringContaining("outside the book's folders") });
    }
    expect(roots.check(path.join(book, 'chapters/escape.md'))).toMatchObject({ ok: false, problem: expect.stringContaining(`${path.join(top, 'secret.txt')}, where its links lead`) });
  });

  test('/proc/self/environ and its like are outside any book', () => {
    expect(new BookRoots([book]).check('/proc/self/environ')).toMatchObject({ ok: false, missing: false });
  });

  test('a folder named as a root is readable; a sibling whose name starts the same is not', () => {
    mkdirSync(path.join(top, 'book-evil'), { recursive: true });
    writeFileSync(path.join(top, 'book-evil', 'x.md'), 'x');
    const roots = new BookRoots([book, path.join(top, 'shared')]);
    expect(roots.check(path.join(top, 'shared/art.png')).ok).toBe(true);
    expect(roots.check(path.join(top, 'book-evil/x.md')).ok).toBe(false);
  });

  // A FIFO chapter is a hostile case (test/hostile/chapter-fifo), made with mkfifo there: a unit test starts no process.
  test('folders and devices are refused without being opened; a missing file says so', () => {
    const roots = new BookRoots([book]);
    expect(roots.check(path.join(book, 'chapters/folder.md'))).toEqual({ ok: false, missing: false, problem: 'a folder, not a file' });
    expect(new BookRoots(['/dev']).check('/dev/null')).toEqual({ ok: false, missing: false, problem: 'not a regular file (a device, FIFO or socket)' });
    expect(roots.check(path.join(book, 'chapters/none.md'))).toMatchObject({ ok: false, missing: true });
    expect(roots.check(path.join(book, 'chapters'), 'folder')).toEqual({ ok: true, path: path.join(book, 'chapters') });
  });

  test('require() throws a FolioError where there is no place to report', () => {
    expect(() => new BookRoots([book]).require(path.join(top, 'secret.txt'), 'the stylesheet')).toThrow(/Cannot read the stylesheet .*outside the book's folders/);
  });
});

test('patternFolder: the folder before the first placeholder of a --source pattern', () => {
  expect(patternFolder('/a/content/{lang}/insights/{slug}.md')).toBe('/a/content/');
  expect(patternFolder('/a/content/{slug}.md')).toBe('/a/content/');
  expect(patternFolder('/a/content/x-{lang}/{slug}.md')).toBe('/a/content');
});
