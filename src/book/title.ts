import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Paragraph } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString as mdastString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A chapter's title: plain text for where only text is allowed, and its inline markup. */
export interface ChapterTitle {
  text: string;
  /** The title's inline content (emphasis, code) when it has any markup; else undefined. */
  nodes?: ElementContent[];
  /** The id the title's heading had in the text, so that links to it still arrive. */
  anchor?: string;
}

/**
 * Finds a chapter's title the way mdBook, GitBook and Pandoc do, and takes it out of the
 * text so it is printed once, by the chapter's opener:
 * - the frontmatter `title` wins (it may use inline markdown: `What *Is* JavaScript?`);
 *   an `# Heading` that opens the text is then the same title written twice, and dropped;
 * - without one, the first level-1 heading of the text is the title;
 * - without either, `fallback` (a SUMMARY.md label), else undefined.
 */
export function takeTitle(tree: Root, frontmatterTitle: string | undefined, fallback?: string): ChapterTitle | undefined {
  const blocks = tree.children.filter((node): node is Element => node.type === 'element' && !isChapterImage(node));
  if (frontmatterTitle) {
    const first = blocks[0];
    const anchor = first?.tagName === 'h1' ? remove(tree, first) : undefined;
    return { ...inlineTitle(frontmatterTitle), anchor };
  }
  const heading = blocks.find((node) => node.tagName === 'h1');
  if (heading) {
    const anchor = remove(tree, heading);
    const text = toString(heading).replace(/\s+/g, ' ').trim();
    if (text !== '') return { text, nodes: hasMarkup(heading.children) ? heading.children : undefined, anchor };
  }
  return fallback ? { text: fallback } : undefined;
}

/**
 * A frontmatter title's inline markdown. A title that is not one paragraph of inline
 * markdown (`1. Intro` would be a list) stays exactly as written; escapes are read
 * (`5 \* 3` is `5 * 3`); raw HTML, which a title cannot carry, leaves plain text.
 */
export function inlineTitle(title: string): ChapterTitle {
  const mdast = unified().use(remarkParse).parse(title);
  const paragraph = mdast.children.length === 1 && mdast.children[0]!.type === 'paragraph' ? (mdast.children[0] as Paragraph) : undefined;
  if (!paragraph) return { text: title };
  if (paragraph.children.every((node) => node.type === 'text')) return { text: mdastString(paragraph).trim() || title };
  if (paragraph.children.some((node) => node.type === 'html')) return { text: mdastString(paragraph, { includeHtml: false }).trim() || title };
  const nodes = (toHast(paragraph) as Element).children;
  return { text: nodes.map((node) => toString(node)).join('').trim(), nodes };
}

function remove(tree: Root, node: Element): string | undefined {
  tree.children.splice(tree.children.indexOf(node as RootContent), 1);
  return typeof node.properties.id === 'string' ? node.properties.id : undefined;
}

function isChapterImage(node: Element): boolean {
  const className = node.properties.className;
  return node.tagName === 'figure' && Array.isArray(className) && className.includes('chapter-image');
}

function hasMarkup(nodes: ElementContent[]): boolean {
  return nodes.some((node) => node.type === 'element');
}
