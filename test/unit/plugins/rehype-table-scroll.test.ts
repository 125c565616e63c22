import { expect, test } from '@jest/globals';
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { numberTables } from '../../../src/book/tables.js';
import rehypeTableScroll from '../../../src/plugins/rehype-table-scroll.js';

test('each table is wrapped in a focusable region, numbered across the trees of an edition', async () => {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeTableScroll, { label: 'Tableau' });
  const table = '| a | b |\n| - | - |\n| 1 | 2 |\n';
  const trees = [await processor.run(processor.parse(table + '\n' + table)), await processor.run(processor.parse(table))] as Root[];
  numberTables(trees);
  const html = trees.map((tree) => unified().use(rehypeStringify).stringify(tree));
  expect(html[0]).toMatch(/^<div class="table-scroll" role="region" tabindex="0" aria-label="Tableau 1"><table>/);
  expect(html[0]).toContain('aria-label="Tableau 2"');
  expect(html[1]).toContain('aria-label="Tableau 3"');
});
