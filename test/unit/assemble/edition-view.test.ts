import { describe, expect, test } from '@jest/globals';
import type { Element } from 'hast';
import { h } from 'hastscript';
import { editionView, entriesOf } from '../../../src/assemble/edition-view.js';
import { chapter, edition } from '../../support/chapters.js';

const image = '/book/images/map.png';

function book() {
  const preface = chapter('preface', [h('h2', 'Why'), h('p', 'Before.')], { role: 'front', title: 'Preface' });
  const opener = chapter('beginnings', [h('p', 'Where it starts.'), h('h3', 'Aside')], { role: 'opener', title: 'Beginnings' });
  opener.titleNodes = [h('em', 'Beginnings')];
  const one = chapter('one', [h('h2', 'Section'), h('h3', 'Sub'), h('img', { src: image, alt: '' })], { number: 1, title: 'One' });
  const two = chapter('two', [h('h4', 'Deep'), h('p', 'Two.')], { number: 2, title: 'Two' });
  const after = chapter('afterword', [h('p', 'Bye.')], { role: 'back', title: 'Afterword' });
  return edition(
    [preface],
    [
      { number: 1, id: 'beginnings', title: 'Beginnings', titleNodes: opener.titleNodes, opener, chapters: [one] },
      { number: 2, id: 'part-2', title: 'Further', chapters: [two] },
    ],
    [after],
  );
}

const headings = (tree: { children: unknown[] }) =>
  (tree.children as Element[]).filter((node) => /^h\d$/.test(node.tagName)).map((node) => node.tagName);

describe('editionView', () => {
  test('front, body, parts and back, each entry with its id, matter, label and title', () => {
    const view = editionView(book(), { outline: 'book', imageUrl: (file) => file });
    expect(entriesOf(view).map((entry) => [entry.id, 'matter' in entry ? entry.matter : 'part', entry.label ?? null, entry.title])).toEqual([
      ['preface', 'front', null, 'Preface'],
      ['beginnings', 'part', 'Part 1', 'Beginnings'],
      ['one', 'body', 'Chapter 1', 'One'],
      ['part-2', 'part', 'Part 2', 'Further'],
      ['two', 'body', 'Chapter 2', 'Two'],
      ['afterword', 'back', null, 'Afterword'],
    ]);
    expect(view.parts[0]!.titleNodes).toEqual([h('em', 'Beginnings')]);
    expect(view.parts[1]!.intro).toBeUndefined();
  });

  test('the numbered chapters of a book without parts are its body, apart from its front matter', () => {
    const preface = chapter('preface', [h('p', 'Before.')], { role: 'front', title: 'Preface' });
    const first = chapter('first', [h('p', 'One.')], { number: 1, title: 'First' });
    const view = editionView(edition([preface], [], [], [first]), { outline: 'book', imageUrl: (file) => file });
    expect(view.front.map((entry) => [entry.id, entry.matter, entry.label ?? null])).toEqual([['preface', 'front', null]]);
    expect(view.body.map((entry) => [entry.id, entry.matter, entry.label ?? null])).toEqual([['first', 'body', 'Chapter 1']]);
  });

  test('one document: part and front matter titles are h2, a part chapter h3, and each text is ranked under its title', () => {
    const view = editionView(book(), { outline: 'book', imageUrl: (file) => file });
    expect(view.front[0]!.rank).toBe(2);
    expect(headings(view.front[0]!.tree)).toEqual(['h3']);
    expect(view.parts[0]!.rank).toBe(2);
    expect(headings(view.parts[0]!.intro!)).toEqual(['h3']);
    expect(view.parts[0]!.chapters[0]!.rank).toBe(3);
    expect(headings(view.parts[0]!.chapters[0]!.tree)).toEqual(['h4', 'h5']);
    expect(headings(view.parts[1]!.chapters[0]!.tree)).toEqual(['h4']);
  });

  test('a document per entry: every title is h1, the text ranked from h2', () => {
    const view = editionView(book(), { outline: 'documents', imageUrl: (file) => file });
    expect(entriesOf(view).map((entry) => entry.rank)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(headings(view.parts[0]!.chapters[0]!.tree)).toEqual(['h2', 'h3']);
    expect(headings(view.parts[1]!.chapters[0]!.tree)).toEqual(['h2']);
  });

  test('images become what the target says; the Book keeps its trees as they were', () => {
    const shared = book();
    const before = structuredClone(shared.chapters.map((item) => item.tree));
    const view = editionView(shared, { outline: 'book', imageUrl: (file) => `images/${file.split('/').at(-1)}` });
    const img = view.parts[0]!.chapters[0]!.tree.children[2] as Element;
    expect(img.properties.src).toBe('images/map.png');
    // A target changes its copy as it likes.
    img.properties.src = 'changed';
    (view.front[0]!.tree.children[0] as Element).tagName = 'h6';
    expect(shared.chapters.map((item) => item.tree)).toEqual(before);
    expect(((shared.parts[0]!.chapters[0]!.tree.children[2]) as Element).properties.src).toBe(image);
  });

  test('two views of one edition share no tree', () => {
    const shared = book();
    const first = editionView(shared, { outline: 'book', imageUrl: (file) => file });
    const second = editionView(shared, { outline: 'book', imageUrl: (file) => file });
    expect(first.front[0]!.tree).not.toBe(second.front[0]!.tree);
    expect(first.front[0]!.tree).toEqual(second.front[0]!.tree);
  });
});
