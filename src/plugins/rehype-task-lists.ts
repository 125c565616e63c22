import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { eachElement } from '../hast/tree.js';

/**
 * Names the checkbox of each task list item (`- [x] Send it`) by the item's own text:
 * GFM writes a bare `<input type="checkbox" disabled>`, which screen readers announce as
 * an unlabelled form field (axe and Ace rate that critical). Nested lists are not part
 * of the name.
 */
export default function rehypeTaskLists() {
  return function (tree: Root) {
    eachElement(tree, (node: Element) => {
      if (node.tagName !== 'li' || !(node.properties.className as string[] | undefined)?.includes('task-list-item')) return;
      const own = (children: ElementContent[]): string =>
        children
          .map((child) => (child.type !== 'element' ? toString(child) : ['ul', 'ol', 'input'].includes(child.tagName) ? '' : child.tagName === 'p' ? own(child.children) : toString(child)))
          .join('');
      const box = findCheckbox(node);
      if (box) box.properties.ariaLabel = own(node.children).replace(/\s+/g, ' ').trim();
    });
  };
}

function findCheckbox(item: Element): Element | undefined {
  for (const child of item.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'input' && child.properties.type === 'checkbox') return child;
    if (child.tagName === 'p') return findCheckbox(child);
  }
  return undefined;
}
