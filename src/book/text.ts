import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Edition } from './types.js';

/** All the text an edition shows, e.g. to pick the font subsets it needs. */
export function editionText(edition: Edition): string {
  const { metadata } = edition;
  return [
    metadata.title,
    metadata.subtitle ?? '',
    metadata.authors.join(' '),
    metadata.rights ?? '',
    metadata.publisher ?? '',
    metadata.identifier,
    ...Object.values(edition.strings),
    ...edition.parts.map((part) => part.title),
    ...edition.chapters.flatMap((chapter) => [chapter.title, toString(chapter.tree)]),
  ].join(' ');
}

/** The text of the edition's code (inline and blocks), to pick the monospace subsets. */
export function codeText(edition: Edition): string {
  const parts: string[] = [];
  for (const chapter of edition.chapters) {
    visit(chapter.tree, 'element', (node: Element) => {
      if (node.tagName !== 'code' && node.tagName !== 'kbd' && node.tagName !== 'pre') return;
      parts.push(toString(node));
      return 'skip';
    });
  }
  return parts.join(' ');
}
