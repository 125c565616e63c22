import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { eachElement } from '../book/tree.js';

export interface TableScrollOptions {
  /** The accessible name of the scrolling region, in the edition's language (default `Table`); the book numbers it (see numberTables). */
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

/**
 * Numbers the table regions of an edition in reading order (`Table 1`, `Table 2`, …): on
 * the single page every landmark needs a name of its own.
 */
export function numberTables(trees: readonly Root[]): void {
  let count = 0;
  for (const tree of trees) {
    eachElement(tree, (node: Element) => {
      const className = node.properties.className;
      if (node.tagName === 'div' && Array.isArray(className) && className.includes('table-scroll')) node.properties.ariaLabel = `${String(node.properties.ariaLabel)} ${++count}`;
    });
  }
}
