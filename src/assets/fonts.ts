import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Inter, the typeface of the print edition, from the Fontsource packages: one woff2 per
 * script subset (latin, cyrillic, greek, …), style and weight. An edition embeds only the
 * subsets its text uses, so a Dutch book does not carry Cyrillic. Screens and e-readers get
 * the variable font (one file per subset and style, family `Inter Variable`); print gets
 * static instances (family `Inter`), because Chromium turns a variable font into Type 3
 * glyphs in a PDF, which print shops reject.
 */
const require = createRequire(import.meta.url);
const variableDir = path.dirname(require.resolve('@fontsource-variable/inter/package.json'));
const staticDir = path.dirname(require.resolve('@fontsource/inter/package.json'));
const monoDir = path.dirname(require.resolve('@fontsource/jetbrains-mono/package.json'));

/** The weights of the static instances: body, medium, semibold, bold, extra bold. */
const staticWeights = [400, 500, 600, 700, 800];

export interface FontFile {
  family: 'Inter Variable' | 'Inter' | 'JetBrains Mono';
  /** A stable file name, `inter-latin-wght-normal.woff2`. */
  name: string;
  style: 'normal' | 'italic';
  /** `100 900` for the variable font, else one weight. */
  weight: string;
  /** The CSS unicode-range of the subset. */
  unicodeRange: string;
  path: string;
}

type Range = [number, number];

function parseRanges(unicodeRange: string): Range[] {
  return unicodeRange.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

/**
 * Each package's subset table, read once per process: the tables come with the installed
 * Fontsource packages, and nothing a book holds changes them between builds.
 */
const subsetTables = new Map<string, Record<string, string>>();

/**
 * The script subsets of a Fontsource package that `text` uses: `[subset, unicode-range]`.
 * The package's table is read once; the text is an edition's, made once (see book/text.ts).
 */
function subsetsUsedBy(packageDir: string, text: string): [string, string][] {
  let subsets = subsetTables.get(packageDir);
  if (!subsets) subsetTables.set(packageDir, (subsets = JSON.parse(readFileSync(path.join(packageDir, 'unicode.json'), 'utf8')) as Record<string, string>));
  const codePoints = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i)!;
    codePoints.add(point);
    if (point > 0xffff) i++;
  }
  return Object.entries(subsets).filter(([, unicodeRange]) => {
    const ranges = parseRanges(unicodeRange);
    return [...codePoints].some((point) => ranges.some(([from, to]) => point >= from && point <= to));
  });
}

/** The Inter files an edition needs to show `text`, in a stable order. */
export function fontFilesFor(text: string, options: { variable: boolean } = { variable: true }): FontFile[] {
  const packageDir = options.variable ? variableDir : staticDir;
  const files: FontFile[] = [];
  for (const [subset, unicodeRange] of subsetsUsedBy(packageDir, text)) {
    for (const style of ['normal', 'italic'] as const) {
      const weights = options.variable ? ['wght'] : staticWeights.map(String);
      for (const weight of weights) {
        const name = `inter-${subset}-${weight}-${style}.woff2`;
        const family = options.variable ? 'Inter Variable' : 'Inter';
        files.push({ family, name, style, weight: options.variable ? '100 900' : weight, unicodeRange, path: path.join(packageDir, 'files', name) });
      }
    }
  }
  return files;
}

/**
 * JetBrains Mono for code, static instances (regular, italic for comments, bold, and bold
 * italic for code in an emphasized heading: a face Chromium has to synthesize prints as
 * Type 3 glyphs), only the subsets the code uses, and nothing when the edition has no code.
 * Static in every edition: it is small, and the same files print as TrueType glyphs.
 */
export function monoFontFilesFor(codeText: string): FontFile[] {
  if (codeText.trim() === '') return [];
  const files: FontFile[] = [];
  for (const [subset, unicodeRange] of subsetsUsedBy(monoDir, codeText)) {
    for (const [weight, style] of [['400', 'normal'], ['400', 'italic'], ['700', 'normal'], ['700', 'italic']] as const) {
      const name = `jetbrains-mono-${subset}-${weight}-${style}.woff2`;
      files.push({ family: 'JetBrains Mono', name, style, weight, unicodeRange, path: path.join(monoDir, 'files', name) });
    }
  }
  return files;
}

/** @font-face rules for `files`; `url(file)` gives each file's URL (a data URI, a path in the EPUB). */
export function fontFaceCss(files: readonly FontFile[], url: (file: FontFile) => string): string {
  return files
    .map((file) =>
      [
        '@font-face {',
        `  font-family: '${file.family}';`,
        `  font-style: ${file.style};`,
        `  font-weight: ${file.weight};`,
        '  font-display: swap;',
        `  src: url(${url(file)}) format('woff2');`,
        `  unicode-range: ${file.unicodeRange};`,
        '}',
      ].join('\n'),
    )
    .join('\n');
}

