import { describe, expect, test } from '@jest/globals';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { markCodeLines } from '../../../../src/targets/pdf/code-lines.js';

const marked = (code: ReturnType<typeof h>) => {
  const tree: Root = { type: 'root', children: [h('pre', [code])] };
  markCodeLines(tree);
  return toHtml(tree);
};

describe('markCodeLines', () => {
  test('each source line in a span of its own; the trailing newline opens no empty line', () => {
    expect(marked(h('code', 'one\ntwo\n'))).toBe('<pre><code><span class="code-line">one</span><span class="code-line">two</span></code></pre>');
  });

  test('a highlighting span over two lines is closed and opened again, with its classes', () => {
    const code = h('code.hljs.language-ts', [h('span.hljs-comment', '/* a\nb */'), ' x', '\n', h('span.hljs-keyword', 'let')]);
    expect(marked(code)).toBe(
      '<pre><code class="hljs language-ts"><span class="code-line"><span class="hljs-comment">/* a</span></span><span class="code-line"><span class="hljs-comment">b */</span> x</span><span class="code-line"><span class="hljs-keyword">let</span></span></code></pre>',
    );
  });

  test('an empty line stays a line; text outside a pre is left alone', () => {
    expect(marked(h('code', 'a\n\nb'))).toBe('<pre><code><span class="code-line">a</span><span class="code-line"></span><span class="code-line">b</span></code></pre>');
    const tree: Root = { type: 'root', children: [h('p', [h('code', 'x\ny')])] };
    markCodeLines(tree);
    expect(toHtml(tree)).toBe('<p><code>x\ny</code></p>');
  });
});
