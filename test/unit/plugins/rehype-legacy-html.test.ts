import { expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeLegacyHtml from '../../../src/plugins/rehype-legacy-html.js';
import rehypeRawHtml from '../../../src/plugins/rehype-raw-html.js';

async function render(markdown: string) {
  const file = new VFile({ path: 'chapter.md', value: markdown });
  const html = String(await unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRawHtml).use(rehypeLegacyHtml).use(rehypeStringify).process(file));
  return { html, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`) };
}

test('obsolete elements become their HTML5 equivalents, keeping what they meant', async () => {
  const { html, messages } = await render(
    '<center>Mid</center>\n\n<listing>\na < b\n</listing>\n\n<xmp>\n<b>raw</b>\n</xmp>\n\nSay <tt>x</tt>, <big>y</big>, <strike>z</strike>, <acronym title="t">A</acronym> and <font color="red" face="serif" size="5">f</font>.\n',
  );
  expect(html).toBe(
    '<div style="text-align: center">Mid</div>\n<pre>a &#x3C; b\n</pre>\n<pre>&#x3C;b>raw&#x3C;/b>\n</pre>\n<p>Say <code>x</code>, <span style="font-size: larger">y</span>, <s>z</s>, <abbr title="t">A</abbr> and <span style="color: red; font-family: serif; font-size: x-large">f</span>.</p>',
  );
  expect(messages).toEqual([]);
});

test('presentational attributes become styles, before any style the author wrote', async () => {
  const { html } = await render(
    '<p align="right" style="color: blue;">R</p>\n\n<table align="center" border="1" cellspacing="0" cellpadding="4" width="50%"><tr valign="top"><td align="left" bgcolor="#eee" nowrap>c</td></tr></table>\n\n<img src="a.png" alt="" align="left" hspace="4">\n',
  );
  expect(html).toContain('<p style="text-align: right; color: blue">R</p>');
  expect(html).toContain('<table style="display: block; margin-left: auto; margin-right: auto; width: 50%; border: 1px solid; border-spacing: 0px">');
  expect(html).toContain('<tr style="vertical-align: top">');
  // A cell's align is rehype-table-align's, as for GFM tables.
  expect(html).toContain('<td align="left" style="background-color: #eee; white-space: nowrap">c</td>');
  expect(html).toContain('<img src="a.png" alt="" style="float: left; margin: 0px 4px">');
});

test('old anchors become ids, list types styles, and spacers leave', async () => {
  const { html, messages } = await render('<a name="top"></a>\n\n<ul type="square"><li>a</li></ul>\n\nA<spacer size="9">b\n');
  expect(html).toBe('<p><a id="top"></a></p>\n<ul style="list-style-type: square"><li>a</li></ul>\n<p>Ab</p>');
  expect(messages).toEqual(['5:2 Removed <spacer>: it is obsolete HTML that a book cannot show']);
});

test('elements a book cannot show are removed with a warning at their place', async () => {
  const { html, messages } = await render('Text.\n\n<applet code="x.class">\nOld\n</applet>\n');
  expect(html).toBe('<p>Text.</p>\n');
  expect(messages).toEqual(['3:1 Removed <applet>: it is obsolete HTML that a book cannot show']);
});

test('modern HTML and markdown are left alone', async () => {
  const { html } = await render('A *b* <kbd>c</kbd>\n\n| a | b |\n| :- | -: |\n| 1 | 2 |\n');
  expect(html).toBe('<p>A <em>b</em> <kbd>c</kbd></p>\n<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody>\n</table>');
});
