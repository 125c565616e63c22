import { toString } from 'hast-util-to-string';
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
