import { expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import rehypeFootnotes from '../../../src/plugins/rehype-footnotes.js';

test('references, notes and back links get their DPUB-ARIA roles; the heading is visible', async () => {
  const html = String(
    await unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { clobberPrefix: '' }).use(rehypeFootnotes).use(rehypeStringify)
      .process('Claim.[^a]\n\n[^a]: Source.\n'),
  );
  expect(html).toContain('<a href="#fn-a" id="fnref-a" data-footnote-ref aria-describedby="footnote-label" role="doc-noteref">1</a>');
  expect(html).toContain('<section data-footnotes class="footnotes" role="doc-endnotes"><h2 class="footnotes-title" id="footnote-label">Footnotes</h2>');
  expect(html).toMatch(/<a href="#fnref-a" data-footnote-backref="" aria-label="Back to reference 1" class="footnote-backref" role="doc-backlink">/);
});
