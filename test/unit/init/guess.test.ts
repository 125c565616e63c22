import { expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../../src/diagnostics/errors.js';
import { guessBook } from '../../../src/init/guess.js';
import { initBook } from '../../../src/init/init.js';
import { parseManifest } from '../../../src/manifest/load.js';
import { repoRoot } from '../../support/tools.js';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures', name);

test('an mdBook: title, authors, language and description from book.toml; contents from src/SUMMARY.md; the mdbook plugin', () => {
  expect(guessBook(fixture('mdbook')).manifest).toEqual({
    slug: 'the-rusty-example-book',
    title: 'The Rusty Example Book',
    author: ['Ferris Crab', 'Grace Hopper'],
    description: "A small mdBook-shaped book for Folio's tests.",
    languages: ['en'],
    contents: { summary: 'src/SUMMARY.md' },
    plugins: ['folio/mdbook'],
  });
});

test('a GitBook: book.json and SUMMARY.md', () => {
  const { manifest, notes } = guessBook(fixture('gitbook'));
  expect(manifest).toMatchObject({ title: 'Field Notes on Gardening', author: 'Ann Gardener', contents: { summary: 'SUMMARY.md' } });
  expect(notes).toEqual(['GitBook book: read book.json', 'contents: from SUMMARY.md']);
});

test('plain chapters: the files in name order (README first, 2 before 10), and every guess said', () => {
  const { manifest, notes } = guessBook(fixture('plain'));
  expect(manifest).toEqual({
    slug: 'a-plain-book',
    title: 'A Plain Book',
    author: 'Unknown author',
    languages: ['en'],
    contents: ['README.md', '01 Getting Started.md', '02_basics.md', '10-Advanced.md'],
  });
  expect(notes.map((note) => note.split(':')[0])).toEqual(['contents', 'title', 'author', 'languages']);
});

test('the book.yaml written is a valid manifest; an existing one is kept unless forced', async () => {
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'folio-init-')), 'book');
  cpSync(fixture('plain'), folder, { recursive: true });
  await initBook(folder);
  const text = readFileSync(path.join(folder, 'book.yaml'), 'utf8');
  const parsed = parseManifest(text, path.join(folder, 'book.yaml'));
  expect(parsed.file.messages.map(String)).toEqual([]);
  expect(parsed.manifest?.contents).toEqual(['README.md', '01 Getting Started.md', '02_basics.md', '10-Advanced.md']);

  writeFileSync(path.join(folder, 'book.yaml'), 'mine');
  await expect(initBook(folder)).rejects.toThrow(/exists already; add --force to replace it/);
  expect(readFileSync(path.join(folder, 'book.yaml'), 'utf8')).toBe('mine');
  await initBook(folder, { force: true });
  expect(readFileSync(path.join(folder, 'book.yaml'), 'utf8')).toBe(text);
  expect(existsSync(path.join(folder, 'dist'))).toBe(false);
});

test("a book.toml that does not parse, or a folder without chapters, is the author's to fix (a UsageError), not a bug", () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'folio-guess-'));
  expect(() => guessBook(folder)).toThrow(UsageError);
  expect(() => guessBook(folder)).toThrow(/^No markdown chapters in /);
  writeFileSync(path.join(folder, 'book.toml'), '[book\ntitle = "Broken"\n');
  expect(() => guessBook(folder)).toThrow(UsageError);
  expect(() => guessBook(folder)).toThrow(/^book\.toml cannot be read as settings: \S/);
  rmSync(folder, { recursive: true, force: true });
});
