import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { eachElement } from '../hast/tree.js';

/** A chapter (or a part's opener) whose text differs between two HTML editions. */
export interface ChangedChapter {
  /** The chapter's slug: its element id. */
  id: string;
  title: string;
  change: 'changed' | 'added' | 'removed';
}

interface ChapterText {
  title: string;
  text: string;
}

/**
 * The chapters of a single-page HTML edition with their text, as Folio's templates mark
 * them: `<article class="chapter" id="slug">`, and `<section class="part" id="…">` for a
 * part's own opener text (its chapters are articles inside it and count on their own).
 */
export function chapterTexts(html: string): Map<string, ChapterText> {
  const chapters = new Map<string, ChapterText>();
  eachElement(fromHtml(html) as Root, (element) => {
    const classes = (element.properties.className as string[] | undefined) ?? [];
    const id = element.properties.id;
    if (typeof id !== 'string' || !(classes.includes('chapter') || classes.includes('part'))) return;
    const own: Element = { ...element, children: element.children.filter((child) => !(child.type === 'element' && child.tagName === 'article')) };
    let title = '';
    eachElement(own, (inner) => {
      if (inner.properties.id === `${id}-title`) title = toString(inner).trim();
    });
    chapters.set(id, { title, text: toString(own).replace(/\s+/g, ' ').trim() });
  });
  return chapters;
}

/** The chapters whose text differs, was added or went away, in the new edition's order (removed ones last). */
export function changedChapters(before: string, after: string): ChangedChapter[] {
  const old = chapterTexts(before);
  const now = chapterTexts(after);
  const changes: ChangedChapter[] = [];
  for (const [id, chapter] of now) {
    const earlier = old.get(id);
    if (!earlier) changes.push({ id, title: chapter.title, change: 'added' });
    else if (earlier.text !== chapter.text) changes.push({ id, title: chapter.title, change: 'changed' });
  }
  for (const [id, chapter] of old) if (!now.has(id)) changes.push({ id, title: chapter.title, change: 'removed' });
  return changes;
}
