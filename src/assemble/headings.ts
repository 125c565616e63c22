import type { Element, Root } from 'hast';
import { eachElement } from '../hast/tree.js';

const headingPattern = /^h([1-6])$/;

/**
 * Moves a chapter's headings under its title: the body's highest heading becomes
 * `titleRank + 1` and the rest follow, capped at h6. A single page needs one outline
 * (book h1 › part h2 › chapter h3 › sections h4…); an EPUB document starts at its title.
 */
export function shiftHeadings(tree: Root, titleRank: number): void {
  let top = 7;
  eachElement(tree, (node: Element) => {
    const match = headingPattern.exec(node.tagName);
    if (match) top = Math.min(top, Number(match[1]));
  });
  if (top === 7) return;
  const shift = titleRank + 1 - top;
  eachElement(tree, (node: Element) => {
    const match = headingPattern.exec(node.tagName);
    if (match) node.tagName = `h${Math.min(6, Number(match[1]) + shift)}`;
  });
}
