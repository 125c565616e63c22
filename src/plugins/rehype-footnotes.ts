import type { Element, Root } from 'hast';
import { eachElement } from '../hast/tree.js';

/**
 * Gives GFM footnotes (as remark-rehype makes them) their DPUB-ARIA roles, so assistive
 * technology and e-readers know a note reference from a link: `doc-noteref` on the
 * reference, `doc-endnotes` on the chapter's notes, `doc-backlink` on the way back. The
 * notes' heading is made visible: in print it is where the notes of a chapter start.
 */
export default function rehypeFootnotes() {
  return function (tree: Root) {
    eachElement(tree, (node: Element) => {
      const properties = node.properties;
      if (node.tagName === 'a' && properties.dataFootnoteRef !== undefined) properties.role = 'doc-noteref';
      else if (node.tagName === 'a' && properties.dataFootnoteBackref !== undefined) {
        properties.role = 'doc-backlink';
        properties.className = ['footnote-backref'];
      } else if (node.tagName === 'section' && properties.dataFootnotes !== undefined) {
        properties.role = 'doc-endnotes';
        const heading = node.children.find((child): child is Element => child.type === 'element' && /^h[1-6]$/.test(child.tagName));
        if (heading) heading.properties.className = ['footnotes-title'];
      }
    });
  };
}
