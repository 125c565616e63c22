import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import type { Chapter } from '../book/types.js';
import { warnOnce } from '../diagnostics/messages.js';

const run = promisify(execFile);

/** Sorted, merged ranges of code points: [from, to] inclusive. */
export type Coverage = [number, number][];

/** Parses fontconfig's charset notation, `20-7e a0-ac 131`, into ranges. */
export function parseCharset(charset: string): Coverage {
  return charset
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const [from, to] = part.split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
    });
}

/** One coverage from many, merged and sorted, for a binary search. */
export function mergeCoverage(ranges: Coverage): Coverage {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Coverage = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
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
    return mergeCoverage(parseCharset(`${installed.stdout} ${web.stdout}`));
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
  for (const chapter of chapters) {
    const missing = new Map<string, Text>();
    visit(chapter.tree as Root, 'text', (node: Text) => {
      for (const char of node.value) {
        if (missing.has(char) || invisible.test(char) || covers(coverage, char.codePointAt(0)!)) continue;
        missing.set(char, node);
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
