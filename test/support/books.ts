import { existsSync, readFileSync } from 'node:fs';
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
  /** The chapter titles of each edition the build loaded (plain text), in reading order, by language. */
  titles: Record<string, string[]>;
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

/** How long a test file waits for a shared build before it fails. */
const buildsTimeout = 20 * 60 * 1000;

/**
 * Waits until `file` is in ROOT, or ROOT/failed.txt (the builds' output, written by the
 * setup when they fail) is. The setup starts the builds and returns at once
 * (test/support/global-builds.cjs), so a file that reads them may start first: it blocks
 * here, in its own worker, while the other worker runs files that need no shared build.
 * Blocking, because builtBook() is called wherever a file needs a build (beforeAll, a
 * test, describe).
 */
function waitFor(root: string, file: string): string {
  const found = path.join(root, file);
  const failed = path.join(root, 'failed.txt');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + buildsTimeout;
  while (!existsSync(found)) {
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    if (Date.now() > deadline) throw new Error(`${file} did not appear in ${root} in ${buildsTimeout / 60000} minutes: the shared builds are still running`);
    Atomics.wait(pause, 0, 0, 200);
  }
  return found;
}

const cache = new Map<string, Omit<BuiltBook, 'file'>>();

/** The shared build of a fixture book (see test/books/fixture-builds.ts for the names); waits for it to be built. */
export function builtBook(name: string, variable = 'FOLIO_TEST_BOOKS'): BuiltBook {
  const root = buildsRoot(variable);
  let book = cache.get(`${root}\0${name}`);
  if (!book) {
    const names = JSON.parse(readFileSync(waitFor(root, 'names.json'), 'utf8')) as string[];
    if (!names.includes(name)) throw new Error(`No shared build named ${name}; the setup builds: ${names.join(', ')}`);
    book = JSON.parse(readFileSync(waitFor(root, `built-${name}.json`), 'utf8')) as Omit<BuiltBook, 'file'>;
    cache.set(`${root}\0${name}`, book);
  }
  const { outDir, slug } = book;
  return { ...book, file: (lang, extension) => path.join(outDir, `${slug}-${lang}.${extension}`) };
}
