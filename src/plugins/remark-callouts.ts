import type { Blockquote, Paragraph, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/** The callout kinds GitHub defines, in the order its docs list them. */
export const calloutKinds = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutKind = (typeof calloutKinds)[number];

export interface CalloutOptions {
  /** The visible title of each kind in the edition's language (default: English). */
  titles?: Partial<Record<CalloutKind, string>>;
}

const marker = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n|$)/i;
const englishTitles: Record<CalloutKind, string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

/**
 * GitHub's callouts: a blockquote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]` becomes `<aside class="callout callout-note" role="note">`
 * with a title paragraph in the edition's language. Any other blockquote stays one.
 */
export default function remarkCallouts(options?: CalloutOptions) {
  const titles = { ...englishTitles, ...options?.titles };
  return function (tree: Root) {
    visit(tree, 'blockquote', (node: Blockquote) => {
      const first = node.children[0];
      if (first?.type !== 'paragraph') return;
      const text = first.children[0];
      if (text?.type !== 'text') return;
      const match = marker.exec(text.value);
      if (!match) return;
      const kind = match[1]!.toLowerCase() as CalloutKind;

      text.value = text.value.slice(match[0].length);
      if (text.value === '') first.children.shift();
      // A soft line break right after the marker would start the text with a space.
      const lead = first.children[0];
      if (lead?.type === 'text') lead.value = lead.value.replace(/^\s+/, '');
      if (first.children.length === 0) node.children.shift();

      const title: Paragraph = {
        type: 'paragraph',
        children: [{ type: 'text', value: titles[kind] } satisfies Text],
        data: { hProperties: { className: ['callout-title'] } },
      };
      node.children.unshift(title);
      node.data = { ...node.data, hName: 'aside', hProperties: { className: ['callout', `callout-${kind}`], role: 'note' } };
    });
  };
}
