import { describe, expect, test } from '@jest/globals';
import { h } from 'hastscript';
import { epubDocuments, fileOfEachId } from '../../../../src/targets/epub/documents.js';
import { chapter, edition } from '../../../support/chapters.js';

function book() {
  const preface = chapter('preface', [h('p', [h('a', { href: '#details' }, 'see details'), ' and ', h('a', { href: '#one' }, 'chapter one')])], { role: 'front', title: 'Preface' });
  const opener = chapter('beginnings', [h('p', 'Where it starts.')], { role: 'opener', title: 'Beginnings' });
  const one = chapter('one', [h('h2', { id: 'details' }, 'Details'), h('p', [h('a', { href: '#details' }, 'here')])], { number: 1, title: 'One' });
  one.ids.add('details');
  const two = chapter('two', [h('p', 'Two.')], { number: 2, title: 'Two' });
  const after = chapter('afterword', [h('p', 'Bye.')], { role: 'back', title: 'Afterword' });
  return edition(
    [preface],
    [
      { number: 1, id: 'beginnings', title: 'Beginnings', opener, chapters: [one] },
      { number: 2, id: 'part-2', title: 'Further', chapters: [two] },
    ],
    [after],
  );
}

describe('epubDocuments', () => {
  test('cover, title and copyright pages, then parts and chapters in reading order, each with its matter and label', () => {
    const documents = epubDocuments(book(), true);
    expect(documents.map(({ filename, template, matter, label, beforeToc }) => [filename, template, matter, label ?? null, beforeToc])).toEqual([
      ['cover.xhtml', 'cover', 'frontmatter', null, true],
      ['title-page.xhtml', 'title-page', 'frontmatter', null, true],
      ['copyright.xhtml', 'copyright', 'frontmatter', null, true],
      ['preface.xhtml', 'chapter', 'frontmatter', null, false],
      ['beginnings.xhtml', 'part', 'bodymatter', 'Part 1', false],
      ['one.xhtml', 'chapter', 'bodymatter', 'Chapter 1', false],
      ['part-2.xhtml', 'part', 'bodymatter', 'Part 2', false],
      ['two.xhtml', 'chapter', 'bodymatter', 'Chapter 2', false],
      ['afterword.xhtml', 'chapter', 'backmatter', null, false],
    ]);
    expect(epubDocuments(book(), false)[0]!.filename).toBe('title-page.xhtml');
  });

  test('links between chapters point at the file that holds the id; links inside a file stay fragments', () => {
    const documents = new Map(epubDocuments(book(), false).map((document) => [document.id, document]));
    expect(documents.get('preface')!.body).toContain('href="one.xhtml#details"');
    expect(documents.get('preface')!.body).toContain('href="one.xhtml"');
    expect(documents.get('one')!.body).toContain('href="#details"');
  });

  test('the numbered chapters of a book without parts are body matter, its front matter front matter', () => {
    const preface = chapter('preface', [h('p', 'Before.')], { role: 'front', title: 'Preface' });
    const only = chapter('only', [h('p', 'Text.')], { number: 1, title: 'Only' });
    expect(epubDocuments(edition([preface], [], [], [only]), false).slice(-2).map(({ filename, matter, label }) => [filename, matter, label ?? null])).toEqual([
      ['preface.xhtml', 'frontmatter', null],
      ['only.xhtml', 'bodymatter', 'Chapter 1'],
    ]);
  });

  test('every id of the edition maps to its file, parts without an opener to their own', () => {
    expect(Object.fromEntries(fileOfEachId(book()))).toEqual({
      beginnings: 'beginnings.xhtml',
      'part-2': 'part-2.xhtml',
      preface: 'preface.xhtml',
      one: 'one.xhtml',
      details: 'one.xhtml',
      two: 'two.xhtml',
      afterword: 'afterword.xhtml',
    });
  });
});
