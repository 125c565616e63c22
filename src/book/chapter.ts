import type { Root } from 'hast';
import { VFile } from 'vfile';
import { error } from '../diagnostics/messages.js';
import type { OutlineEntry } from './outline.js';
import { takeTitle } from './title.js';
import type { ChapterProcessor } from './processor.js';
import type { Chapter } from './types.js';

/**
 * Turns one chapter's text into HAST, once, and takes out its title (see title.ts).
 * Problems (bad frontmatter, no title)
 * are messages in the chapter's VFile; the chapter is returned all the same so that
 * every problem of the build can be reported together.
 */
export async function loadChapter(
  processor: ChapterProcessor,
  filePath: string,
  text: string,
  entry: OutlineEntry,
  lang: string,
  root: string,
): Promise<Chapter> {
  const file = new VFile({ path: filePath, value: text, data: { bookRoot: root } });
  const mdast = processor.parse(file);
  const tree = (await processor.run(mdast, file)) as Root;
  const frontmatter = file.data.frontmatter ?? {};
  const written = typeof frontmatter.title === 'string' ? frontmatter.title.trim() : '';
  const title = takeTitle(tree, written || undefined, entry.label);
  // Reported whatever else is wrong with the chapter: every problem shows in one build.
  if (!title && !file.data.frontmatterInvalid) {
    error(file, 'The chapter has no title: start it with a `# Heading`, or add `title: …` to its frontmatter', { line: 1, column: 1 }, 'chapter-title');
  }
  return {
    slug: entry.slug,
    lang,
    role: entry.role,
    number: entry.number,
    file,
    title: title?.text ?? entry.slug,
    titleNodes: title?.nodes,
    titleAnchor: title?.anchor,
    frontmatter,
    tree,
    ids: new Set(),
  };
}
