import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FolioError } from '../diagnostics/errors.js';

const run = promisify(execFile);

/**
 * The pages of a PDF as people see them: the text of each page (poppler's pdftotext,
 * pages ended by form feeds) and a small grey picture of each (pdftoppm at 20 dpi), so
 * that a page counts as changed when its words or its look changed, not its bytes (a new
 * font subset or object order changes bytes on every page and nothing anyone sees).
 */
export interface PageLooks {
  texts: string[];
  pictures: Buffer[];
}

export async function pageLooks(file: string): Promise<PageLooks> {
  const { stdout } = await poppler('pdftotext', ['-enc', 'UTF-8', file, '-']);
  const texts = stdout.split('\f');
  texts.pop(); // after the last page's form feed
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-pages-'));
  try {
    await poppler('pdftoppm', ['-r', '20', '-gray', file, path.join(dir, 'page')]);
    // pdftoppm numbers pages with as many digits as the last one needs: sorting by name is page order.
    const names = (await readdir(dir)).sort();
    const pictures = await Promise.all(names.map((name) => readFile(path.join(dir, name))));
    return { texts, pictures };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The 1-based numbers of the pages of `after` that differ from the same page of `before` in text or picture, or that `before` lacks. */
export function changedPages(before: PageLooks, after: PageLooks): number[] {
  const pages: number[] = [];
  for (let index = 0; index < after.texts.length; index++) {
    const same = before.texts[index] === after.texts[index] && before.pictures[index]?.equals(after.pictures[index] ?? Buffer.alloc(0));
    if (!same) pages.push(index + 1);
  }
  return pages;
}

/** [45, 46, 47, 51, 88] → "45–47, 51, 88" */
export function formatPages(pages: readonly number[]): string {
  const ranges: string[] = [];
  for (let index = 0; index < pages.length; index++) {
    const start = pages[index]!;
    while (index + 1 < pages.length && pages[index + 1] === pages[index]! + 1) index++;
    ranges.push(pages[index] === start ? `${start}` : `${start}–${pages[index]}`);
  }
  return ranges.join(', ');
}

async function poppler(command: string, args: string[]): Promise<{ stdout: string }> {
  try {
    return await run(command, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new FolioError(missing ? `--compare needs ${command} (Debian: apt-get install poppler-utils)` : `${command} could not read a PDF to compare`, { cause });
  }
}
