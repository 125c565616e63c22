import { expect, test } from '@jest/globals';
import rehypeRawHtml from '../../../src/plugins/rehype-raw-html.js';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeRemoveScripts from '../../../src/plugins/rehype-remove-scripts.js';

async function render(markdown: string) {
  const file = new VFile({ path: 'chapter.md', value: markdown });
  const html = String(await unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRawHtml).use(rehypeRemoveScripts).use(rehypeStringify).process(file));
  return { html, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`) };
}

test('scripts, handlers and javascript: URLs leave, each with a warning at its place', async () => {
  const { html, messages } = await render('Text.\n\n<div onclick="x()" class="box">Box</div>\n\n<script>alert(1)</script>\n\n<a href="javascript:alert(1)">Go</a>\n');
  expect(html).toBe('<p>Text.</p>\n<div class="box">Box</div>\n\n<p><a>Go</a></p>');
  expect(messages).toEqual([
    '3:1 Removed the onclick attribute of <div>: scripts do not run in a book',
    '5:1 Removed <script> from the chapter: scripts do not run in a book',
    '7:1 Removed a javascript: URL from <a>: scripts do not run in a book',
  ]);
});

test('harmless markup is kept as written', async () => {
  const { html, messages } = await render('Press <kbd>Ctrl</kbd> for <abbr title="x">X</abbr>.\n\n<details><summary>More</summary>Body</details>\n');
  expect(html).toBe('<p>Press <kbd>Ctrl</kbd> for <abbr title="x">X</abbr>.</p>\n<details><summary>More</summary>Body</details>');
  expect(messages).toEqual([]);
});

test('a chapter without raw HTML is not re-parsed (its tree is the same object)', async () => {
  const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true });
  const tree = await processor.run(processor.parse('Plain *text*.'));
  const transform = rehypeRawHtml();
  expect(transform(tree as never, new VFile())).toBeUndefined();
  const withHtml = await processor.run(processor.parse('A <kbd>key</kbd>.'));
  expect(transform(withHtml as never, new VFile())).toBeDefined();
});
