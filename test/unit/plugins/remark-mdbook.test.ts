import { expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkMdbook, { selectLines } from '../../../src/plugins/remark-mdbook.js';

const source = ['use std::io;', '', '// ANCHOR: main', 'fn main() {', '    // ANCHOR: body', '    run();', '    // ANCHOR_END: body', '}', '// ANCHOR_END: main', ''].join('\n');

test('lines by anchor (markers left out, nested ones too), by number and by range, as mdBook reads them', () => {
  expect(selectLines(source, ['main'])).toBe('fn main() {\n    run();\n}\n');
  expect(selectLines(source, ['body'])).toBe('    run();\n');
  expect(selectLines(source, ['1'])).toBe('use std::io;\n');
  expect(selectLines(source, ['4', '8'])).toBe('fn main() {\n    run();\n}\n');
  expect(selectLines(source, ['8', ''])).toBe('}\n');
  expect(selectLines(source, ['', '2'])).toBe('use std::io;\n\n');
  expect(selectLines(source, [])).toBe('use std::io;\n\nfn main() {\n    run();\n}\n');
  expect(selectLines(source, ['nope'])).toBeUndefined();
});

/** A book folder: book/src/chapter.md (a symbolic link to book/real/chapter.md), book/listings/, and a secret outside. */
function book() {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'folio-mdbook-')), 'book');
  for (const dir of ['src', 'real', 'listings']) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, 'listings/hello.rs'), source);
  writeFileSync(path.join(root, 'real/part.md'), '## Included\n\nSome *text*.\n');
  writeFileSync(path.join(root, '../secret.txt'), 'secret');
  return root;
}

async function render(root: string, markdown: string, chapter = path.join(root, 'src/chapter.md')) {
  writeFileSync(chapter, markdown);
  const file = new VFile({ path: chapter, value: markdown, data: { bookRoot: root } });
  const html = String(await unified().use(remarkParse).use(remarkMdbook).use(remarkRehype).use(rehypeStringify).process(file));
  return { html, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`) };
}

test('an include in a code block becomes its lines; a paragraph that is an include becomes markdown', async () => {
  const root = book();
  const { html, messages } = await render(root, '```rust\n{{#include ../listings/hello.rs:main}}\n```\n\n{{#rustdoc_include ../real/part.md}}\n');
  expect(html).toBe('<pre><code class="language-rust">fn main() {\n    run();\n}\n</code></pre>\n<h2>Included</h2>\n<p>Some <em>text</em>.</p>');
  expect(messages).toEqual([]);
});

test('files are read beside the chapter\'s real file, never outside the book; problems are errors at the directive', async () => {
  const root = book();
  writeFileSync(path.join(root, 'real/chapter.md'), '');
  symlinkSync('../real/chapter.md', path.join(root, 'src/linked.md'));
  // From the link's real folder (real/), part.md is beside it.
  const linked = await render(root, '{{#include part.md}}\n', path.join(root, 'src/linked.md'));
  expect(linked.html).toContain('<h2>Included</h2>');

  const { messages } = await render(root, '```\n{{#include ../../secret.txt}}\n```\n\n```\n{{#include ../listings/hello.rs:nope}}\n```\n\n{{#include missing.rs}}\n');
  expect(messages).toEqual([
    "1:1 {{#include ../../secret.txt}}: ../../secret.txt is outside the book's folder, which a book may not read",
    '5:1 {{#include ../listings/hello.rs:nope}}: ../listings/hello.rs has no anchor nope (// ANCHOR: nope)',
    '9:1 {{#include missing.rs}}: no file missing.rs beside the chapter',
  ]);
});

test("Rust code shows what mdBook shows: lines hidden with '# ' leave, '##' is an escaped '#', attributes stay", async () => {
  const { html } = await render(book(), '```rust,editable\n# fn main() {\n#[derive(Debug)]\nstruct A;\nlet s = "\n##x";\n#\n# }\n```\n\n```python\n# a comment\n```\n');
  expect(html).toBe('<pre><code class="language-rust,editable">#[derive(Debug)]\nstruct A;\nlet s = "\n#x";\n</code></pre>\n<pre><code class="language-python"># a comment\n</code></pre>');
});
