import type { ElementContent, Root } from 'hast';
import { rewriteImages } from '../assets/images.js';
import type { Chapter, Edition, Part } from '../book/types.js';
import { cloneTree } from '../hast/tree.js';
import { format } from '../templates/strings.js';
import { shiftHeadings } from './headings.js';

/** Where an entry sits: front matter, the numbered body, back matter. */
export type Matter = 'front' | 'body' | 'back';

/** What every edition shows of a chapter or a part, before a target adds its own facts. */
interface Entry {
  /** The element id: the chapter's slug, the part's id. */
  id: string;
  /** The title as plain text, for contents, bookmarks and running heads. */
  title: string;
  /** The title's inline markup (emphasis, code), for the opener, when it has any. */
  titleNodes?: ElementContent[];
  /** The rank of the title's heading (2 for `h2`); the text's headings are ranked below it. */
  rank: number;
}

export interface ChapterEntry extends Entry {
  chapter: Chapter;
  matter: Matter;
  /** "Chapter 4", localized; only for numbered chapters. */
  label?: string;
  /** A copy of the chapter's text for this view alone: headings under the title, images rewritten. */
  tree: Root;
}

export interface PartEntry extends Entry {
  part: Part;
  /** "Part 2", localized. */
  label: string;
  /** The part's introduction (its opener chapter's text), copied as a chapter's is. */
  intro?: Root;
  chapters: ChapterEntry[];
}

/**
 * One edition as all its targets lay it out: front matter, the numbered chapters of a book
 * without parts (or before its first part), parts, back matter. Each entry owns a copy of
 * its text, so a target changes that copy as it likes and never the Book.
 */
export interface EditionView {
  edition: Edition;
  front: ChapterEntry[];
  body: ChapterEntry[];
  parts: PartEntry[];
  back: ChapterEntry[];
}

export interface ViewOptions {
  /**
   * `book`: one document with one outline (book h1 › part h2 › chapter h3, front and back
   * matter h2), as the single page and the print have; `documents`: each entry is a
   * document of its own whose title is its h1, as in an EPUB.
   */
  outline: 'book' | 'documents';
  /** What a local image becomes in this target (a data URI, a file in the package). */
  imageUrl(file: string): string;
}

/** The edition's view for one target; the trees are copied for it (see hast/tree.ts cloneTree). */
export function editionView(edition: Edition, options: ViewOptions): EditionView {
  const { strings } = edition;
  const rank = (inPart: boolean) => (options.outline === 'documents' ? 1 : inPart ? 3 : 2);
  const text = (chapter: Chapter, titleRank: number): Root => {
    const tree = cloneTree(chapter.tree);
    shiftHeadings(tree, titleRank);
    rewriteImages(tree, options.imageUrl);
    return tree;
  };
  const chapterView = (chapter: Chapter, matter: Matter, inPart = false): ChapterEntry => ({
    id: chapter.slug,
    chapter,
    matter,
    title: chapter.title,
    titleNodes: chapter.titleNodes,
    label: chapter.number === undefined ? undefined : format(strings.chapter!, { n: chapter.number }),
    rank: rank(inPart),
    tree: text(chapter, rank(inPart)),
  });
  return {
    edition,
    front: edition.front.map((chapter) => chapterView(chapter, 'front')),
    body: edition.body.map((chapter) => chapterView(chapter, 'body')),
    parts: edition.parts.map((part): PartEntry => ({
      id: part.id,
      part,
      title: part.title,
      titleNodes: part.titleNodes,
      label: format(strings.part!, { n: part.number }),
      rank: rank(false),
      intro: part.opener && text(part.opener, rank(false)),
      chapters: part.chapters.map((chapter) => chapterView(chapter, 'body', true)),
    })),
    back: edition.back.map((chapter) => chapterView(chapter, 'back')),
  };
}

/** Every entry in reading order: front, body, each part then its chapters, back. */
export function entriesOf(view: EditionView): (ChapterEntry | PartEntry)[] {
  return [...view.front, ...view.body, ...view.parts.flatMap((part) => [part, ...part.chapters]), ...view.back];
}
