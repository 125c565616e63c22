import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { eachElement } from '../hast/tree.js';
import type { Edition } from './types.js';

/**
 * Each edition's texts, made once: every format (and both PDF passes) asks for them, and
 * an edition does not change once loaded.
 */
function once(make: (edition: Edition) => string): (edition: Edition) => string {
  const made = new WeakMap<Edition, string>();
  return (edition) => {
    let text = made.get(edition);
    if (text === undefined) made.set(edition, (text = make(edition)));
    return text;
  };
}

/** All the text an edition shows, e.g. to pick the font subsets it needs. */
export const editionText = once((edition) => {
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
});

/** The text of the edition's code (inline and blocks), to pick the monospace subsets. */
export const codeText = once((edition) => {
  const parts: string[] = [];
  for (const chapter of edition.chapters) {
    eachElement(chapter.tree, (node: Element) => {
      if (node.tagName !== 'code' && node.tagName !== 'kbd' && node.tagName !== 'pre') return;
      parts.push(toString(node));
      return 'skip';
    });
  }
  return parts.join(' ');
});
