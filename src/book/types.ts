import type { BookRoots } from './roots.js';
import type { ElementContent, Root } from 'hast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { TargetOptions } from '../targets/options.js';
import type { Strings } from '../templates/strings.js';

/**
 * The Book model: plain data, loaded once per build and shared by every target.
 * Targets read it and never change it (each works on its own copies of the trees).
 */
export interface Book {
  slug: string;
  /** The folder of book.yaml. */
  root: string;
  /** Each target's options, resolved from book.yaml as it loaded (targets never read book.yaml). */
  targetOptions: TargetOptions;
  /** book.yaml: messages about the manifest and about whole editions go here. */
  manifestFile: VFile;
  /** Where a key of book.yaml is written (`['cover']`), for messages about it. */
  locate(path: readonly (string | number)[]): Point;
  /** The folders the book may read from; every read of a book's file is checked against them. */
  roots: BookRoots;
  /** Folders searched for template files, the book's own first. */
  templateDirs: string[];
  /** The selected editions that have at least one chapter, in manifest order. */
  editions: Edition[];
}

/** Where a chapter sits in the book. `opener` is the chapter that opens a part. */
export type ChapterRole = 'front' | 'opener' | 'chapter' | 'back';

export interface Chapter {
  slug: string;
  lang: string;
  role: ChapterRole;
  /** Chapter number in the body ("Chapter 4"); none for front and back matter or openers. */
  number?: number;
  /** The source file, with this chapter's messages. */
  file: VFile;
  /** The title as plain text: the frontmatter `title`, else the text's first `# Heading`. */
  title: string;
  /** The title's inline markup (emphasis, code) for the chapter's opener, when it has any. */
  titleNodes?: ElementContent[];
  /** The id of the heading the title was taken from: links to it go to the chapter. */
  titleAnchor?: string;
  frontmatter: Record<string, unknown>;
  /**
   * The chapter's text as HAST, positions kept. Ids are unique across the edition and
   * links between chapters are `#id` links, whatever the target.
   */
  tree: Root;
  /** The ids this chapter's tree defines, so a target can tell which document holds an id. */
  ids: Set<string>;
}

export interface Part {
  /** 1-based, as the manifest orders the parts (stable when a part is missing). */
  number: number;
  /** The part's element id: its opener's slug, else `part-<number>`. */
  id: string;
  title: string;
  /** The title's inline markup, from the opener chapter's title. */
  titleNodes?: ElementContent[];
  /** The chapter that introduces the part, when the manifest names one. */
  opener?: Chapter;
  chapters: Chapter[];
}

export interface EditionMetadata {
  title: string;
  subtitle?: string;
  authors: string[];
  publisher?: string;
  rights?: string;
  date?: string;
  edition?: string;
  /** ISBN or URN; when the manifest has none, a UUID derived from slug + language. */
  identifier: string;
  description?: string;
  subjects: string[];
  cover?: CoverFile & { mediaType: string };
}

/** The cover's real path, and its pixel size as a browser shows it when its header gives one. */
export interface CoverFile {
  path: string;
  width?: number;
  height?: number;
}

/** One language of the book. */
export interface Edition {
  lang: string;
  dir: 'ltr' | 'rtl';
  metadata: EditionMetadata;
  /** Front matter: not numbered, before the body (folios in roman numerals in print). */
  front: Chapter[];
  /**
   * Numbered chapters outside any part: every chapter of a book without parts, and a
   * SUMMARY.md's numbered chapters before its first part heading.
   */
  body: Chapter[];
  parts: Part[];
  back: Chapter[];
  /** Every chapter in reading order (front, body, each part's opener and chapters, back). */
  chapters: Chapter[];
  /** Slugs the contents list but whose file does not exist for this language. */
  missing: string[];
  /** The generated text (Contents, Part N, …) in this edition's language. */
  strings: Strings;
}
