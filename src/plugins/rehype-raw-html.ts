import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { EXIT, visit } from 'unist-util-visit';

/**
 * Parses HTML written in a chapter into real elements (rehype-raw's work, so the EPUB can
 * write it as XHTML and later plugins can see it), but only in chapters that have any:
 * re-parsing a whole tree through an HTML parser costs more than anything else here, and
 * most chapters are plain markdown. The parser itself (parse5) is loaded by the first
 * chapter that needs it, so a book without raw HTML never starts it.
 */
export default function rehypeRawHtml() {
  return async function (tree: Root, file: VFile): Promise<Root | undefined> {
    let found = false;
    visit(tree, 'raw', () => {
      found = true;
      return EXIT;
    });
    if (!found) return undefined;
    const { raw } = await import('hast-util-raw');
    return raw(tree, { file }) as Root;
  };
}
