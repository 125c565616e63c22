import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * The language of a code fence is its info string's first word before a comma or a
 * space, as mdBook and GitHub read it: ```` ```rust,ignore ```` is Rust (its options go to
 * `meta`), so it is highlighted and its class is `language-rust`.
 */
export default function remarkCodeLanguage() {
  return function (tree: Root) {
    visit(tree, 'code', (node: Code) => {
      if (!node.lang) return;
      const [lang, ...options] = node.lang.split(',');
      if (options.length === 0) return;
      node.lang = lang!.trim() || null;
      node.meta = [options.join(','), node.meta].filter(Boolean).join(' ') || null;
    });
  };
}
