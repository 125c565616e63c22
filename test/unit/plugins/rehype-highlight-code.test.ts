import { expect, test } from '@jest/globals';
import { all } from 'lowlight';
import rehypeHighlight from 'rehype-highlight';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { codeGrammars } from '../../../src/book/code-grammars.js';
import rehypeHighlightCode from '../../../src/plugins/rehype-highlight-code.js';

const plainText = ['text', 'txt', 'plain'];

async function render(markdown: string, highlight: PluggableList) {
  const file = new VFile({ path: 'a.md', value: markdown });
  const html = String(await unified().use(remarkParse).use(remarkRehype).use(highlight).use(rehypeStringify).process(file));
  return { html, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`) };
}

// Code that gives most grammars something to colour: keywords, strings, numbers, comments, markup, embedded code.
const sample = [
  '<!DOCTYPE html>',
  '<html><style>p { color: red; }</style><script>const a = "b"; // c</script></html>',
  'GET /orders HTTP/1.1',
  'Content-Type: application/json',
  '{"id": 42, "ok": true, "name": "x"}',
  'def f(x): return x + 1  # comment',
  'fn main() { let s = String::from("hi"); }',
  'SELECT id FROM orders WHERE n > 3; -- note',
  'if [ -z "$A" ]; then echo ${B:-c}; fi',
].join('\n');

test('every grammar and alias highlights as rehype-highlight did with all grammars registered', async () => {
  const languages = Object.entries(codeGrammars).flatMap(([name, entry]) => [name, ...(entry.a ?? [])]);
  const markdown = [...languages, 'RUST', 'Ml', 'ls', 'foolang', 'text', 'plain'].map((lang) => `\`\`\`${lang}\n${sample}\n\`\`\``).join('\n\n');
  const before = await render(markdown, [[rehypeHighlight, { languages: all, detect: false, plainText }]]);
  const after = await render(markdown, [[rehypeHighlightCode, { plainText }]]);
  expect(after.html).toBe(before.html);
  expect(after.messages).toEqual(before.messages);
  expect(after.messages).toHaveLength(1); // foolang
});

test('a chapter with a few languages is the same too, one grammar at a time across chapters', async () => {
  const chapters = ['```ml\nlet x = 1\n```\n\n```ocaml\nlet y = 2\n```', '```sml\nval z = 3\n```\n\n```html\n<p style="a: b">x</p>\n```', '```http\nPOST / HTTP/1.1\n\n{"a": 1}\n```'];
  const processor = (highlight: PluggableList) => unified().use(remarkParse).use(remarkRehype).use(highlight).use(rehypeStringify).freeze();
  const before = processor([[rehypeHighlight, { languages: all, detect: false, plainText }]]);
  const after = processor([[rehypeHighlightCode, { plainText }]]);
  for (const chapter of chapters) expect(String(await after.process(chapter))).toBe(String(await before.process(chapter)));
});

test('no-highlight, plain text and blocks without a language are left alone', async () => {
  const { html } = await render('```\nplain\n```\n\n```text\nplain\n```\n\n<pre><code class="language-rust no-highlight">fn a() {}</code></pre>\n', [[rehypeHighlightCode, { plainText }]]);
  expect(html).not.toContain('hljs');
});
