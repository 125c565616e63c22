import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { FolioError } from '../diagnostics/errors.js';

/** What a check found: the real path to read, or why it must not be read. */
export type RootCheck = { ok: true; path: string } | { ok: false; missing: boolean; problem: string };

/**
 * The folders a book may read from: the folder of book.yaml, the folders its manifest
 * names explicitly (`roots:`, the `assets` map) and the folder of a `--source` given on
 * the command line. Every file Folio reads for a book (chapters, images, the cover,
 * stylesheets, templates, plugins) goes through `check` first, so that `cover:
 * /proc/self/environ`, `source: /etc/{slug}`, `../../secret.png` or a symlink out of the
 * book never reaches an edition. A book is untrusted input: CI builds pull requests.
 * Paths are compared after realpath, so links are judged by where they lead; only
 * regular files pass, checked with stat before anything opens them (opening a FIFO would
 * wait forever).
 */
export class BookRoots {
  /** Real paths of the allowed folders (those that exist). */
  readonly dirs: readonly string[];

  constructor(folders: readonly string[]) {
    const dirs = new Set<string>();
    for (const folder of folders) {
      try {
        dirs.add(realpathSync(folder));
      } catch {
        // A named folder that does not exist holds nothing to read.
      }
    }
    this.dirs = [...dirs];
  }

  /** Whether `real` (a real path) is one of the folders or inside one. */
  contains(real: string): boolean {
    return this.dirs.some((dir) => real === dir || real.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep));
  }

  /** Checks that `file` may be read: it exists, leads inside the roots, and is a regular file (or a folder, with `kind: 'folder'`). */
  check(file: string, kind: 'file' | 'folder' = 'file'): RootCheck {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return { ok: false, missing: true, problem: 'not found' };
    }
    if (!this.contains(real)) {
      const shown = real === path.resolve(file) ? real : `${real}, where its links lead`;
      return { ok: false, missing: false, problem: `outside the book's folders (${shown}): a book reads only from the folder of book.yaml and the folders its \`roots:\` list names` };
    }
    const stat = statSync(real);
    if (kind === 'folder') return stat.isDirectory() ? { ok: true, path: real } : { ok: false, missing: false, problem: 'not a folder' };
    if (stat.isFile()) return { ok: true, path: real };
    return { ok: false, missing: false, problem: stat.isDirectory() ? 'a folder, not a file' : 'not a regular file (a device, FIFO or socket)' };
  }

  /** check() for readers that have nowhere to locate a message: a refusal is an exception. */
  require(file: string, what: string): string {
    const result = this.check(file);
    if (!result.ok) throw new FolioError(`Cannot read ${what} ${file}: ${result.problem}`);
    return result.path;
  }
}

/**
 * The folder a `--source` pattern names: everything before its first placeholder
 * (`content/{lang}/{slug}.md` → `content/`). The user typed it, so it counts as a root.
 */
export function patternFolder(pattern: string): string {
  const fixed = pattern.slice(0, pattern.search(/\{(?:lang|slug)\}/) >>> 0);
  return fixed.endsWith(path.sep) || fixed.endsWith('/') ? fixed : path.dirname(fixed);
}
