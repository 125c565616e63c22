import type { Element, Root } from 'hast';
import { eachElement } from '../hast/tree.js';

/**
 * Turns the `align` attribute that GFM tables produce (`| :--- |`) into
 * `style="text-align: …"`: `align` is obsolete in HTML5 and not allowed in EPUB's XHTML,
 * while the alignment must survive in every edition.
 */
export default function rehypeTableAlign() {
  return function (tree: Root) {
    eachElement(tree, (node: Element) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties.align;
      if (typeof align !== 'string') return;
      delete node.properties.align;
      const existing = typeof node.properties.style === 'string' ? `${node.properties.style}; ` : '';
      node.properties.style = `${existing}text-align: ${align}`;
    });
  };
}
