import type { List, ListItem, Node, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Point } from 'unist';

/** One linked entry of a SUMMARY.md: the label the author gave it and the file it names. */
export interface SummaryItem {
  label: string;
  /** The link as written, decoded, without `./` or fragment: relative to SUMMARY.md. */
  file: string;
  place?: Point;
}

/** A SUMMARY.md as mdBook and GitBook read it. */
export interface Summary {
  /** Links before the first list: unnumbered chapters that open the book. */
  prefix: SummaryItem[];
  /** Runs of numbered chapters, each under its part heading (the first run may have none). */
  parts: { title?: string; chapters: SummaryItem[] }[];
  /** Links after the lists: unnumbered chapters that close the book. */
  suffix: SummaryItem[];
  /** Entries without a link (mdBook's drafts), which are not part of the book yet. */
  drafts: { label: string; place?: Point }[];
}

/**
 * Reads mdBook's and GitBook's table of contents with remark-parse, the way those tools
 * do: an optional `# Summary` title first; linked paragraphs before any list are prefix
 * chapters and after the lists suffix chapters; list items (nested ones too, in reading
 * order) are numbered chapters; any later heading opens a part; `---` separators are
 * only visual; an item without a link target (`- [Draft]()`) is a draft and is left out.
 */
export function parseSummary(text: string): Summary {
  const tree = unified().use(remarkParse).parse(text) as Root;
  const summary: Summary = { prefix: [], parts: [], suffix: [], drafts: [] };
  let seenList = false;
  let seenContent = false;

  for (const node of tree.children) {
    if (node.type === 'heading') {
      // The first heading before anything else is the summary's own title.
      if (seenContent) summary.parts.push({ title: toString(node).trim(), chapters: [] });
      seenContent = true;
      continue;
    }
    if (node.type === 'list') {
      if (summary.parts.length === 0) summary.parts.push({ chapters: [] });
      const chapters = summary.parts.at(-1)!.chapters;
      listItems(node, chapters, summary.drafts);
      seenList = true;
      seenContent = true;
      continue;
    }
    if (node.type === 'paragraph') {
      const target = seenList ? summary.suffix : summary.prefix;
      for (const link of linksOf(node)) addEntry(link, target, summary.drafts);
      seenContent ||= linksOf(node).length > 0;
    }
  }
  summary.parts = summary.parts.filter((part) => part.title !== undefined || part.chapters.length > 0);
  return summary;
}

/** Every linked chapter of a summary, in reading order. */
export function summaryItems(summary: Summary): SummaryItem[] {
  return [...summary.prefix, ...summary.parts.flatMap((part) => part.chapters), ...summary.suffix];
}

function listItems(list: List, chapters: SummaryItem[], drafts: Summary['drafts']): void {
  for (const item of list.children as ListItem[]) {
    const lead = item.children.find((child): child is Paragraph => child.type === 'paragraph');
    const link = lead ? linksOf(lead)[0] : undefined;
    if (link) addEntry(link, chapters, drafts);
    else if (lead) drafts.push({ label: toString(lead).trim(), place: lead.position?.start });
    for (const child of item.children) if (child.type === 'list') listItems(child, chapters, drafts);
  }
}

interface FoundLink {
  label: string;
  url: string;
  node: Node;
}

function linksOf(paragraph: Paragraph): FoundLink[] {
  const found: FoundLink[] = [];
  const visit = (nodes: PhrasingContent[] | RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'link') found.push({ label: toString(node).trim(), url: node.url, node });
      else if ('children' in node) visit(node.children as PhrasingContent[]);
    }
  };
  visit(paragraph.children);
  return found;
}

function addEntry(link: FoundLink, target: SummaryItem[], drafts: Summary['drafts']): void {
  const file = cleanTarget(link.url);
  if (file === '') drafts.push({ label: link.label, place: link.node.position?.start });
  else target.push({ label: link.label, file, place: link.node.position?.start });
}

/** `./ch%201.md#intro` → `ch 1.md`. */
function cleanTarget(url: string): string {
  let file = url.replace(/[?#].*$/, '').replace(/^(?:\.\/)+/, '');
  try {
    file = decodeURI(file);
  } catch {
    // A malformed escape: keep the link as written.
  }
  return file;
}
