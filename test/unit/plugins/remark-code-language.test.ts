import { expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { oneWarningPerLanguage } from '../../../src/book/code-languages.js';
import rehypeHighlightCode from '../../../src/plugins/rehype-highlight-code.js';
import remarkCodeLanguage from '../../../src/plugins/remark-code-language.js';

async function render(markdown: string, path = 'a.md') {
  const file = new VFile({ path, value: markdown });
  const html = String(await unified().use(remarkParse).use(remarkCodeLanguage).use(remarkRehype).use(rehypeHighlightCode).use(rehypeStringify).process(file));
  return { html, file };
}

const classes = (html: string) => [...html.matchAll(/<code class="([^"]+)">(<span)?/g)].map((match) => `${match[1]}${match[2] ? ' (highlighted)' : ''}`);

test('the language is the first word before a comma or a space, and highlight.js aliases work', async () => {
  const { html } = await render('```rust,ignore\nfn a() {}\n```\n\n```rust,noplayground edition2021\nfn b() {}\n```\n\n```hs\nmain = 1\n```\n\n```powershell\nGet-Item x\n```\n\n```cmd\ndir\n```\n\n```js title="x"\nlet a = 1\n```\n');
  expect(classes(html)).toEqual([
    'hljs language-rust (highlighted)',
    'hljs language-rust (highlighted)',
    'hljs language-hs (highlighted)',
    'hljs language-powershell (highlighted)',
    'hljs language-cmd (highlighted)',
    'hljs language-js (highlighted)',
  ]);
});

test('an unknown language is one warning for the whole book, at its first block, counting the rest', async () => {
  const first = await render('```foolang\nx\n```\n\n```foolang\ny\n```\n\n```barlang\nz\n```\n', 'one.md');
  const second = await render('```foolang\nw\n```\n', 'two.md');
  oneWarningPerLanguage([first.file, second.file]);
  const messages = [first.file, second.file].flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`));
  expect(messages).toEqual([
    'one.md:1:1 Code in `foolang` is printed without highlighting: highlight.js has no such language or alias (3 blocks in the book; this is the first)',
    'one.md:9:1 Code in `barlang` is printed without highlighting: highlight.js has no such language or alias',
  ]);
});

test('merging the messages of several loads (threads) again leaves one warning, counting every block', async () => {
  const one = await render('```foolang\nx\n```\n\n```foolang\ny\n```\n', 'one.md');
  const two = await render('```foolang\nw\n```\n', 'two.md');
  oneWarningPerLanguage([one.file]);
  oneWarningPerLanguage([two.file]);
  oneWarningPerLanguage([one.file, two.file]);
  expect([...one.file.messages, ...two.file.messages].map((message) => message.reason)).toEqual([
    'Code in `foolang` is printed without highlighting: highlight.js has no such language or alias (3 blocks in the book; this is the first)',
  ]);
});
