import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';
import type { Processor } from 'unified';
import { VFileMessage } from 'vfile-message';

/** How deep blocks may nest (quotes in quotes, lists in lists): far past any book, far short of a stack overflow. */
export const nestingLimit = 100;

export interface DepthLimitOptions {
  /** Deepest nesting allowed (default: nestingLimit). */
  limit?: number;
}

/**
 * Refuses a chapter nested deeper than `limit` (10,000 `>` in a row parse fine, then
 * overflow the stack of every recursive tree walk after them, starting with remark-gfm's
 * own during parsing). It is a parser transform registered ahead of every other, walks
 * with its own stack instead of recursion, and stops the chapter's pipeline with a fatal
 * message at the node that went too deep.
 */
export default function remarkDepthLimit(this: Processor, options?: DepthLimitOptions) {
  const limit = options?.limit ?? nestingLimit;
  const data = this.data();
  (data.fromMarkdownExtensions ??= []).unshift({ transforms: [(tree: Root) => check(tree, limit)] });
}

function check(tree: Root, limit: number): undefined {
  {
    const stack: [Node, number][] = [[tree, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (depth > limit) {
        const message = new VFileMessage(`The chapter nests ${node.type} blocks more than ${limit} deep; no edition can lay that out: flatten it`, {
          place: node.position,
          ruleId: 'nesting-depth',
          source: 'folio',
        });
        message.fatal = true;
        throw message;
      }
      for (const child of (node as Parent).children ?? []) stack.push([child, depth + 1]);
    }
  }
  return undefined;
}

const containerMarker = /^[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/;

/**
 * Where a chapter's text nests containers (`>`, list markers) more than `limit` deep on
 * one line, before parsing: micromark's time grows with the square of such nesting
 * (10,000 nested list items take minutes), so this has to be found in the text. Only
 * markers at the start of a line and after each other count; indentation before a
 * marker counts a level per two columns.
 */
export function textTooDeep(text: string, limit = nestingLimit): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    let rest = line.slice(/^[ \t]*/.exec(line)![0].length);
    // Indentation is nesting only where a marker follows (else it may be code, or art).
    let depth = containerMarker.test(rest) ? Math.floor(indent / 2) : 0;
    let column = line.length - rest.length + 1;
    while (depth <= limit) {
      const match = containerMarker.exec(rest);
      if (!match) break;
      depth++;
      rest = rest.slice(match[0].length);
      column += match[0].length;
    }
    if (depth > limit) return { line: index + 1, column };
  }
  return undefined;
}
