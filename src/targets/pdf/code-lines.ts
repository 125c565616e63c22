import type { Element, ElementContent, Root, Text } from 'hast';
import { eachElement } from '../../hast/tree.js';

/**
 * Puts each source line of every code block in a `<span class="code-line">` of its own,
 * so that print.css can mark where a long line wraps (paper cannot scroll sideways):
 * continuation lines hang indented, behind a mark in the gutter. Highlighting spans that
 * run over several lines (a block comment) are closed at each line end and opened again
 * on the next, with the same classes.
 */
export function markCodeLines(tree: Root): void {
  eachElement(tree, (node: Element) => {
    if (node.tagName !== 'pre') return;
    const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
    if (code) code.children = splitLines(code.children).map((line) => ({ type: 'element', tagName: 'span', properties: { className: ['code-line'] }, children: line }));
    return 'skip';
  });
}

/** The nodes of each line; a trailing newline ends the last line instead of opening an empty one. */
export function splitLines(nodes: readonly ElementContent[]): ElementContent[][] {
  const lines = linesOf(nodes);
  if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
  return lines;
}

function linesOf(nodes: readonly ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  for (const node of nodes) {
    let pieces: ElementContent[][];
    if (node.type === 'text') {
      pieces = node.value.split('\n').map((part) => (part === '' ? [] : [{ type: 'text', value: part } satisfies Text]));
    } else if (node.type === 'element') {
      // A copy of the element on every line its content reaches.
      pieces = linesOf(node.children).map((content, index) => (content.length === 0 && index > 0 ? [] : [{ ...node, children: content }]));
    } else {
      pieces = [[node]];
    }
    lines.at(-1)!.push(...pieces[0]!);
    lines.push(...pieces.slice(1));
  }
  return lines;
}
