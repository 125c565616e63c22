import { expect, test } from '@jest/globals';
import { chapterIdsOf } from '../../../src/book/chapter-ids.js';
import { outlineOf } from '../../../src/book/outline.js';

test('ids from file names whatever their case or punctuation', () => {
  expect(chapterIdsOf(['README.md', 'appendix_a.md', 'ch01-02-x.md', 'apA.md', 'What Is This?.md', 'src/01 Intro.markdown'])).toEqual([
    'readme',
    'appendix_a',
    'ch01-02-x',
    'apa',
    'what-is-this',
    'chapter-01-intro',
  ]);
});

test('unique: a name taken uses its folders, then a number; ids of the book furniture are never taken', () => {
  expect(chapterIdsOf(['README.md', 'part1/README.md', 'part2/README.md', 'x/part1/README.md', 'part1/README.markdown', 'contents.md'])).toEqual([
    'readme',
    'part1-readme',
    'part2-readme',
    'x-part1-readme',
    'readme-2',
    'contents-2',
  ]);
  expect(chapterIdsOf(['intro.md'], ['intro'])).toEqual(['intro-2']);
});

test('stable: the same files in the same order give the same ids', () => {
  const files = ['b/README.md', 'a/README.md', 'README.md'];
  expect(chapterIdsOf(files)).toEqual(chapterIdsOf([...files]));
});

test('contents may list files beside slugs; typed slugs stay as they are', () => {
  const outline = outlineOf({ front: ['README.md'], parts: [{ opener: 'part_one/intro.md', chapters: ['basics', 'Chapter 2.md'] }], back: [] });
  expect(outline.entries.map(({ slug, file, role }) => ({ slug, file, role }))).toEqual([
    { slug: 'readme', file: 'README.md', role: 'front' },
    { slug: 'intro', file: 'part_one/intro.md', role: 'opener' },
    { slug: 'basics', file: undefined, role: 'chapter' },
    { slug: 'chapter-2', file: 'Chapter 2.md', role: 'chapter' },
  ]);
  expect(outline.parts[0]!.opener).toBe('intro');
});

test('a file entry may name its language folder: {lang} is kept for each edition to replace', () => {
  const outline = outlineOf(['{lang}/README.md', '{lang}/intro.md']);
  expect(outline.entries.map(({ slug, file }) => ({ slug, file }))).toEqual([
    { slug: 'readme', file: '{lang}/README.md' },
    { slug: 'intro', file: '{lang}/intro.md' },
  ]);
});
