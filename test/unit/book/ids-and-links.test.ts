import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { loadBook } from '../../../src/book/load.js';
import type { Chapter } from '../../../src/book/types.js';
import { formatMessages } from '../../../src/diagnostics/report.js';
import { repoRoot } from '../../support/tools.js';

const mini = path.join(repoRoot, 'test/fixtures/mini/book.yaml');

function elements(tree: Root, tagName?: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (!tagName || node.tagName === tagName) found.push(node);
  });
  return found;
}

async function english(): Promise<{ chapters: Map<string, Chapter>; lines: string[] }> {
  const { book, files } = await loadBook(mini, { languages: ['en'] });
  const chapters = new Map(book!.editions[0]!.chapters.map((chapter) => [chapter.slug, chapter]));
  return { chapters, lines: formatMessages(files, path.dirname(mini)) };
}

function hrefs(chapter: Chapter): string[] {
  return elements(chapter.tree, 'a').map((node) => String(node.properties.href));
}

describe('ids', () => {
  test('are unique across the edition; the first chapter keeps its id, later ones are prefixed', async () => {
    const { chapters } = await english();
    const all = [...chapters.values()].flatMap((chapter) => elements(chapter.tree).map((node) => node.properties.id).filter(Boolean));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['overview', 'first-steps-overview', 'second-steps-overview', 'further-overview', 'details', 'thanks']));
    // Chapter ids are the slugs: a heading may not take one.
    for (const slug of chapters.keys()) expect(all).not.toContain(slug);
  });

  test('each chapter knows the ids it defines, its own slug included', async () => {
    const { chapters } = await english();
    expect([...chapters.get('first-steps')!.ids].sort()).toEqual(['details', 'first-steps', 'first-steps-overview']);
  });
});

describe('links', () => {
  test('site links naming a chapter become in-page links, with anchors mapped to final ids', async () => {
    const { chapters } = await english();
    expect(hrefs(chapters.get('preface')!)).toEqual([
      '#first-steps', // /docs/first-steps
      '#thanks', // afterword.md#thanks
      '#overview', // #overview in the same chapter
      '#first-steps-overview', // first-steps.md#overview, renamed because preface has one too
      'https://example.com/pricing', // other site-absolute links go to the site
      'https://example.com/docs/index', // /docs/<slug> that is not a chapter
    ]);
    expect(hrefs(chapters.get('beginnings')!)).toEqual(['#first-steps']); // trailing slash
    expect(hrefs(chapters.get('second-steps')!)).toEqual(['#details']);
  });

  test('a link to an anchor that does not exist is a warning at the link', async () => {
    const { chapters, lines } = await english();
    expect(hrefs(chapters.get('first-steps')!)).toEqual(['#overview', '#first-steps']);
    expect(lines).toEqual([
      'chapters/en/first-steps.md:19:58  warning  Link to #nowhere, but this chapter has no such anchor; linking to the chapter instead  link-missing-anchor',
    ]);
  });

  test('a link to a chapter missing from the edition points at the published chapter', async () => {
    const { chapters } = await english();
    expect(hrefs(chapters.get('further')!)).toEqual(['#second-steps-overview']);
    const { book } = await loadBook(mini, { languages: ['nl'] });
    const further = book!.editions[0]!.chapters.find((chapter) => chapter.slug === 'further')!;
    expect(hrefs(further)).toEqual(['https://example.com/docs/second-steps#overview']);
  });
});
