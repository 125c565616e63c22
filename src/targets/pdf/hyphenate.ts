import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const require = createRequire(import.meta.url);

type Hyphenator = (text: string, options?: { minWordLength?: number }) => string;

/** Pattern modules of the `hyphen` package, by language (base language first). */
const modules: Record<string, string> = { en: 'hyphen/en-us', de: 'hyphen/de-1996', pt: 'hyphen/pt' };

/** The hyphenator for `lang`, or undefined where the language has none (CJK, Khmer…). */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const base = lang.toLowerCase().split('-')[0]!;
  // Chinese, Japanese, Korean and Khmer lines break between characters or syllables, not by hyphens.
  if (['zh', 'ja', 'ko', 'km'].includes(base)) return undefined;
  for (const name of [`hyphen/${lang.toLowerCase()}`, modules[base] ?? `hyphen/${base}`]) {
    try {
      return (require(name) as { hyphenateSync: Hyphenator }).hyphenateSync;
    } catch {
      // not a language the package has
    }
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
    if (node.type === 'text' && !node.value.includes('://')) node.value = hyphenate(node.value, { minWordLength: 6 });
    return undefined;
  });
}
