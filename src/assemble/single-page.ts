import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Edition } from '../book/types.js';
import { editionView, type ChapterEntry } from './edition-view.js';

/** A chapter ready for a single-page template. */
export interface ChapterView {
  id: string;
  title: string;
  /** The title with its inline markup, as HTML, when it has any (else the template prints `title`). */
  titleHtml?: string;
  /** "Chapter 4", localized; absent for front and back matter. */
  label?: string;
  /** The heading element of the title: h2 in front and back matter, h3 inside a part. */
  tag: string;
  /** The chapter's text as HTML, headings moved under the title. */
  html: string;
}

export interface PartView {
  id: string;
  /** "Part 2", localized. */
  label: string;
  title: string;
  titleHtml?: string;
  tag: string;
  /** The opener's text, the part's introduction. */
  intro: string;
  chapters: ChapterView[];
}

export interface SinglePage {
  front: ChapterView[];
  /** The numbered chapters outside parts (all of them in a book without parts). */
  body: ChapterView[];
  parts: PartView[];
  back: ChapterView[];
}

/**
 * Lays an edition out as one document, the way mdBook's print page does: ids are already
 * unique across the edition and links between chapters are already `#id`, so what is
 * left is the edition's view with one heading outline (see edition-view.ts) as HTML for
 * the template. `imageUrl` says what each local image becomes (a data URI).
 */
export function assembleSinglePage(edition: Edition, imageUrl: (file: string) => string): SinglePage {
  const view = editionView(edition, { outline: 'book', imageUrl });
  const chapterView = (entry: ChapterEntry): ChapterView => ({
    id: entry.id,
    title: entry.title,
    titleHtml: titleHtml(entry.titleNodes),
    label: entry.label,
    tag: `h${entry.rank}`,
    html: toHtml(entry.tree),
  });
  return {
    front: view.front.map(chapterView),
    body: view.body.map(chapterView),
    parts: view.parts.map((part) => ({
      id: part.id,
      label: part.label,
      title: part.title,
      titleHtml: titleHtml(part.titleNodes),
      tag: `h${part.rank}`,
      intro: part.intro ? toHtml(part.intro) : '',
      chapters: part.chapters.map(chapterView),
    })),
    back: view.back.map(chapterView),
  };
}

/** A title's inline markup as HTML, when it has any. */
export function titleHtml(nodes: ElementContent[] | undefined): string | undefined {
  return nodes && toHtml({ type: 'root', children: nodes } satisfies Root);
}
