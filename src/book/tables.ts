import type { Element, Root } from 'hast';
import { eachElement } from '../hast/tree.js';

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
