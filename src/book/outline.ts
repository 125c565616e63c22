import path from 'node:path';
import type { Localized, Manifest } from '../manifest/schema.js';
import { chapterIdsOf } from './chapter-ids.js';
import { summaryItems, type Summary } from './summary.js';
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
  /** The chapter's file relative to book.yaml, when the contents name files rather than slugs. */
  file?: string;
  /** The entry's label in a SUMMARY.md: the title of a chapter that has none of its own. */
  label?: string;
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

type ListedContents = Exclude<Manifest['contents'], { summary: string }>;

const isFile = (entry: string) => /\.(?:md|markdown)$/i.test(entry);

/**
 * Flattens `contents` into the reading order. A plain list is a book without parts whose
 * every entry is a numbered chapter; in a structured book only the chapters inside parts
 * are numbered, continuously across parts, as printed books do. An entry is a slug, or a
 * file whose id is made from its name.
 */
export function outlineOf(contents: ListedContents): Outline {
  const outline = listedOutline(contents);
  const files = outline.entries.filter((entry) => isFile(entry.slug));
  const taken = [...outline.entries.filter((entry) => !isFile(entry.slug)).map((entry) => entry.slug), ...partIds(outline)];
  const names = [...new Set(files.map((entry) => entry.slug))];
  const ids = new Map(chapterIdsOf(names, taken).map((id, index) => [names[index]!, id]));
  for (const entry of files) {
    entry.file = entry.slug;
    entry.slug = ids.get(entry.slug)!;
  }
  for (const part of outline.parts) if (part.opener && ids.has(part.opener)) part.opener = ids.get(part.opener);
  return outline;
}

function listedOutline(contents: ListedContents): Outline {
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

/**
 * The reading order of a SUMMARY.md (`summaryFile` relative to book.yaml): prefix chapters
 * are front matter, suffix chapters back matter, each part heading a part with that title,
 * and numbered chapters before any part heading a run of numbered chapters of their own.
 */
export function outlineOfSummary(summary: Summary, summaryFile: string): Outline {
  const base = path.posix.dirname(summaryFile.split(path.sep).join('/'));
  const fileOf = (link: string) => path.posix.normalize(path.posix.join(base, link));
  const items = summaryItems(summary);
  const titled = summary.parts.filter((part) => part.title !== undefined);
  const parts: OutlinePart[] = titled.map((part, index) => ({ number: index + 1, title: part.title }));
  const ids = chapterIdsOf(items.map((item) => fileOf(item.file)), parts.map((part) => `part-${part.number}`));
  const at = ['contents', 'summary'];
  const entries: OutlineEntry[] = [];
  let index = 0;
  const add = (role: ChapterRole, number?: number, part?: number) => (item: (typeof items)[number]) =>
    entries.push({ slug: ids[index++]!, role, number, part, path: at, file: fileOf(item.file), label: item.label });
  summary.prefix.forEach(add('front'));
  let chapterNumber = 0;
  for (const part of summary.parts) {
    const partIndex = part.title === undefined ? undefined : titled.indexOf(part);
    for (const item of part.chapters) add('chapter', ++chapterNumber, partIndex)(item);
  }
  summary.suffix.forEach(add('back'));
  return { entries, parts };
}

function partIds(outline: Outline): string[] {
  return outline.parts.map((part) => `part-${part.number}`);
}

/** Slugs listed more than once: each later occurrence. */
export function duplicateEntries(outline: Outline): OutlineEntry[] {
  const seen = new Set<string>();
  return outline.entries.filter((entry) => {
    const key = entry.file ?? entry.slug;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}
