import type { Element } from 'hast';
import { eachElement } from '../hast/tree.js';
import type { Chapter } from './types.js';

/** Ids the templates use for the book's own furniture; no chapter may take them. */
export const reservedIds = ['top', 'main', 'contents', 'cover', 'title-page', 'copyright', 'colophon', 'footnotes'];

/**
 * Makes every id unique across an edition, the way mdBook's print page does: chapters
 * are walked in reading order, the first to use an id keeps it, a later one becomes
 * `<chapter-slug>-<id>` (then `-1`, `-2`, …). The result is stable: it depends only on
 * the sources. Returns, per chapter, the map from the id the author wrote to the final id.
 */
export function uniqueIds(chapters: readonly Chapter[], elementIds: readonly string[]): Map<Chapter, Map<string, string>> {
  const used = new Set<string>([...reservedIds, ...elementIds]);
  const renamed = new Map<Chapter, Map<string, string>>();

  for (const chapter of chapters) {
    const map = new Map<string, string>();
    eachElement(chapter.tree, (node: Element) => {
      const written = node.properties.id;
      if (typeof written !== 'string') return;
      // An id is never empty nor has spaces (XHTML refuses both): a heading of emoji only
      // slugs to '', which becomes `section` (then made unique like any other).
      const id = written.trim().replace(/\s+/g, '-') || (/^h[1-6]$/.test(node.tagName) ? 'section' : '');
      if (id === '') {
        delete node.properties.id;
        return;
      }
      let final = used.has(id) ? `${chapter.slug}-${id}` : id;
      for (let counter = 1; used.has(final); counter++) final = `${chapter.slug}-${id}-${counter}`;
      used.add(final);
      if (!map.has(written)) map.set(written, final);
      node.properties.id = final;
      chapter.ids.add(final);
    });
    renamed.set(chapter, map);
    renameReferences(chapter, map);
  }
  return renamed;
}

/** Attributes that name ids of the same document (footnote references use aria-describedby). */
const idReferences = ['ariaDescribedBy', 'ariaLabelledBy', 'ariaControls', 'ariaOwns', 'htmlFor'];

/** Points a chapter's id references at the ids' final names. (Links are resolveLinks' job.) */
function renameReferences(chapter: Chapter, map: ReadonlyMap<string, string>): void {
  eachElement(chapter.tree, (node: Element) => {
    for (const name of idReferences) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = map.get(value) ?? value;
      else if (Array.isArray(value)) node.properties[name] = value.map((id) => map.get(String(id)) ?? id);
    }
  });
}
