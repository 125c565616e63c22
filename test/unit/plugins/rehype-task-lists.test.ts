import { expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import rehypeTaskLists from '../../../src/plugins/rehype-task-lists.js';

const render = async (markdown: string) =>
  String(await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeTaskLists).use(rehypeStringify).process(markdown));

test('each checkbox is named by its item’s own text, nested lists left out', async () => {
  const html = await render('- [x] Write *the* draft\n- [ ] Send it\n  - [ ] to the editor\n');
  expect(html).toContain('<input type="checkbox" checked disabled aria-label="Write the draft">');
  expect(html).toContain('<input type="checkbox" disabled aria-label="Send it">');
  expect(html).toContain('<input type="checkbox" disabled aria-label="to the editor">');
});

test('items of a loose list (text in paragraphs) are named too', async () => {
  expect(await render('- [ ] One\n\n- [x] Two\n')).toContain('aria-label="Two"');
});
