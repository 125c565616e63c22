import { expect, test } from '@jest/globals';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { VFile } from 'vfile';
import { resolveLinks, type LinkContext } from '../../../src/book/links.js';
import type { Chapter } from '../../../src/book/types.js';

function chapter(slug: string, file: string, links: string[]): Chapter {
  const tree = h(null, links.map((href) => h('a', { href, rel: ['next'] }, href))) as Root;
  return { slug, lang: 'en', role: 'chapter', file: new VFile({ path: file }), title: slug, frontmatter: {}, tree, ids: new Set([slug]) };
}

function context(chapters: Chapter[], extra: Partial<LinkContext> = {}): LinkContext {
  return {
    outlineSlugs: new Set(chapters.map((item) => item.slug)),
    chapters: new Map(chapters.map((item) => [item.slug, item])),
    ids: new Map(chapters.map((item) => [item, new Map([['a-heading', 'a-heading']])])),
    sourceOf: (slug) => chapters.find((item) => item.slug === slug)!.file.path,
    ...extra,
  };
}

const rendered = (item: Chapter) => (item.tree.children as Element[]).map((node) => `${node.tagName} ${JSON.stringify(node.properties)}`);

test("mdBook's .html pages and index.html name chapters; links that reach no chapter become text, with a warning", () => {
  const intro = chapter('readme', '/book/src/README.md', []);
  const other = chapter('ch02', '/book/src/ch02-x.md', ['ch02-x.html#a-heading', 'index.html', './README.md', '../std/foo.html', 'exercises/main.js', 'https://example.com/']);
  resolveLinks(other, context([intro, other]));
  expect(rendered(other)).toEqual([
    'a {"href":"#a-heading","rel":["next"]}',
    'a {"href":"#readme","rel":["next"]}',
    'a {"href":"#readme","rel":["next"]}',
    'span {}',
    'span {}',
    'a {"href":"https://example.com/","rel":["next"]}',
  ]);
  expect(other.file.messages.map((message) => message.reason)).toEqual([
    "Link to ../std/foo.html, which is not a chapter of the book: printed as text. Link to a chapter's .md file or to an absolute URL",
    "Link to exercises/main.js, which is not a chapter of the book: printed as text. Link to a chapter's .md file or to an absolute URL",
  ]);
});

test("a relative link that stays on the book's site goes there, where the chapter is published", () => {
  const item = chapter('pricing-guide', '/book/chapters/en/pricing-guide.md', ['../pricing', '../../../elsewhere']);
  resolveLinks(item, context([item], { site: 'https://example.com/docs/', chapterUrl: '/docs/guide/{slug}' }));
  expect(rendered(item)).toEqual(['a {"href":"https://example.com/docs/pricing","rel":["next"]}', 'span {}']);
});
