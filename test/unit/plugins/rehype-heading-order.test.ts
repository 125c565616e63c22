import { describe, expect, test } from '@jest/globals';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeHeadingOrder from '../../../src/plugins/rehype-heading-order.js';

async function run(markdown: string) {
  const file = new VFile({ path: 'x.md', value: markdown });
  const html = String(await unified().use(remarkParse).use(remarkRehype).use(rehypeHeadingOrder).use(rehypeStringify).process(file));
  return { html, warnings: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`) };
}

describe('rehypeHeadingOrder', () => {
  test('a heading that skips a level is set at the level due, with a warning at its line', async () => {
    const { html, warnings } = await run('Intro.\n\n### Early\n\n## Section\n\n#### Deep\n\n### Fine\n');
    expect(html).toBe('<p>Intro.</p>\n<h2>Early</h2>\n<h2>Section</h2>\n<h3>Deep</h3>\n<h3>Fine</h3>');
    expect(warnings).toEqual([
      '3:1 Heading level skipped: ### before any ## heading; set as ##',
      '7:1 Heading level skipped: #### after a ## heading; set as ###',
    ]);
  });

  test('siblings in the source stay siblings when the first of them is lowered', async () => {
    const { html, warnings } = await run('### One\n\n### Two\n\n#### Two a\n\n## Later\n\n### Three\n');
    expect(html).toBe('<h2>One</h2>\n<h2>Two</h2>\n<h3>Two a</h3>\n<h2>Later</h2>\n<h3>Three</h3>');
    // One warning for the run of siblings.
    expect(warnings).toEqual(['1:1 Heading level skipped: ### before any ## heading; set as ##']);
  });

  test('an outline without gaps is left alone, whatever level it starts at', async () => {
    const { html, warnings } = await run('### A\n\n#### B\n\n### C\n');
    expect(html).toBe('<h3>A</h3>\n<h4>B</h4>\n<h3>C</h3>');
    expect(warnings).toEqual([]);
  });
});
