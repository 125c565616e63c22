import { describe, expect, test } from '@jest/globals';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkFrontmatterData from '../../../src/plugins/remark-frontmatter-data.js';
import { formatMessages } from '../../../src/diagnostics/report.js';

async function run(markdown: string) {
  const file = new VFile({ path: '/book/chapters/en/x.md', value: markdown });
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkFrontmatterData);
  await processor.run(processor.parse(file), file);
  return { data: file.data.frontmatter, lines: formatMessages([file], '/book') };
}

describe('remarkFrontmatterData', () => {
  test('parses the frontmatter into file.data.frontmatter', async () => {
    const { data, lines } = await run('---\ntitle: Hello\ntags: [a, b]\n---\n\nText\n');
    expect(data).toEqual({ title: 'Hello', tags: ['a', 'b'] });
    expect(lines).toEqual([]);
  });

  test('invalid YAML is an error at the line and column of the chapter file', async () => {
    const { lines } = await run('---\ntitle: Fine\ndescription: Learn this: then that\n---\n\nText\n');
    expect(lines).toEqual([
      'chapters/en/x.md:3:14  error  Invalid frontmatter: Nested mappings are not allowed in compact mappings. Quote the value if it contains ": " or "#".  frontmatter-yaml',
    ]);
  });

  test('a duplicate key is a warning at the second key, and the later value wins', async () => {
    const { data, lines } = await run('---\ntitle: T\ncategory: "First"\nx: 1\ncategory: "Second"\n---\n');
    expect(data).toMatchObject({ category: 'Second' });
    expect(lines).toEqual([
      'chapters/en/x.md:5:1  warning  Duplicate key `category` in frontmatter (first on line 3); the later value wins  frontmatter-duplicate-key',
    ]);
  });

  test('frontmatter that is not a map is an error', async () => {
    const { lines } = await run('---\n- a\n- b\n---\n');
    expect(lines).toEqual(['chapters/en/x.md:2:1  error  Frontmatter must be a map of keys to values (`title: …`)  frontmatter-yaml']);
  });

  test('a chapter without frontmatter has empty data', async () => {
    expect((await run('# Just text\n')).data).toEqual({});
  });
});
