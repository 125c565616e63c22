import type { Root } from 'hast';
import { VFile } from 'vfile';
import { error } from '../diagnostics/messages.js';
import type { OutlineEntry } from './outline.js';
import type { ChapterProcessor } from './processor.js';
import type { Chapter } from './types.js';

/**
 * Turns one chapter's text into HAST, once. Problems (bad frontmatter, no title)
 * are messages in the chapter's VFile; the chapter is returned all the same so that
 * every problem of the build can be reported together.
 */
export async function loadChapter(
  processor: ChapterProcessor,
  filePath: string,
  text: string,
  entry: OutlineEntry,
  lang: string,
): Promise<Chapter> {
  const file = new VFile({ path: filePath, value: text, data: { lang } });
  const mdast = processor.parse(file);
  const tree = (await processor.run(mdast, file)) as Root;
  const frontmatter = file.data.frontmatter ?? {};
  const title = typeof frontmatter.title === 'string' ? frontmatter.title.trim() : '';
  if (!title && !file.messages.some((message) => message.fatal)) {
    error(file, 'The chapter has no `title` in its frontmatter: add `title: …` between the `---` lines at the top', { line: 1, column: 1 }, 'chapter-title');
  }
  return {
    slug: entry.slug,
    lang,
    role: entry.role,
    number: entry.number,
    file,
    title: title || entry.slug,
    frontmatter,
    tree,
    ids: new Set(),
  };
}
