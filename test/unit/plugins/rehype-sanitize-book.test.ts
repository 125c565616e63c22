import { describe, expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeRawHtml from '../../../src/plugins/rehype-raw-html.js';
import rehypeSanitizeBook, { schemeOf } from '../../../src/plugins/rehype-sanitize-book.js';

async function render(markdown: string) {
  const file = new VFile({ path: 'chapter.md', value: markdown });
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' }).use(rehypeRawHtml).use(rehypeSanitizeBook).use(rehypeStringify);
  const html = String(await processor.process(file));
  return { html, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`) };
}

describe('what runs leaves, with one warning per element at its place', () => {
  test('scripts, known and unknown handlers, javascript: URLs', async () => {
    const { html, messages } = await render('Text.\n\n<div onclick="x()" onpointerover="y()" oncontentvisibilityautostatechange="z()" class="box">Box</div>\n\n<script>alert(1)</script>\n\n<a href="javascript:alert(1)">Go</a>\n');
    expect(html).toBe('<p>Text.</p>\n<div class="box">Box</div>\n\n<p><a>Go</a></p>');
    expect(messages).toEqual([
      '3:1 Removed from <div>: onclick (an event handler: scripts do not run in a book); onpointerover (an event handler: scripts do not run in a book); oncontentvisibilityautostatechange (an event handler: scripts do not run in a book)',
      '5:1 Removed <script> and its content from the chapter: scripts do not run in a book',
      '7:1 Removed from <a>: href (a javascript: URL is not allowed)',
    ]);
  });

  test.each([
    ['a tab', '<a href="java&#x09;script:alert(1)">x</a>'],
    ['a control character', '<a href="&#x01;javascript:alert(1)">x</a>'],
    ['an entity colon', '<a href="javascript&colon;alert(1)">x</a>'],
    ['a newline and upper case', '<a href="JAVA\nSCRIPT:alert(1)">x</a>'],
    ['a data: URL', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ['vbscript', '<a href="vbscript:msgbox(1)">x</a>'],
  ])('javascript: hidden by %s is still removed', async (_, html) => {
    const result = await render(`${html}\n`);
    expect(result.html).toBe('<p><a>x</a></p>');
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatch(/^1:1 Removed from <a>: href \(a [a-z]+: URL is not allowed\)$/);
  });

  test('declarative shadow DOM is dropped with its content', async () => {
    const { html, messages } = await render('<div><template shadowrootmode="open"><img src=x onerror="document.title=1"><script>document.title=2</script></template></div>\n');
    expect(html).toBe('<div></div>');
    expect(messages).toEqual(['1:6 Removed <template> and its content from the chapter: a template can attach a shadow root with scripts']);
  });

  test('SVG animation of links, foreignObject, scripts and remote references leave the drawing', async () => {
    const svg = [
      '<svg viewBox="0 0 10 10" width="10" height="10">',
      '<a href="#x"><animate attributeName="href" values="javascript:alert(1)"/><set attributeName="href" to="javascript:alert(1)"/><text x="1" y="5">t</text></a>',
      '<foreignObject><div onclick="x()">h</div></foreignObject>',
      '<script>alert(1)</script>',
      '<image href="https://example.com/a.png"/>',
      '<use href="https://example.com/s.svg#a"/><use xlink:href="//example.com/s.svg#a"/><use href="#local"/>',
      '<rect fill="url(https://example.com/p.svg#g)" stroke="url(#g)" width="5" height="5"/>',
      '</svg>',
    ].join('');
    const { html, messages } = await render(`${svg}\n`);
    expect(html).not.toMatch(/animate|<set|foreignObject|script|example\.com|onclick/i);
    expect(html).toContain('<use href="#local"></use>');
    expect(html).toContain('<rect stroke="url(#g)" width="5" height="5"></rect>');
    expect(html).toContain('<text x="1" y="5">t</text>');
    expect(messages.join('\n')).toMatch(/Removed <animate> and its content.*SVG animation/);
    expect(messages.join('\n')).toMatch(/Removed <set>/);
    expect(messages.join('\n')).toMatch(/Removed <foreignObject>/);
    expect(messages.join('\n')).toMatch(/Removed from <use>: href \(a remote reference/);
    expect(messages.join('\n')).toMatch(/Removed from <use>: xlink:href \(a remote reference/);
    expect(messages.join('\n')).toMatch(/Removed from <rect>: fill \(a url\(\)/);
  });

  test('media, frames and responsive sources go; remote styles lose their url()', async () => {
    const { html, messages } = await render('<video src="https://e.com/v.mp4" poster="https://e.com/p.png"></video>\n\n<audio src="//e.com/a.mp3"></audio>\n\n<iframe src="https://e.com"></iframe>\n\n<p style="color: red; background: url(http://e.com/x.png); background-image: u\\72l(//e.com/y)">styled</p>\n');
    expect(html).not.toMatch(/e\.com|video|audio|iframe/);
    expect(html).toContain('<p style="color:red">styled</p>');
    expect(messages).toEqual([
      '1:1 Removed <video> and its content from the chapter: an edition carries images only',
      '3:1 Removed <audio> and its content from the chapter: an edition carries images only',
      '5:1 Removed <iframe> and its content from the chapter: an edition must not load other pages',
      '7:1 Removed from <p>: from its style, background, background-image (only styles that load nothing are kept)',
    ]);
  });
});

describe('what books need is kept as written', () => {
  test('kbd, abbr, details, figure, sup/sub, ruby, tables, aria, classes, data attributes, safe styles', async () => {
    const markdown = [
      'Press <kbd>Ctrl</kbd> for <abbr title="x">X</abbr>, H<sub>2</sub>O, x<sup>2</sup>, <mark>m</mark>, <small>s</small>.',
      '',
      '<details open><summary>More</summary>Body</details>',
      '',
      '<figure class="wide" data-kind="photo"><figcaption aria-label="c">Cap</figcaption></figure>',
      '',
      '<table><caption>T</caption><thead><tr><th style="text-align: right" scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>',
      '',
      '<div role="note" class="callout" lang="fr" dir="ltr" id="keep-me">c</div>',
      '',
    ].join('\n');
    const { html, messages } = await render(markdown);
    expect(messages).toEqual([]);
    for (const piece of ['<kbd>Ctrl</kbd>', '<abbr title="x">X</abbr>', '<sub>2</sub>', '<sup>2</sup>', '<details open>', '<figure class="wide" data-kind="photo">', '<figcaption aria-label="c">', '<caption>T</caption>', 'style="text-align: right"', 'colspan="2"', '<div role="note" class="callout" lang="fr" dir="ltr" id="keep-me">']) {
      expect(html).toContain(piece);
    }
  });

  test('footnotes, task lists and links from markdown pass untouched', async () => {
    const { html, messages } = await render('A note.[^1] [site](https://example.com) [mail](mailto:a@b.c) [rel](other.md#x)\n\n- [x] done\n\n[^1]: The note.\n');
    expect(messages).toEqual([]);
    expect(html).toContain('data-footnote-ref');
    expect(html).toContain('aria-describedby="footnote-label"');
    expect(html).toContain('data-footnote-backref');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('href="mailto:a@b.c"');
    expect(html).toContain('href="other.md#x"');
  });

  test('an inline drawing keeps its shapes, gradients and internal references', async () => {
    const svg = '<svg viewBox="0 0 10 10" role="img" aria-label="Dot"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><circle cx="5" cy="5" r="4" fill="url(#g)" stroke-width="1"/></svg>';
    const { html, messages } = await render(`${svg}\n`);
    expect(messages).toEqual([]);
    expect(html).toBe('<p>' + svg.replace('<stop offset="0" stop-color="red"/>', '<stop offset="0" stop-color="red"></stop>').replace('stroke-width="1"/>', 'stroke-width="1"></circle>') + '</p>');
  });
});

test('a book plugin cannot inject what raw HTML cannot', async () => {
  const file = new VFile({ path: 'chapter.md', value: 'Hello\n' });
  const inject = () => (tree: import('mdast').Root) => {
    tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'x' }], data: { hName: 'script', hChildren: [{ type: 'text', value: 'alert(1)' }] } });
    tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'y' }], data: { hProperties: { onClick: 'alert(1)', onmouseenter: 'alert(2)' } } });
  };
  const html = String(await unified().use(remarkParse).use(inject).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRawHtml).use(rehypeSanitizeBook).use(rehypeStringify).process(file));
  expect(html).toBe('<p>Hello</p>\n\n<p>y</p>');
  expect(file.messages).toHaveLength(2);
});

test('schemeOf reads a URL as a browser does', () => {
  expect(schemeOf('java\tscript:x')).toBe('javascript');
  expect(schemeOf('\u0001 javascript:x')).toBe('javascript');
  expect(schemeOf('HTTPS://x')).toBe('https');
  expect(schemeOf('other.md#a:b')).toBeUndefined();
});
