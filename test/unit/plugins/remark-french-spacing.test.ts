import { expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkFrenchSpacing from '../../../src/plugins/remark-french-spacing.js';

const render = async (markdown: string) =>
  String(await unified().use(remarkParse).use(remarkGfm).use(remarkFrenchSpacing).use(remarkRehype).use(rehypeStringify).process(markdown));

test('narrow no-break spaces before ; ! ? and inside guillemets, a no-break space before :', async () => {
  expect(await render('Vraiment ? Oui! Bien ; enfin : « oui »')).toBe('<p>Vraiment\u202F? Oui\u202F! Bien\u202F; enfin\u00A0: «\u202Foui\u202F»</p>');
});

test('times, URLs, links and code are left alone', async () => {
  expect(await render('À 10:30, voir https://example.com/a?b et `a ? b : c`.')).toBe(
    '<p>À 10:30, voir <a href="https://example.com/a?b">https://example.com/a?b</a> et <code>a ? b : c</code>.</p>',
  );
  expect(await render('```\nx ? y : z;\n```')).toContain('x ? y : z;');
});
