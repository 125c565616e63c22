import { expect, test } from '@jest/globals';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSlug from 'rehype-slug';
import { unified } from 'unified';
import { inlineTitle, takeTitle } from '../../../src/book/title.js';

async function tree(markdown: string): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSlug);
  return (await processor.run(processor.parse(markdown))) as Root;
}

test('without frontmatter the first # heading is the title, taken out of the text, its markup kept', async () => {
  const root = await tree('Some words.\n\n# What *Is* `JavaScript`?\n\n## Part\n\n# Another\n');
  const title = takeTitle(root, undefined);
  expect(title?.text).toBe('What Is JavaScript?');
  expect(toHtml({ type: 'root', children: title!.nodes! })).toBe('What <em>Is</em> <code>JavaScript</code>?');
  expect(title?.anchor).toBe('what-is-javascript');
  expect(toHtml(root)).toBe('<p>Some words.</p>\n\n<h2 id="part">Part</h2>\n<h1 id="another">Another</h1>');
});

test('a plain heading title has no markup to carry', async () => {
  expect(takeTitle(await tree('# Plain\n\nText.\n'), undefined)).toEqual({ text: 'Plain', nodes: undefined, anchor: 'plain' });
});

test('the frontmatter title wins; a # heading opening the text is the same title, printed once', async () => {
  const root = await tree('# Introduction\n\nText.\n');
  expect(takeTitle(root, 'Intro')).toEqual({ text: 'Intro', anchor: 'introduction' });
  expect(toHtml(root)).toBe('\n<p>Text.</p>');
});

test('with a frontmatter title, a # heading later in the text stays a heading', async () => {
  const root = await tree('Text first.\n\n# A section\n');
  expect(takeTitle(root, 'Title')?.anchor).toBeUndefined();
  expect(toHtml(root)).toContain('<h1 id="a-section">A section</h1>');
});

test('no heading: the SUMMARY label, else no title', async () => {
  expect(takeTitle(await tree('Text.\n'), undefined, 'From the summary')).toEqual({ text: 'From the summary' });
  expect(takeTitle(await tree('## Only a section\n'), undefined)).toBeUndefined();
});

test('frontmatter titles keep inline markdown; without markup they stay exactly as written', () => {
  expect(inlineTitle('What *Is* JavaScript?').text).toBe('What Is JavaScript?');
  expect(toHtml({ type: 'root', children: inlineTitle('Use `git` *now*').nodes! })).toBe('Use <code>git</code> <em>now</em>');
  expect(inlineTitle('R&D: "quotes" & 3 < 4')).toEqual({ text: 'R&D: "quotes" & 3 < 4' });
});

test('a frontmatter title that is not inline markdown stays as written; escapes are read; HTML leaves its text', () => {
  expect(inlineTitle('1. Introduction')).toEqual({ text: '1. Introduction' });
  expect(inlineTitle('# Not a heading')).toEqual({ text: '# Not a heading' });
  expect(inlineTitle('5 \\* 3')).toEqual({ text: '5 * 3' });
  expect(inlineTitle('A <b>bold</b> move')).toEqual({ text: 'A bold move' });
});
