import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const require = createRequire(import.meta.url);

/** Text in, the same text with soft hyphens at its hyphenation points out. */
export type Hyphenator = (text: string) => string;

/** Pattern modules of the `hyphen` package, by language (base language first). */
const modules: Record<string, string> = { en: 'hyphen/en-us', de: 'hyphen/de-1996', pt: 'hyphen/pt' };

/** The hyphenator for `lang`, or undefined where the language has none (CJK, Khmer…). */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const base = lang.toLowerCase().split('-')[0]!;
  // Chinese, Japanese, Korean and Khmer lines break between characters or syllables, not by hyphens.
  if (['zh', 'ja', 'ko', 'km'].includes(base)) return undefined;
  for (const name of [`hyphen/${lang.toLowerCase()}`, modules[base] ?? `hyphen/${base}`]) {
    try {
      require.resolve(name);
    } catch {
      continue; // not a language the package has
    }
    // The patterns are loaded on first use: a print whose text the last build hyphenated
    // (RememberingHyphenator) needs none of them.
    let patterns: { hyphenateSync: (text: string, options: { minWordLength: number }) => string } | undefined;
    // Short words are left whole: a two-letter fragment at a line's end reads badly.
    return (text) => (patterns ??= require(name) as NonNullable<typeof patterns>).hyphenateSync(text, { minWordLength: 6 });
  }
  return undefined;
}

/** Elements whose text is never hyphenated: code, headings (a broken title reads badly), links shown as URLs. */
const keep = new Set(['code', 'pre', 'kbd', 'samp', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style']);

/**
 * Inserts soft hyphens (U+00AD) into a tree's words with TeX's patterns for its language:
 * Chrome hyphenates nothing when printing headless on Linux, so the print edition carries
 * its hyphenation points in the text. Only the PDF's copy of the tree is changed.
 */
export function hyphenateTree(tree: Root, hyphenate: Hyphenator): void {
  visit(tree, (node) => {
    if (node.type === 'element' && keep.has((node as Element).tagName)) return SKIP;
    if (node.type === 'text' && !node.value.includes('://')) node.value = hyphenate(node.value);
    return undefined;
  });
}

/**
 * A hyphenator that remembers what it was asked: the text the last build of an edition
 * hyphenated is looked up instead of hyphenated again (for the English guide, 0.13 s of
 * the main thread while Chromium starts, on every print). Hyphenation is a function of the
 * text and the patterns alone, and the patterns are Folio's (its cache fingerprint covers
 * the installed `hyphen`), so an entry can be trusted for any text that equals its own;
 * text the last build did not have is hyphenated as before.
 */
export class RememberingHyphenator {
  private readonly used = new Map<string, string>();
  private learned = false;

  constructor(
    private readonly hyphenate: Hyphenator,
    private readonly known: ReadonlyMap<string, string> = new Map(),
  ) {}

  readonly lookup: Hyphenator = (text) => {
    let hyphenated = this.used.get(text) ?? this.known.get(text);
    if (hyphenated === undefined) {
      hyphenated = this.hyphenate(text);
      this.learned = true;
    }
    this.used.set(text, hyphenated);
    return hyphenated;
  };

  /** What to keep for the next build: this build's text only, so it never grows past one edition; undefined when that is what was kept already. */
  toKeep(): [string, string][] | undefined {
    return this.learned || this.used.size !== this.known.size ? [...this.used] : undefined;
  }
}

/** Entries kept by an earlier build, checked for shape: anything else is no memory at all. */
export function asHyphenations(value: unknown): Map<string, string> {
  const known = new Map<string, string>();
  if (!Array.isArray(value)) return known;
  for (const entry of value) {
    if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string') known.set(entry[0], entry[1]);
  }
  return known;
}
