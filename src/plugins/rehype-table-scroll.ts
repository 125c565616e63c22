import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface TableScrollOptions {
  /** The accessible name of the scrolling region, in the edition's language (default `Table`); the book numbers it (see book/tables.ts). */
  label?: string;
}

/**
 * Wraps each table in `<div class="table-scroll" role="region" tabindex="0">`: on a phone
 * a wide table scrolls sideways inside its box (reachable by keyboard) instead of
 * widening the page. Print and EPUB styles make the same table fit the measure instead.
 */
export default function rehypeTableScroll(options?: TableScrollOptions) {
  const label = options?.label ?? 'Table';
  return function (tree: Root) {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: label },
        children: [node],
        position: node.position,
      };
      return SKIP;
    });
  };
}
