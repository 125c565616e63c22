import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The fixture books of the `books` tier, built once per test run by test/books/setup.cjs
 * (one child process, one Chromium for every PDF) and shared by every test file that
 * inspects them. A test reads a build, it never rebuilds it:
 *
 *   const mini = builtBook('mini');
 *   readFileSync(mini.file('en', 'html'), 'utf8');
 *   mini.lines;            // the build's messages as `folio build` prints them
 *
 * The books and how each is built are listed in test/books/fixture-builds.ts; add one there
 * to share it. A test that needs a build of its own (a broken book, another option) still
 * calls build() itself.
 */

/** A build's message, as the reporter reads it from its file. */
export interface BuiltMessage {
  /** The file it is about, absolute. */
  file: string;
  line: number | undefined;
  column: number | undefined;
  ruleId: string | undefined;
  fatal: boolean | null | undefined;
  reason: string;
}

export interface BuiltWrite {
  lang: string;
  format: string;
  path: string;
  chapters: number;
  listed: number;
}

export interface BuiltBook {
  name: string;
  /** The folder the editions were written to (`<slug>-<lang>.<ext>`). */
  outDir: string;
  slug: string;
  written: BuiltWrite[];
  failed: string[];
  skipped: string[];
  messages: BuiltMessage[];
  /** The messages as formatMessages(result.files, repoRoot) prints them. */
  lines: string[];
  /** Final print HTML of each PDF edition, by language (FOLIO_PRINT_HTML_DIR). */
  printHtml: Record<string, string>;
  /** An edition's file: file('en', 'epub'). */
  file(lang: string, extension: 'html' | 'epub' | 'pdf'): string;
}

/** Where the setup of the running tier keeps its builds (set by its global setup). */
export function buildsRoot(variable = 'FOLIO_TEST_BOOKS'): string {
  const root = process.env[variable];
  if (!root) {
    throw new Error(`${variable} is not set: run this test through Jest's projects (npm test, or npm test -- --selectProjects books), whose global setup builds the books`);
  }
  return root;
}

const indexes = new Map<string, Record<string, Omit<BuiltBook, 'file'>>>();

/** The shared build of a fixture book (see test/books/fixture-builds.ts for the names). */
export function builtBook(name: string, variable = 'FOLIO_TEST_BOOKS'): BuiltBook {
  let index = indexes.get(variable);
  if (!index) {
    index = JSON.parse(readFileSync(path.join(buildsRoot(variable), 'builds.json'), 'utf8')) as Record<string, Omit<BuiltBook, 'file'>>;
    indexes.set(variable, index);
  }
  const book = index[name];
  if (!book) throw new Error(`No shared build named ${name}; the setup built: ${Object.keys(index).join(', ')}`);
  return { ...book, file: (lang, extension) => path.join(book.outDir, `${book.slug}-${lang}.${extension}`) };
}
