import { expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkCallouts from '../../../src/plugins/remark-callouts.js';

const render = async (markdown: string, titles?: Record<string, string>) =>
  String(await unified().use(remarkParse).use(remarkCallouts, { titles }).use(remarkRehype).use(rehypeStringify).process(markdown));

test('each GitHub marker becomes an aside with its kind and title', async () => {
  for (const [marker, kind, title] of [['NOTE', 'note', 'Note'], ['TIP', 'tip', 'Tip'], ['IMPORTANT', 'important', 'Important'], ['WARNING', 'warning', 'Warning'], ['CAUTION', 'caution', 'Caution']]) {
    expect(await render(`> [!${marker}]\n> Text here.\n`)).toBe(
      `<aside class="callout callout-${kind}" role="note">\n<p class="callout-title">${title}</p>\n<p>Text here.</p>\n</aside>`,
    );
  }
});

test('titles come from the options (the edition language); the marker is case-insensitive', async () => {
  expect(await render('> [!tip]\n> Fixez vos prix.\n', { tip: 'Astuce' })).toContain('<p class="callout-title">Astuce</p>\n<p>Fixez vos prix.</p>');
});

test('a marker alone in its paragraph leaves the following paragraphs', async () => {
  expect(await render('> [!WARNING]\n>\n> First.\n>\n> Second.\n')).toBe(
    '<aside class="callout callout-warning" role="note">\n<p class="callout-title">Warning</p>\n<p>First.</p>\n<p>Second.</p>\n</aside>',
  );
});

test('other blockquotes, and unknown markers, stay blockquotes', async () => {
  expect(await render('> Just a quote.\n')).toBe('<blockquote>\n<p>Just a quote.</p>\n</blockquote>');
  expect(await render('> [!DANGER]\n> Not a GitHub kind.\n')).toContain('<blockquote>');
  expect(await render('> Text [!NOTE] later.\n')).toContain('<blockquote>');
});
