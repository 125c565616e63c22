import type { Localized, Manifest } from '../manifest/schema.js';
import type { ChapterRole } from './types.js';

/** One place in the reading order, as the manifest gives it (before any file is read). */
export interface OutlineEntry {
  slug: string;
  role: ChapterRole;
  /** "Chapter N", counted over the body in manifest order. */
  number?: number;
  /** Index into `Outline.parts` for openers and chapters in a part. */
  part?: number;
  /** Where the slug is written in book.yaml. */
  path: (string | number)[];
}

export interface OutlinePart {
  number: number;
  title?: Localized;
  opener?: string;
}

/** The reading order of a book, the same for every edition. */
export interface Outline {
  entries: OutlineEntry[];
  parts: OutlinePart[];
}

/**
 * Flattens `contents` into the reading order. A plain list is a book without parts whose
 * every entry is a numbered chapter; in a structured book only the chapters inside parts
 * are numbered, continuously across parts, as printed books do.
 */
export function outlineOf(contents: Manifest['contents']): Outline {
  if (Array.isArray(contents)) {
    return {
      parts: [],
      entries: contents.map((slug, index) => ({ slug, role: 'chapter', number: index + 1, path: ['contents', index] })),
    };
  }
  const entries: OutlineEntry[] = [];
  const parts: OutlinePart[] = [];
  contents.front.forEach((slug, index) => entries.push({ slug, role: 'front', path: ['contents', 'front', index] }));
  let chapterNumber = 0;
  contents.parts.forEach((part, partIndex) => {
    const at = ['contents', 'parts', partIndex];
    if ('opener' in part) {
      parts.push({ number: partIndex + 1, opener: part.opener });
      entries.push({ slug: part.opener, role: 'opener', part: partIndex, path: [...at, 'opener'] });
    } else {
      parts.push({ number: partIndex + 1, title: part.title });
    }
    part.chapters.forEach((slug, index) =>
      entries.push({ slug, role: 'chapter', number: ++chapterNumber, part: partIndex, path: [...at, 'chapters', index] }),
    );
  });
  contents.back.forEach((slug, index) => entries.push({ slug, role: 'back', path: ['contents', 'back', index] }));
  return { entries, parts };
}

/** Slugs listed more than once: each later occurrence. */
export function duplicateEntries(outline: Outline): OutlineEntry[] {
  const seen = new Set<string>();
  return outline.entries.filter((entry) => {
    if (seen.has(entry.slug)) return true;
    seen.add(entry.slug);
    return false;
  });
}
