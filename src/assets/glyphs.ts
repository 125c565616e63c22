import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import type { Chapter } from '../book/types.js';
import { warnOnce } from '../diagnostics/messages.js';

const run = promisify(execFile);

/** Sorted, merged ranges of code points: [from, to] inclusive. */
export type Coverage = [number, number][];

/**
 * The code points that fontconfig's charset notation names (`20-7e a0-ac 131`, one line
 * per font), as sorted, merged ranges. Marked in a table of every code point, then read
 * back as ranges: fc-list lists each installed font's charset, 0.7 MB on a machine with
 * the CJK fonts, and sorting its hundred thousand ranges took three times as long.
 */
export function parseCharset(charsets: string): Coverage {
  const covered = new Uint8Array(0x110000);
  for (const [, from, to] of charsets.matchAll(/([0-9a-f]+)(?:-([0-9a-f]+))?/gi)) {
    const first = parseInt(from!, 16);
    covered.fill(1, first, Math.min(to === undefined ? first : parseInt(to, 16), 0x10ffff) + 1);
  }
  const ranges: Coverage = [];
  for (let point = covered.indexOf(1); point !== -1; ) {
    const end = covered.indexOf(0, point);
    const last = end === -1 ? 0x10ffff : end - 1;
    ranges.push([point, last]);
    point = end === -1 ? -1 : covered.indexOf(1, end);
  }
  return ranges;
}

export function covers(coverage: Coverage, point: number): boolean {
  let low = 0;
  let high = coverage.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = coverage[middle]!;
    if (point < from) high = middle - 1;
    else if (point > to) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * What the print edition can draw: its web fonts (Inter, JetBrains Mono: read with
 * fontconfig's fc-query, which reads WOFF2) and every installed font, which is where
 * Chromium looks when its fonts lack a glyph (fc-list). Undefined when fontconfig's tools
 * are not installed (Debian's `fontconfig` package).
 */
export async function printableCoverage(webFonts: readonly string[]): Promise<Coverage | undefined> {
  try {
    const format = ['--format', '%{charset}\\n'];
    const [installed, web] = await Promise.all([
      run('fc-list', format, { maxBuffer: 64 * 1024 * 1024 }),
      webFonts.length > 0 ? run('fc-query', [...format, ...webFonts], { maxBuffer: 64 * 1024 * 1024 }) : { stdout: '' },
    ]);
    return parseCharset(`${installed.stdout} ${web.stdout}`);
  } catch {
    return undefined;
  }
}

/** Characters that draw nothing and need no glyph: spaces, controls, joiners, variation selectors. */
const invisible = /[\p{White_Space}\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u;

/**
 * A located warning per chapter for the characters no font can draw, which Chromium would
 * print as empty boxes without a word: at the first place each occurs, naming them all.
 */
export function warnMissingGlyphs(chapters: readonly Chapter[], coverage: Coverage): void {
  // Each distinct character is looked up once for the whole edition: a book has a few
  // hundred of them in some hundred thousand characters (0.2 s for the guide, looked up one by one).
  const drawable = new Map<string, boolean>();
  const canDraw = (char: string) => {
    let known = drawable.get(char);
    if (known === undefined) drawable.set(char, (known = invisible.test(char) || covers(coverage, char.codePointAt(0)!)));
    return known;
  };
  for (const chapter of chapters) {
    const missing = new Map<string, Text>();
    visit(chapter.tree as Root, 'text', (node: Text) => {
      for (const char of node.value) {
        if (!canDraw(char) && !missing.has(char)) missing.set(char, node);
      }
    });
    if (missing.size === 0) continue;
    const [first] = missing.values();
    const named = [...missing.keys()].map((char) => `${char} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
    // Once per chapter however many prints (the screen PDF, the printer's interior) ask.
    warnOnce(
      chapter.file,
      `No font of the print edition has ${named.join(', ')}: ${missing.size === 1 ? 'it prints' : 'they print'} as empty boxes. Install a font that covers ${missing.size === 1 ? 'it' : 'them'} (Debian's fonts-noto-core has most scripts) or add one in pdf.stylesheet`,
      first,
      'glyph-missing',
    );
  }
}
