import path from 'node:path';
import { slug as slugify } from 'github-slugger';
import { reservedIds } from './ids.js';

/**
 * Ids for chapters named by their files (`README.md`, `appendix_a.md`, `ch01-02-x.md`),
 * whatever their case or punctuation: the file name slugged as GitHub slugs headings.
 * Ids are unique across the book: a name already taken (two `README.md` in different
 * folders, a slug the contents list, an id of Folio's own pages) takes its folders too
 * (`part-1-readme`), then a number. They depend only on the files and their order, so
 * the same book always gets the same ids. An id never starts with a digit, since it also
 * names the chapter's document in the EPUB package, where ids must be XML names.
 */
export function chapterIdsOf(files: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set<string>([...reservedIds, ...taken]);
  return files.map((file) => {
    const stem = file.replace(/\.(?:md|markdown)$/i, '');
    const candidates = [idOf(path.basename(stem)), idOf(stem.split(/[\\/]/).join(' '))];
    let id = candidates.find((candidate) => !used.has(candidate));
    for (let counter = 2; id === undefined; counter++) {
      if (!used.has(`${candidates[0]}-${counter}`)) id = `${candidates[0]}-${counter}`;
    }
    used.add(id);
    return id;
  });
}

function idOf(name: string): string {
  const id = slugify(name).replace(/^-+|-+$/g, '');
  if (id === '') return 'chapter';
  return /^[0-9]/.test(id) ? `chapter-${id}` : id;
}
