import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { cloneTree } from '../hast/tree.js';
import type { Chapter, Edition } from '../book/types.js';
import { format } from '../templates/strings.js';
import { rewriteImages } from '../assets/images.js';
import { shiftHeadings } from './headings.js';

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
  parts: PartView[];
  back: ChapterView[];
}

/**
 * Lays an edition out as one document, the way mdBook's print page does: ids are already
 * unique across the edition and links between chapters are already `#id`, so what is
 * left is one heading outline (book h1 › part h2 › chapter h3) and HTML for the template.
 * `imageUrl` says what each local image becomes (a data URI). Works on copies of the trees.
 */
export function assembleSinglePage(edition: Edition, imageUrl: (file: string) => string): SinglePage {
  const chapterView = (chapter: Chapter, rank: number): ChapterView => ({
    id: chapter.slug,
    title: chapter.title,
    titleHtml: titleHtml(chapter.titleNodes),
    label: chapter.number === undefined ? undefined : format(edition.strings.chapter!, { n: chapter.number }),
    tag: `h${rank}`,
    html: bodyHtml(chapter, rank, imageUrl),
  });
  return {
    front: edition.front.map((chapter) => chapterView(chapter, 2)),
    parts: edition.parts.map((part) => ({
      id: part.id,
      label: format(edition.strings.part!, { n: part.number }),
      title: part.title,
      titleHtml: titleHtml(part.titleNodes),
      tag: 'h2',
      intro: part.opener ? bodyHtml(part.opener, 2, imageUrl) : '',
      chapters: part.chapters.map((chapter) => chapterView(chapter, 3)),
    })),
    back: edition.back.map((chapter) => chapterView(chapter, 2)),
  };
}

/** A title's inline markup as HTML, when it has any. */
export function titleHtml(nodes: ElementContent[] | undefined): string | undefined {
  return nodes && toHtml({ type: 'root', children: nodes });
}

function bodyHtml(chapter: Chapter, titleRank: number, imageUrl: (file: string) => string): string {
  const tree = cloneTree(chapter.tree);
  shiftHeadings(tree, titleRank);
  rewriteImages(tree, imageUrl);
  return toHtml(tree);
}
