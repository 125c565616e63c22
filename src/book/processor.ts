import rehypeSlug from 'rehype-slug';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import rehypeHeadingOrder from '../plugins/rehype-heading-order.js';
import rehypeTableAlign from '../plugins/rehype-table-align.js';
import remarkFrontmatterData from '../plugins/remark-frontmatter-data.js';

/**
 * The chapter pipeline, markdown → HAST, built once per book and frozen: the book's own
 * plugins run on the markdown tree after frontmatter is parsed, before it becomes HTML.
 * Heading ids are slugged here (unique within the chapter); the book makes them unique
 * across the edition afterwards.
 */
export function createChapterProcessor(bookPlugins: PluggableList = []) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkFrontmatterData)
    .use(remarkGfm)
    .use(bookPlugins)
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeTableAlign)
    .use(rehypeHeadingOrder)
    .freeze();
}

export type ChapterProcessor = ReturnType<typeof createChapterProcessor>;
