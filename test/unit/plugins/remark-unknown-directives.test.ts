import { expect, test } from '@jest/globals';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkUnknownDirectives from '../../../src/plugins/remark-unknown-directives.js';

test("other tools' directives are warnings at their place; code that merely looks like one is not", async () => {
  const markdown = '{{#playground a.rs}}\n\nText {% hint style="info" %} more.\n\n```rust\n{{#include a.rs}}\n```\n\n```liquid\n{% if x %}y{% endif %}\n```\n';
  const file = new VFile({ path: 'a.md', value: markdown });
  const processor = unified().use(remarkParse).use(remarkUnknownDirectives);
  await processor.run(processor.parse(file), file);
  expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason.split(',')[0]}`)).toEqual([
    '1:1 {{#playground a.rs}} is an mdBook directive (folio/mdbook reads {{#include}} and {{#rustdoc_include}})',
    '3:1 {% hint style="info" %} is a GitBook or Liquid tag',
    '5:1 {{#include a.rs}} is an mdBook directive',
  ]);
});
