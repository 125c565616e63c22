import type { Element, ElementContent, Root } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { toXml } from 'xast-util-to-xml';
import { editionView, type ChapterEntry, type PartEntry } from '../../assemble/edition-view.js';
import type { Edition } from '../../book/types.js';
import { eachElement } from '../../hast/tree.js';

/** One XHTML content document of the EPUB, before it is rendered from its template. */
export interface EpubDocument {
  /** Manifest id and file stem. */
  id: string;
  filename: string;
  /** The template under templates/epub/ that renders it. */
  template: 'cover' | 'title-page' | 'copyright' | 'part' | 'chapter';
  title: string;
  /** The title with its inline markup, as XHTML, when it has any. */
  titleHtml?: string;
  /** Before the nav in the spine: cover, title page, copyright page. */
  beforeToc: boolean;
  /** `frontmatter`, `bodymatter` or `backmatter`, for the body's epub:type. */
  matter: 'frontmatter' | 'bodymatter' | 'backmatter';
  /** "Chapter 4", "Part 2". */
  label?: string;
  /** The text as XHTML (chapters and part openers). */
  body?: string;
}

/**
 * Splits an edition into content documents in reading order: cover, title page,
 * copyright page, then each part opener and chapter in its own file: the edition's view
 * (see assemble/edition-view.ts), each title an h1, with what an EPUB adds: file names,
 * matter types, links across files, pop-up notes. Links between chapters (`#id` in the
 * Book) are pointed at the file that holds the id.
 */
export function epubDocuments(edition: Edition, hasCover: boolean, images: ReadonlyMap<string, string> = new Map()): EpubDocument[] {
  const { strings } = edition;
  const view = editionView(edition, { outline: 'documents', imageUrl: (file) => images.get(file)! });
  const documents: EpubDocument[] = [];
  const front = (id: string, template: EpubDocument['template'], title: string) =>
    documents.push({ id, filename: `${id}.xhtml`, template, title, beforeToc: true, matter: 'frontmatter' });
  if (hasCover) front('cover', 'cover', strings.cover!);
  front('title-page', 'title-page', strings.titlePage!);
  front('copyright', 'copyright', strings.copyright!);

  const files = fileOfEachId(edition);
  const chapterDocument = (entry: ChapterEntry): EpubDocument => ({
    id: entry.id,
    filename: `${entry.id}.xhtml`,
    template: 'chapter',
    title: entry.title,
    titleHtml: titleXhtml(entry.titleNodes),
    beforeToc: false,
    matter: `${entry.matter}matter`,
    label: entry.label,
    body: xhtmlBody(entry.tree, `${entry.id}.xhtml`, files),
  });
  // A part with an opener is the opener's document (the part's id is the opener's slug):
  // the part's title over the opener's text.
  const partDocument = (part: PartEntry): EpubDocument => ({
    id: part.id,
    filename: `${part.id}.xhtml`,
    template: 'part',
    title: part.title,
    titleHtml: titleXhtml(part.titleNodes),
    beforeToc: false,
    matter: 'bodymatter',
    label: part.label,
    body: part.intro && xhtmlBody(part.intro, `${part.id}.xhtml`, files),
  });

  documents.push(...view.front.map(chapterDocument), ...view.body.map(chapterDocument));
  for (const part of view.parts) documents.push(partDocument(part), ...part.chapters.map(chapterDocument));
  documents.push(...view.back.map(chapterDocument));
  return documents;
}

function titleXhtml(nodes: ElementContent[] | undefined): string | undefined {
  return nodes && toXml(toXast({ type: 'root', children: nodes }));
}

/** Which file each id of the edition lives in. */
export function fileOfEachId(edition: Edition): Map<string, string> {
  const files = new Map<string, string>();
  for (const part of edition.parts) files.set(part.id, `${part.id}.xhtml`);
  for (const chapter of edition.chapters) for (const id of chapter.ids) files.set(id, `${chapter.slug}.xhtml`);
  return files;
}

/** A document's text (the view's copy) as XHTML: links across files, footnotes as EPUB's pop-up notes. */
function xhtmlBody(tree: Root, own: string, files: ReadonlyMap<string, string>): string {
  popUpNotes(tree);
  eachElement(tree, (node) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    const file = files.get(href.slice(1));
    if (file && file !== own) node.properties.href = file === `${href.slice(1)}.xhtml` ? file : `${file}${href}`;
  });
  return toXml(toXast(tree));
}

/**
 * Footnotes as e-readers want them for pop-up notes: the reference is an `epub:type`
 * `noteref`, and the note an `<aside epub:type="footnote">` holding the id, inside the
 * numbered list so the numbers stay.
 */
function popUpNotes(tree: Root): void {
  const isElement = (node: unknown, tagName: string): node is Element =>
    (node as Element).type === 'element' && (node as Element).tagName === tagName;
  eachElement(tree, (node) => {
    const properties = node.properties;
    if (node.tagName === 'a' && properties.dataFootnoteRef !== undefined) properties['epub:type'] = 'noteref';
    else if (node.tagName === 'a' && properties.dataFootnoteBackref !== undefined) properties['epub:type'] = 'backlink';
    else if (node.tagName === 'section' && properties.dataFootnotes !== undefined) {
      properties['epub:type'] = 'footnotes';
      for (const list of node.children.filter((child) => isElement(child, 'ol'))) {
        for (const item of (list as Element).children.filter((child) => isElement(child, 'li'))) {
          const li = item as Element;
          const aside: Element = { type: 'element', tagName: 'aside', properties: { id: li.properties.id, 'epub:type': 'footnote', role: 'doc-footnote' }, children: li.children };
          delete li.properties.id;
          li.children = [aside];
        }
      }
    }
  });
}
