import { expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import rehypeFigures from '../../../src/plugins/rehype-figures.js';

const render = async (markdown: string) =>
  String(await unified().use(remarkParse).use(remarkRehype).use(rehypeFigures).use(rehypeStringify).process(markdown));

test('an image alone in its paragraph is a figure captioned by its title, the alt text kept', async () => {
  expect(await render('![A team](team.png "Our team")')).toBe('<figure><img src="team.png" alt="A team"><figcaption>Our team</figcaption></figure>');
});

test('without a title the alt text is the caption, as in Pandoc', async () => {
  expect(await render('![An office](office.jpg)')).toBe('<figure><img src="office.jpg" alt="An office"><figcaption>An office</figcaption></figure>');
});

test('without either there is no caption; an image in running text stays inline', async () => {
  expect(await render('![](x.png)')).toBe('<figure><img src="x.png" alt=""></figure>');
  expect(await render('A chart ![c](c.svg) inline.')).toBe('<p>A chart <img src="c.svg" alt="c"> inline.</p>');
});
