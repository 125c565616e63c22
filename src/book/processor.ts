import type { ElementContent } from 'hast';
import rehypeSlug from 'rehype-slug';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import rehypeFigures from '../plugins/rehype-figures.js';
import rehypeFootnotes from '../plugins/rehype-footnotes.js';
import rehypeHeadingOrder from '../plugins/rehype-heading-order.js';
import rehypeHighlightCode from '../plugins/rehype-highlight-code.js';
import rehypeLegacyHtml from '../plugins/rehype-legacy-html.js';
import rehypeLocalImages from '../plugins/rehype-local-images.js';
import rehypeRawHtml from '../plugins/rehype-raw-html.js';
import rehypeSanitizeBook from '../plugins/rehype-sanitize-book.js';
import rehypeTableAlign from '../plugins/rehype-table-align.js';
import rehypeTableScroll from '../plugins/rehype-table-scroll.js';
import rehypeTaskLists from '../plugins/rehype-task-lists.js';
import remarkCallouts from '../plugins/remark-callouts.js';
import remarkDepthLimit from '../plugins/remark-depth-limit.js';
import remarkCodeLanguage from '../plugins/remark-code-language.js';
import remarkFrenchSpacing from '../plugins/remark-french-spacing.js';
import remarkFrontmatterData from '../plugins/remark-frontmatter-data.js';
import remarkSmartPunctuation from '../plugins/remark-smart-punctuation.js';
import remarkUnknownDirectives from '../plugins/remark-unknown-directives.js';
import type { Strings } from '../templates/strings.js';
import type { BookRoots } from './roots.js';

export interface ChapterProcessorOptions {
  /** The book's own plugins (book.yaml `plugins`), run on the markdown tree. */
  plugins?: PluggableList;
  /** The edition's language: it decides quotation marks and French spacing. */
  lang: string;
  /** The edition's generated text: callout titles, the notes heading, back-link labels. */
  strings: Strings;
  /** Site-absolute URL prefix → absolute folder, for images. */
  assets?: Readonly<Record<string, string>>;
  /** The folders the book may read images from. */
  roots: BookRoots;
}

/**
 * The chapter pipeline, markdown → HAST, built once per edition (the language decides
 * quotes, spacing and generated labels) and frozen. The book's own plugins run on the
 * markdown tree after frontmatter is parsed and before Folio's typography. Raw HTML is
 * parsed into the tree (so the EPUB can write it as XHTML), then the whole tree, whatever
 * the markdown or a book plugin made of it, is sanitized by allowlist before Folio's own
 * rehype plugins add ids, roles and classes. Code is highlighted here, at build time: no edition carries JavaScript.
 * Heading ids are slugged here (unique within the chapter); the book makes them unique
 * across the edition afterwards.
 */
export function createChapterProcessor(options: ChapterProcessorOptions) {
  const { lang, strings } = options;
  const french = lang === 'fr' || lang.startsWith('fr-');
  return unified()
    .use(remarkParse)
    .use(remarkDepthLimit)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkFrontmatterData)
    .use(remarkGfm)
    .use(remarkCodeLanguage)
    .use(options.plugins ?? [])
    .use(remarkUnknownDirectives)
    .use(remarkCallouts, { titles: { note: strings.note, tip: strings.tip, important: strings.important, warning: strings.warning, caution: strings.caution } })
    .use(remarkSmartPunctuation, { quotes: strings.quotes })
    .use(french ? [remarkFrenchSpacing] : [])
    .use(remarkRehype, {
      allowDangerousHtml: true,
      // Ids are made unique across the book later; no prefix keeps the author's names.
      clobberPrefix: '',
      footnoteLabel: strings.footnotes,
      footnoteBackLabel: (index: number, again: number) => `${strings.backToReference} ${index + 1}${again > 1 ? `-${again}` : ''}`,
      // ↑ rather than GitHub's ↩: Inter has it, so no fallback font is pulled into the PDF.
      footnoteBackContent: (_index: number, again: number): ElementContent[] => [
        { type: 'text', value: '↑' },
        ...(again > 1 ? [{ type: 'element' as const, tagName: 'sup', properties: {}, children: [{ type: 'text' as const, value: String(again) }] }] : []),
      ],
    })
    .use(rehypeRawHtml)
    // Obsolete raw HTML is converted while it is still as the author wrote it, then the
    // allowlist keeps only what a book may carry.
    .use(rehypeLegacyHtml)
    .use(rehypeSanitizeBook)
    .use(rehypeLocalImages, { assets: options.assets, roots: options.roots })
    .use(rehypeFigures)
    .use(rehypeFootnotes)
    // Every grammar of highlight.js and its aliases (`hs`, `cmd`, `ps1`), each loaded when a block needs it.
    .use(rehypeHighlightCode, { plainText: ['text', 'txt', 'plain'] })
    .use(rehypeSlug)
    .use(rehypeTableAlign)
    .use(rehypeTableScroll, { label: strings.table })
    .use(rehypeTaskLists)
    .use(rehypeHeadingOrder)
    .freeze();
}

export type ChapterProcessor = ReturnType<typeof createChapterProcessor>;
