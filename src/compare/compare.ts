import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WriteEvent } from '../build.js';
import { changedChapters, type ChangedChapter } from './chapters.js';
import { changedPages, pageLooks } from './pages.js';

/** What changed in one edition against its earlier files. */
export interface EditionChange {
  lang: string;
  /** No earlier file of this edition was found: everything is new. */
  new: boolean;
  /** Chapters whose text changed, from the HTML editions (when built and found). */
  chapters?: ChangedChapter[];
  /** Pages of the new PDF whose text or look changed (when built and found). */
  pages?: number[];
  /** Pages of the earlier and of the new PDF. */
  pageCount?: { before: number; after: number };
}

/**
 * Compares each written edition with the file of the same name in `dir` (earlier editions,
 * e.g. the last published ones): which chapters' text changed (from the HTML) and which
 * PDF pages changed in text or look. Not bytes: a rebuild of the same sources is the same
 * bytes anyway, and an edit shows in the pages it touches, not in every byte after it.
 */
export async function compareEditions(written: readonly WriteEvent[], dir: string): Promise<EditionChange[]> {
  const languages = [...new Set(written.map((event) => event.lang))];
  return Promise.all(
    languages.map(async (lang) => {
      const files = written.filter((event) => event.lang === lang);
      const earlier = (event: WriteEvent) => path.join(dir, path.basename(event.path));
      const found = files.filter((event) => existsSync(earlier(event)));
      const change: EditionChange = { lang, new: found.length === 0 };
      const html = found.find((event) => event.format === 'html');
      if (html) change.chapters = changedChapters(await readFile(earlier(html), 'utf8'), await readFile(html.path, 'utf8'));
      const pdf = found.find((event) => event.format === 'pdf');
      if (pdf) {
        const [before, after] = await Promise.all([pageLooks(earlier(pdf)), pageLooks(pdf.path)]);
        change.pages = changedPages(before, after);
        change.pageCount = { before: before.texts.length, after: after.texts.length };
      }
      return change;
    }),
  );
}
