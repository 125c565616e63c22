import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { editionView, type ChapterEntry } from '../../assemble/edition-view.js';
import { titleHtml } from '../../assemble/single-page.js';
import { eachElement } from '../../hast/tree.js';
import type { Edition } from '../../book/types.js';
import { markCodeLines } from './code-lines.js';
import { hyphenateTree, type Hyphenator } from './hyphenate.js';

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
  /** The numbered chapters outside parts (all of them in a book without parts). */
  body: PrintChapter[];
  parts: PrintPart[];
  back: PrintChapter[];
  pageStyles: PageStyle[];
  /** The book title for left-hand running heads, as a CSS string literal. */
  bookHead: string;
}

/**
 * Lays an edition out for print, hyphenated for its language: the edition's view (see
 * assemble/edition-view.ts) with what paper adds, page names, blank pages, folios, open
 * `<details>`, hyphens and numbered code lines. `imageUrl` turns a local image into what
 * the page loads (a data URI); the caller keeps one for both passes, so each image is
 * encoded once. `hyphenate` is the edition's language's (hyphenatorFor), if it has one.
 */
export function printLayout(edition: Edition, pagination: Pagination, imageUrl: (file: string) => string, hyphenate?: Hyphenator): PrintLayout {
  const view = editionView(edition, { outline: 'book', imageUrl });
  // A blank page before the first opener of the body still belongs to the front matter.
  const firstBody = [...view.body, ...view.parts, ...view.back][0]?.id;
  const blankPage = (id: string, front: boolean) =>
    !pagination.blankBefore.has(id) ? undefined : front || id === firstBody ? 'blank-front' : 'blank-body';
  const pageStyles: PageStyle[] = [];
  const placeholder = '888';
  const named = (slug: string, head: string, roman: boolean) => {
    const name = `ch-${slug}`;
    pageStyles.push({ name, counter: `c-${slug}`, head: cssString(head), roman });
    return name;
  };
  const printed = (tree: Root) => {
    openDetails(tree);
    if (hyphenate) hyphenateTree(tree, hyphenate);
    markCodeLines(tree);
    return toHtml(tree);
  };
  const chapter = (entry: ChapterEntry): PrintChapter => {
    // Front matter is numbered in roman folios.
    const roman = entry.matter === 'front';
    return {
      id: entry.id,
      pageName: named(entry.id, entry.title, roman),
      title: entry.title,
      titleHtml: titleHtml(entry.titleNodes),
      label: entry.label,
      tag: `h${entry.rank}`,
      html: printed(entry.tree),
      blankPage: blankPage(entry.id, roman),
      folio: pagination.folios.get(entry.id) ?? placeholder,
    };
  };
  return {
    front: view.front.map(chapter),
    body: view.body.map(chapter),
    parts: view.parts.map((part): PrintPart => ({
      id: part.id,
      label: part.label,
      title: part.title,
      titleHtml: titleHtml(part.titleNodes),
      blankPage: blankPage(part.id, false),
      folio: pagination.folios.get(part.id) ?? placeholder,
      intro: part.intro && { pageName: named(part.part.opener!.slug, part.title, false), html: printed(part.intro) },
      chapters: part.chapters.map(chapter),
    })),
    back: view.back.map(chapter),
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
