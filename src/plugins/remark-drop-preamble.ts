import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { warn } from '../diagnostics/messages.js';

export interface Options {
  /** At most this many blocks may stand before the break for them to count as a preamble (default: 4). */
  maxBlocks?: number;
  /** Warn when a chapter has no such break (default: true). */
  required?: boolean;
}

const emptyOptions: Options = {};

/**
 * Drops a chapter's preamble: the blocks before its first thematic break (`---`), and the
 * break itself. Web pages often open with a blurb that belongs on the site, not in the
 * book; the Agency Success Guide opens every chapter with one.
 */
export default function remarkDropPreamble(options?: Options) {
  const settings = options || emptyOptions;
  const maxBlocks = settings.maxBlocks ?? 4;
  const required = settings.required ?? true;

  return function (tree: Root, file: VFile) {
    // Frontmatter is not part of the text: skip it when counting blocks.
    const start = tree.children.findIndex((node) => node.type !== 'yaml');
    if (start === -1) return;
    const limit = Math.min(tree.children.length, start + maxBlocks + 1);
    for (let index = start; index < limit; index++) {
      if (tree.children[index]!.type === 'thematicBreak') {
        tree.children.splice(start, index - start + 1);
        return;
      }
    }
    if (required) {
      warn(file, `No preamble found: no \`---\` within the first ${maxBlocks} blocks, so nothing was dropped`, tree.children[start], 'drop-preamble');
    }
  };
}
