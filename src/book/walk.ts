import type { Element, Root } from 'hast';

/**
 * Calls `visit` for every element under `tree`, in document order, each before its
 * children; returning `'skip'` leaves that element's children out. For the many walks
 * of a build that read or touch elements in place (ids, links, images, headings…):
 * unist-util-visit makes a closure and a parents array for every node it passes, which
 * came to about 0.8 s of CPU, and much garbage, in the 16 guide editions. Walks that
 * replace or remove nodes keep unist-util-visit, for its index bookkeeping.
 */
export function eachElement(tree: Root | Element, visit: (node: Element) => void | 'skip'): void {
  for (const child of tree.children) {
    if (child.type === 'element' && visit(child) !== 'skip') eachElement(child, visit);
  }
}
