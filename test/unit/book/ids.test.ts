import { describe, expect, test } from '@jest/globals';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { reservedIds, uniqueIds } from '../../../src/book/ids.js';
import { resolveLinks, type LinkContext } from '../../../src/book/links.js';
import { eachElement } from '../../../src/hast/tree.js';
import { chapter } from '../../support/chapters.js';

const ids = (tree: Root) => {
  const found: string[] = [];
  eachElement(tree, (node) => {
    if (typeof node.properties.id === 'string') found.push(node.properties.id);
  });
  return found;
};

describe('uniqueIds', () => {
  test('the first chapter keeps an id, later ones get their slug in front, then a counter', () => {
    const one = chapter('one', [h('h2', { id: 'intro' }, 'Intro'), h('h2', { id: 'notes' }, 'Notes')]);
    const two = chapter('two', [h('h2', { id: 'intro' }, 'Intro'), h('h2', { id: 'two-intro' }, 'Taken')]);
    const three = chapter('three', [h('h2', { id: 'intro' }, 'Intro'), h('h2', { id: 'intro' }, 'Again')]);
    const renamed = uniqueIds([one, two, three], ['one', 'two', 'three']);
    expect(ids(one.tree)).toEqual(['intro', 'notes']);
    expect(ids(two.tree)).toEqual(['two-intro', 'two-two-intro']);
    expect(ids(three.tree)).toEqual(['three-intro', 'three-intro-1']);
    expect(Object.fromEntries(renamed.get(two)!)).toMatchObject({ intro: 'two-intro', 'two-intro': 'two-two-intro' });
    // The first spelling of an id in a chapter is what links to it mean.
    expect(renamed.get(three)!.get('intro')).toBe('three-intro');
    expect(two.ids).toEqual(new Set(['two', 'two-intro', 'two-two-intro']));
  });

  test('no chapter takes an id the templates use', () => {
    const one = chapter('one', [h('h2', { id: 'contents' }, 'Contents'), h('h2', { id: 'top' }, 'Top')]);
    uniqueIds([one], []);
    expect(ids(one.tree)).toEqual(['one-contents', 'one-top']);
    expect(reservedIds).toEqual(expect.arrayContaining(['contents', 'top', 'main']));
  });

  test('references by id (footnotes, labels) follow the renamed ids', () => {
    const one = chapter('one', [h('p', { id: 'fn-1' }, 'Note')]);
    const two = chapter('two', [h('a', { ariaDescribedBy: ['fn-1'] }, 'ref'), h('label', { htmlFor: 'fn-1' }, 'x'), h('p', { id: 'fn-1' }, 'Note')]);
    uniqueIds([one, two], []);
    const [link, label] = two.tree.children as Element[];
    expect(link!.properties.ariaDescribedBy).toEqual(['two-fn-1']);
    expect(label!.properties.htmlFor).toEqual(['two-fn-1']);
  });
});

describe('resolveLinks', () => {
  const setup = () => {
    const one = chapter('one', [h('h2', { id: 'overview' }, 'Overview'), h('a', { href: '#overview' }, 'here'), h('a', { href: 'two.md#overview' }, 'there'), h('a', { href: '/docs/two' }, 'site form'), h('a', { href: '/docs/gone' }, 'missing chapter'), h('a', { href: '/pricing' }, 'site'), h('a', { href: 'https://example.org/x' }, 'away'), h('a', { href: '#nowhere' }, 'broken')]);
    const two = chapter('two', [h('h2', { id: 'overview' }, 'Overview')]);
    const renamed = uniqueIds([one, two], ['one', 'two']);
    const context: LinkContext = {
      outlineSlugs: new Set(['one', 'two', 'gone']),
      chapters: new Map([['one', one], ['two', two]]),
      ids: renamed,
      site: 'https://example.com',
      chapterUrl: '/docs/{slug}',
      sourceOf: (slug) => `/book/chapters/en/${slug}.md`,
    };
    resolveLinks(one, context);
    const hrefs: string[] = [];
    eachElement(one.tree, (node) => {
      if (node.tagName === 'a') hrefs.push(String(node.properties.href));
    });
    return { one, hrefs };
  };

  test('links into the book become #ids, with the anchors renamed; site links become absolute; others stay', () => {
    const { hrefs } = setup();
    expect(hrefs).toEqual([
      '#overview',
      '#two-overview',
      '#two',
      'https://example.com/docs/gone',
      'https://example.com/pricing',
      'https://example.org/x',
      '#one', // the broken anchor: the chapter itself
    ]);
  });

  test('a link to an anchor that does not exist is a warning at the link, in the chapter file', () => {
    const { one } = setup();
    expect(one.file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['link-missing-anchor', false]]);
    expect(one.file.messages[0]!.reason).toMatch(/#nowhere/);
  });
});
