import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';
import { EXIT, visit } from 'unist-util-visit';

/**
 * Parses HTML written in a chapter into real elements (rehype-raw's work, so the EPUB can
 * write it as XHTML and later plugins can see it), but only in chapters that have any:
 * re-parsing a whole tree through an HTML parser costs more than anything else here, and
 * most chapters are plain markdown.
 */
export default function rehypeRawHtml() {
  return function (tree: Root, file: VFile): Root | undefined {
    let found = false;
    visit(tree, 'raw', () => {
      found = true;
      return EXIT;
    });
    return found ? (raw(tree, { file }) as Root) : undefined;
  };
}
