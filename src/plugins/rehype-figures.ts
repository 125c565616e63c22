import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

const blank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

/**
 * An image alone in its paragraph becomes a figure, as in Pandoc: its caption is the
 * image's title when it has one, else its alt text. The alt text stays on the image.
 * An image inside running text stays inline.
 */
export default function rehypeFigures() {
  return function (tree: Root) {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const content = node.children.filter((child) => !blank(child));
      const image = content[0];
      if (content.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return;
      const title = typeof image.properties.title === 'string' ? image.properties.title : '';
      const alt = typeof image.properties.alt === 'string' ? image.properties.alt : '';
      const caption = title || alt;
      if (title) delete image.properties.title; // the caption shows it; a tooltip would repeat it
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: {},
        children: caption ? [image, { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] }] : [image],
        position: node.position,
      };
      parent.children[index] = figure;
    });
  };
}
