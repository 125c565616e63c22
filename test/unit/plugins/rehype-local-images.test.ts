import { expect, test } from '@jest/globals';
import path from 'node:path';
import type { Element, Root } from 'hast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { BookRoots } from '../../../src/book/roots.js';
import rehypeLocalImages from '../../../src/plugins/rehype-local-images.js';
import remarkFrontmatterData from '../../../src/plugins/remark-frontmatter-data.js';
import { repoRoot } from '../../support/tools.js';

const fixture = path.join(repoRoot, 'test/fixtures/features');

async function run(markdown: string) {
  const file = new VFile({ path: path.join(fixture, 'chapters/en/x.md'), value: markdown });
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkFrontmatterData).use(remarkRehype).use(rehypeLocalImages, { assets: { '/media/': path.join(fixture, 'images') }, roots: new BookRoots([fixture]) });
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  const images: Element[] = [];
  visit(tree, 'element', (node: Element) => void (node.tagName === 'img' && images.push(node)));
  return { tree, images, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.ruleId}`) };
}

test('relative and site-absolute images resolve to their files, with their pixel size', async () => {
  const { images, messages } = await run('![a](../../images/team.png)\n\n![b](/media/chart.svg)\n');
  expect(messages).toEqual([]);
  expect(images.map((img) => [img.properties.src, img.properties.width, img.properties.height])).toEqual([
    [path.join(fixture, 'images/team.png'), 1200, 800],
    [path.join(fixture, 'images/chart.svg'), 320, 160],
  ]);
});

test('missing, remote, unmapped and unsupported images are errors at the image', async () => {
  const { messages } = await run('![a](gone.png)\n\n![b](https://x.org/a.png)\n\n![c](/elsewhere/a.png)\n\n![d](../../book.yaml)\n');
  expect(messages).toEqual(['1:1 error image-missing', '3:1 error image-remote', '5:1 error image-missing', '7:1 error image-type']);
});

test('the frontmatter image opens the chapter; a missing one is a warning at its value', async () => {
  const found = await run('---\ntitle: T\nimage: { src: /media/banner.jpg, alt: A banner }\n---\n\nText.\n');
  const first = found.tree.children[0] as Element;
  expect([first.tagName, first.properties.className, (first.children[0] as Element).properties.alt]).toEqual(['figure', ['chapter-image'], 'A banner']);
  const missing = await run('---\ntitle: T\nimage: /media/nope.jpg\n---\n\nText.\n');
  expect(missing.messages).toEqual(['3:8 warning image-missing']);
  expect(missing.images).toEqual([]);
});
