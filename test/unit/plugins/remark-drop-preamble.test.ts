import { describe, expect, test } from '@jest/globals';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkDropPreamble, { type Options } from '../../../src/plugins/remark-drop-preamble.js';

async function run(markdown: string, options?: Options) {
  const file = new VFile({ path: 'x.md', value: markdown });
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDropPreamble, options).use(remarkStringify);
  const output = String(await processor.process(file));
  return { output, warnings: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`) };
}

describe('remarkDropPreamble', () => {
  test('drops the blocks before the first thematic break, and the break', async () => {
    const { output, warnings } = await run('---\ntitle: T\n---\n\nBlurb one.\n\nBlurb two.\n\n---\n\nThe text.\n\n---\n\nMore text.\n');
    expect(output).toBe('---\ntitle: T\n---\n\nThe text.\n\n***\n\nMore text.\n');
    expect(warnings).toEqual([]);
  });

  test('leaves a chapter alone when the break comes later than maxBlocks, and warns', async () => {
    const { output, warnings } = await run('One.\n\nTwo.\n\nThree.\n\n---\n\nText.\n', { maxBlocks: 2 });
    expect(output).toContain('One.');
    expect(warnings).toEqual(['1:1 No preamble found: no `---` within the first 2 blocks, so nothing was dropped']);
  });

  test('does not warn when the preamble is optional', async () => {
    const { warnings } = await run('Just text.\n', { required: false });
    expect(warnings).toEqual([]);
  });
});
