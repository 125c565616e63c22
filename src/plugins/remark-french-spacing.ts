import type { Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

const narrow = '\u202F';
const noBreak = '\u00A0';

/**
 * French spacing: a narrow no-break space before `;`, `!` and `?`, a no-break space
 * before a `:` that ends a clause, and narrow no-break spaces inside « guillemets », so
 * that the marks never start a line. Existing spaces there become the no-break kind.
 * Text inside code and inside links (URLs shown as text) is left alone.
 */
export default function remarkFrenchSpacing() {
  return function (tree: Root) {
    visit(tree, (node, _index, parent) => {
      if (node.type === 'link' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') return SKIP;
      if (node.type !== 'text' || parent?.type === 'link') return;
      const text = node as Text;
      text.value = text.value
        .replace(/(\S)[ \u00A0\u202F]?([;!?])(?=\s|$|[»)”"])/g, `$1${narrow}$2`)
        .replace(/(\S)[ \u00A0\u202F]?:(?=\s|$)/g, `$1${noBreak}:`)
        .replace(/«[ \u00A0\u202F]?/g, `«${narrow}`)
        .replace(/[ \u00A0\u202F]?»/g, `${narrow}»`);
    });
  };
}
