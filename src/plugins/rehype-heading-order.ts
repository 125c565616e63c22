import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { eachElement } from '../hast/tree.js';
import { warn } from '../diagnostics/messages.js';

const headingPattern = /^h([1-6])$/;

/**
 * Keeps a chapter's outline navigable: a heading that skips a level (`###` right after
 * `#`-less text or after `#`, where `##` was due) is lowered to the level due, with a
 * warning at its line. Screen readers and reading systems list headings by level, and
 * accessibility checkers (axe, Ace) fail a skipped level. The chapter's highest level
 * is the start: a body whose headings are all `###` is fine.
 */
export default function rehypeHeadingOrder() {
  return function (tree: Root, file: VFile) {
    const headings: [Element, number][] = [];
    eachElement(tree, (node: Element) => {
      const match = headingPattern.exec(node.tagName);
      if (match) headings.push([node, Number(match[1])]);
    });
    if (headings.length === 0) return;
    const top = Math.min(...headings.map(([, rank]) => rank));
    // Source level → output level of the open sections, so that headings that are
    // siblings in the source stay siblings after one of them is lowered.
    const open: [source: number, output: number][] = [];
    // One warning for a run of sibling headings that skip the same level, not one each.
    let warnedRank: number | undefined;
    for (const [node, rank] of headings) {
      if (warnedRank !== undefined && rank < warnedRank) warnedRank = undefined;
      while (open.length > 0 && open.at(-1)![0] >= rank) open.pop();
      const parent = open.at(-1);
      const due = parent ? Math.min(rank, parent[1] + 1) : top;
      // Warn where the source skips a level; headings under a lowered one move with it.
      const skipped = parent ? rank > parent[0] + 1 : rank > top;
      if (skipped && warnedRank !== rank) {
        warnedRank = rank;
        const after = parent ? `after a ${'#'.repeat(parent[0])} heading` : `before any ${'#'.repeat(top)} heading`;
        warn(file, `Heading level skipped: ${'#'.repeat(rank)} ${after}; set as ${'#'.repeat(due)}`, node, 'heading-order');
      }
      node.tagName = `h${due}`;
      open.push([rank, due]);
    }
  };
}
