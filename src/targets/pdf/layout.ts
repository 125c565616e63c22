import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { cloneTree, eachElement } from '../../hast/tree.js';
import { shiftHeadings } from '../../assemble/headings.js';
import { titleHtml } from '../../assemble/single-page.js';
import { rewriteImages } from '../../assets/images.js';
import type { Chapter, Edition } from '../../book/types.js';
import { format } from '../../templates/strings.js';
import { markCodeLines } from './code-lines.js';
import { hyphenateTree, hyphenatorFor } from './hyphenate.js';

/**
 * What the print template needs that a screen does not: which elements start on a
 * right-hand page, where blank pages go, the page number of every contents entry, and
 * one named page per chapter (for its running head). Pagination facts come from a
 * measured first print (see paginate.ts); before it, page numbers are placeholders of
 * the same width, so the contents keep their length.
 */
export interface Pagination {
  /** Ids of the openers that get a blank page before them. */
  blankBefore: ReadonlySet<string>;
  /** Printed page number (folio) of each contents target, by id. */
  folios: ReadonlyMap<string, string>;
}

export const firstPass: Pagination = { blankBefore: new Set(), folios: new Map() };

/** A contents entry and an opener that must start on a right-hand page. */
export interface PrintChapter {
  id: string;
  /** The named page of its pages: `ch-<slug>` (running head and folio style). */
  pageName: string;
  title: string;
  /** The title with its inline markup, as HTML, when it has any. */
  titleHtml?: string;
  label?: string;
  tag: string;
  html: string;
  /** The named page of a blank page before it, if it gets one: `blank-front` or `blank-body` (counted as body). */
  blankPage?: string;
  folio: string;
}

export interface PrintPart {
  id: string;
  label: string;
  title: string;
  titleHtml?: string;
  blankPage?: string;
  folio: string;
  /** The part's introduction (its opener chapter's text), on the pages after the opener. */
  intro?: { pageName: string; html: string };
  chapters: PrintChapter[];
}

/** One @page rule set per chapter: its running head and whether its folios are roman. */
export interface PageStyle {
  name: string;
  counter: string;
  /** The running head of its right-hand pages, as a CSS string literal. */
  head: string;
  roman: boolean;
}

export interface PrintLayout {
  front: PrintChapter[];
  /** Chapters of a book without parts. */
  body: PrintChapter[];
  parts: PrintPart[];
  back: PrintChapter[];
  pageStyles: PageStyle[];
  /** The book title for left-hand running heads, as a CSS string literal. */
  bookHead: string;
}

/**
 * Lays an edition out for print, hyphenated for its language. `imageUrl` turns a local
 * image into what the page loads (a data URI); the caller keeps one for both passes, so
 * each image is encoded once.
 */
export function printLayout(edition: Edition, pagination: Pagination, imageUrl: (file: string) => string): PrintLayout {
  const hyphenate = hyphenatorFor(edition.lang);
  // A blank page before the first opener of the body still belongs to the front matter.
  const firstBody = [...edition.front.filter((item) => item.role !== 'front').map((item) => item.slug), ...edition.parts.map((part) => part.id), ...edition.back.map((item) => item.slug)][0];
  const blankPage = (id: string, front: boolean) =>
    !pagination.blankBefore.has(id) ? undefined : front || id === firstBody ? 'blank-front' : 'blank-body';
  const pageStyles: PageStyle[] = [];
  const placeholder = '888';
  const named = (chapter: Chapter, head: string, roman: boolean) => {
    const name = `ch-${chapter.slug}`;
    pageStyles.push({ name, counter: `c-${chapter.slug}`, head: cssString(head), roman });
    return name;
  };
  const body = (chapter: Chapter, titleRank: number) => {
    const tree = cloneTree(chapter.tree);
    shiftHeadings(tree, titleRank);
    rewriteImages(tree, imageUrl);
    openDetails(tree);
    if (hyphenate) hyphenateTree(tree, hyphenate);
    markCodeLines(tree);
    return toHtml(tree);
  };
  const chapter = (item: Chapter, rank: number, roman: boolean): PrintChapter => ({
    id: item.slug,
    pageName: named(item, item.title, roman),
    title: item.title,
    titleHtml: titleHtml(item.titleNodes),
    label: item.number === undefined ? undefined : format(edition.strings.chapter!, { n: item.number }),
    tag: `h${rank}`,
    html: body(item, rank),
    blankPage: blankPage(item.slug, roman),
    folio: pagination.folios.get(item.slug) ?? placeholder,
  });

  // A book without parts keeps its chapters in `front` with the role `chapter`: those are body.
  const frontMatter = edition.front.filter((item) => item.role === 'front');
  const bodyChapters = edition.front.filter((item) => item.role !== 'front');
  return {
    front: frontMatter.map((item) => chapter(item, 2, true)),
    body: bodyChapters.map((item) => chapter(item, 2, false)),
    parts: edition.parts.map((part): PrintPart => ({
      id: part.id,
      label: format(edition.strings.part!, { n: part.number }),
      title: part.title,
      titleHtml: titleHtml(part.titleNodes),
      blankPage: blankPage(part.id, false),
      folio: pagination.folios.get(part.id) ?? placeholder,
      intro: part.opener && { pageName: named(part.opener, part.title, false), html: body(part.opener, 2) },
      chapters: part.chapters.map((item) => chapter(item, 3, false)),
    })),
    back: edition.back.map((item) => chapter(item, 2, false)),
    pageStyles,
    bookHead: cssString(edition.metadata.title),
  };
}

/** Paper cannot be clicked: every `<details>` prints open. */
function openDetails(tree: Root): void {
  eachElement(tree, (node: Element) => {
    if (node.tagName === 'details') node.properties.open = true;
  });
}

/** A CSS string literal: `"Say \"hi\""`. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}

/** The ids of the contents, in reading order: the openers that must start on a right-hand page. */
export function openerIds(layout: PrintLayout): string[] {
  return [
    ...layout.front.map((item) => item.id),
    ...layout.body.map((item) => item.id),
    ...layout.parts.flatMap((part) => [part.id, ...part.chapters.map((item) => item.id)]),
    ...layout.back.map((item) => item.id),
  ];
}
