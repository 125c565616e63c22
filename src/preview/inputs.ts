import { readdirSync } from 'node:fs';
import path from 'node:path';
import { imagesOf } from '../assets/images.js';
import type { LoadedBook } from '../book/load.js';
import type { Book } from '../book/types.js';

/** What a preview watches of a book, from its last load. */
export interface BookInputs {
  /** Folders to watch (each one level deep: a folder holding an input). */
  dirs: Set<string>;
  /** The chapter files of the loaded editions: a change to one of them alone keeps the other chapters. */
  chapters: Set<string>;
  /** Every other file the book was made from, as far as the load shows (book.yaml, images, templates, stylesheets, plugins). */
  others: Set<string>;
}

/**
 * The files a book is made from and the folders that hold them, or would hold them: a
 * chapter that does not exist yet appears in its language's folder, an image added for a
 * broken reference in the chapter's. Only these folders are watched, one level each,
 * not the whole folder of book.yaml: that may be a repository with node_modules in it.
 */
export function inputsOf(manifestPath: string, loaded: LoadedBook | undefined, source: string | undefined): BookInputs {
  const inputs: BookInputs = { dirs: new Set(), chapters: new Set(), others: new Set() };
  const other = (file: string) => {
    inputs.others.add(file);
    inputs.dirs.add(path.dirname(file));
  };
  other(path.resolve(manifestPath));
  const { book, manifest } = loaded ?? {};
  if (!book || !manifest) return inputs;
  const { root } = book;
  const pattern = source ? path.resolve(source) : path.resolve(root, manifest.source);
  for (const edition of book.editions) {
    for (const chapter of edition.chapters) {
      inputs.chapters.add(chapter.file.path);
      inputs.dirs.add(path.dirname(chapter.file.path));
    }
    // Where the edition's missing chapters would be.
    const folder = path.dirname(pattern.replaceAll('{lang}', edition.lang));
    if (!folder.includes('{slug}')) inputs.dirs.add(folder);
    for (const image of imagesOf(edition.chapters.map((chapter) => chapter.tree))) other(image);
    if (edition.metadata.cover) other(edition.metadata.cover.path);
  }
  if ('summary' in manifest.contents) other(path.resolve(root, manifest.contents.summary));
  for (const file of [manifest.html.stylesheet, manifest.pdf.stylesheet]) if (file) other(path.resolve(root, file));
  for (const entry of manifest.plugins) {
    const name = typeof entry === 'string' ? entry : entry[0];
    if (name.startsWith('.') || path.isAbsolute(name)) other(path.resolve(root, name));
  }
  if (manifest.templates) for (const dir of foldersUnder(path.resolve(root, manifest.templates))) inputs.dirs.add(dir);
  for (const dir of Object.values(manifest.assets)) inputs.dirs.add(path.resolve(root, dir));
  return inputs;
}

/** A folder and the folders under it (a book's template folder is small). */
function foldersUnder(dir: string): string[] {
  try {
    return [dir, ...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name))];
  } catch {
    return [dir];
  }
}

/** Files an editor or a tool makes beside the one it saves, which are not part of a book. */
export function isScratchFile(file: string): boolean {
  const name = path.basename(file);
  return name.startsWith('.') || name.endsWith('~') || /\.(?:swp|swx|swo|tmp|bak|orig)$/i.test(name) || /^\d+$/.test(name) || name.startsWith('#');
}

/** The chapter whose file a batch of changes touched, if it touched one. */
export function chapterOf(paths: Set<string>, book: Book | undefined): string | undefined {
  for (const edition of book?.editions ?? []) for (const chapter of edition.chapters) if (paths.has(chapter.file.path)) return chapter.slug;
  return undefined;
}
