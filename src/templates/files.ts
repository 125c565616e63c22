import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../diagnostics/errors.js';
import { packageRoot } from '../package-root.js';
import { BookRoots } from '../book/roots.js';

/** Folio's own templates: `templates/` at the top of the package. */
export const builtInTemplates = path.join(packageRoot, 'templates') + path.sep;

/** Whether a template file found by findTemplate is the book's own (its failures are the book's problem), not Folio's. */
export const isBookTemplate = (file: string): boolean => !file.startsWith(builtInTemplates);

/**
 * Finds a template file by its name under the template folders, the book's own first:
 * a book overrides `html/style.css` by having its own `html/style.css`.
 */
export function findTemplate(dirs: readonly string[], name: string): string {
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    // A book's template may not be a link out of its folder (the folder itself was checked against the book's roots).
    if (existsSync(candidate)) return dir === builtInTemplates ? candidate : new BookRoots([dir]).require(candidate, 'the template');
  }
  throw new FolioError(`Template ${name} not found in ${dirs.join(', ')}`);
}

/** Reads a template file as text (see findTemplate for the lookup). */
export async function readTemplate(dirs: readonly string[], name: string): Promise<string> {
  return readFile(findTemplate(dirs, name), 'utf8');
}

/**
 * A book's own extra stylesheet (`html.stylesheet`, `pdf.stylesheet`) by the path checked
 * when the book loaded (see targets/options.ts); '' when none.
 */
export async function readBookStylesheet(file: string | undefined): Promise<string> {
  if (!file) return '';
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new FolioError(`Cannot read the stylesheet ${file}: it was there when the book loaded`, { cause });
  }
}
