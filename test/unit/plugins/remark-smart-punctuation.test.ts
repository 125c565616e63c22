import { expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkSmartPunctuation from '../../../src/plugins/remark-smart-punctuation.js';

const render = async (markdown: string, quotes?: string) =>
  String(await unified().use(remarkParse).use(remarkGfm).use(remarkSmartPunctuation, { quotes }).use(remarkRehype).use(rehypeStringify).process(markdown));

test('double quotes in the language’s marks, single quotes and apostrophes, dashes, ellipses', async () => {
  expect(await render('"Hi," she said -- it\'s the \'80s... "Go" --- now.')).toBe('<p>“Hi,” she said – it’s the ’80s… “Go” — now.</p>');
  expect(await render('Er sagte "hallo" und \'tschüss\'.', '„“')).toBe('<p>Er sagte „hallo“ und ‘tschüss’.</p>');
  expect(await render('Il dit "bonjour".', '«»')).toBe('<p>Il dit «bonjour».</p>');
});

test('quotes around links and emphasis are decided across the text of the block', async () => {
  expect(await render('See "[the guide](x)" and "*this*".')).toBe('<p>See “<a href="x">the guide</a>” and “<em>this</em>”.</p>');
  expect(await render('# "Title"\n\n| "a" |\n| - |\n| "b" |\n')).toContain('<h1>“Title”</h1>');
});

test('code, fenced code and raw HTML keep their straight marks', async () => {
  const html = await render('Run `echo "hi" -- ...` now.\n\n```sh\necho "x" -- ...\n```\n');
  expect(html).toContain('<code>echo "hi" -- ...</code>');
  expect(html).toContain('echo "x" -- ...');
});
