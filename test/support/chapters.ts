import type { ElementContent, Root } from 'hast';
import { VFile } from 'vfile';
import type { Chapter, ChapterRole, Edition, Part } from '../../src/book/types.js';
import type { Strings } from '../../src/templates/strings.js';

/**
 * Small hand-made chapters and editions for unit tests of the logic that works on the Book
 * model (ids, links, EPUB documents), without loading a book from files.
 */
export function chapter(slug: string, content: ElementContent[], options: { role?: ChapterRole; number?: number; title?: string; lang?: string } = {}): Chapter {
  const tree: Root = { type: 'root', children: content };
  return {
    slug,
    lang: options.lang ?? 'en',
    role: options.role ?? 'chapter',
    number: options.number,
    file: new VFile({ path: `/book/chapters/en/${slug}.md` }),
    title: options.title ?? slug,
    frontmatter: {},
    tree,
    ids: new Set([slug]),
  };
}

export const englishStrings = {
  cover: 'Cover',
  titlePage: 'Title page',
  copyright: 'Copyright',
  chapter: 'Chapter {n}',
  part: 'Part {n}',
} as unknown as Strings;

export function edition(front: Chapter[], parts: Part[], back: Chapter[], body: Chapter[] = []): Edition {
  return {
    lang: 'en',
    dir: 'ltr',
    metadata: { title: 'A Book', authors: ['A. Author'], identifier: 'urn:uuid:0', subjects: [] },
    front,
    body,
    parts,
    back,
    chapters: [...front, ...body, ...parts.flatMap((part) => [...(part.opener ? [part.opener] : []), ...part.chapters]), ...back],
    missing: [],
    strings: englishStrings,
  };
}
