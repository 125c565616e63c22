import { expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import rehypeTableAlign from '../../../src/plugins/rehype-table-align.js';

test('GFM column alignment becomes text-align styles, no obsolete align attribute', async () => {
  const html = String(
    await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeTableAlign).use(rehypeStringify)
      .process('| L | C | R | N |\n| :- | :-: | -: | - |\n| 1 | 2 | 3 | 4 |\n'),
  );
  expect(html).not.toContain('align=');
  expect(html).toContain('<th style="text-align: left">L</th>');
  expect(html).toContain('<td style="text-align: center">2</td>');
  expect(html).toContain('<td style="text-align: right">3</td>');
  expect(html).toContain('<td>4</td>');
});
