import { readFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { error, warn } from '../diagnostics/messages.js';
import type { BookRoots } from './roots.js';

/** A chapter larger than this is refused before it is read: no book's chapter comes near it. */
export const chapterLimitBytes = 16 * 1024 * 1024;

export type ChapterRead = { missing: true } | { problem: string } | { bytes: Buffer };

/**
 * Reads a chapter's bytes once its path passed the book's roots (it exists, leads inside
 * the book, is a regular file: a folder or a FIFO is refused before anything opens it)
 * and its size is within the limit.
 */
export async function readChapter(filePath: string, roots: BookRoots): Promise<ChapterRead> {
  const checked = roots.check(filePath);
  if (!checked.ok) return checked.missing ? { missing: true } : { problem: checked.problem };
  try {
    const bytes = await readFile(checked.path);
    if (bytes.length > chapterLimitBytes) return { problem: `${(bytes.length / 1024 / 1024).toFixed(1)} MB; a chapter may be at most ${chapterLimitBytes / 1024 / 1024} MB` };
    return { bytes };
  } catch (cause) {
    return { problem: `unreadable (${cause instanceof Error ? cause.message : String(cause)})` };
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * A chapter's text. Markdown is UTF-8: a UTF-16 file (it starts with a byte order mark)
 * is an error that says so, rather than a chapter of mojibake with "no title"; bytes
 * that are not UTF-8 are a warning at their line and become U+FFFD.
 */
export function decodeChapter(bytes: Buffer, file: VFile): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    error(file, 'The chapter is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8', { line: 1, column: 1 }, 'chapter-encoding');
    return '';
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const text = lenientUtf8.decode(bytes);
    const lines = text.split('\n');
    const line = lines.findIndex((each) => each.includes('\uFFFD'));
    const column = line < 0 ? 1 : lines[line]!.indexOf('\uFFFD') + 1;
    warn(file, 'Bytes that are not UTF-8 in this line are shown as �; save the chapter as UTF-8', { line: line + 1, column }, 'chapter-encoding');
    return text;
  }
}
