import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtBook } from '../support/books.js';
import { readEpub } from '../support/epub.js';
import { repoRoot } from '../support/tools.js';

// The code-heavy book the benchmark builds against Pandoc (scripts/bench/code-book.ts).
// EPUBCheck, Ace and the Nu checker see its editions in validators.test.ts.
const book = builtBook('code-book');
const chapters = path.join(repoRoot, 'test/fixtures/code-book/chapters/en');

/** The fences of the sources with a language other than plain text, in reading order. */
function fencedLanguages(): string[] {
  const manifest = readFileSync(path.join(repoRoot, 'test/fixtures/code-book/book.yaml'), 'utf8');
  const slugs = [...manifest.matchAll(/^ {2}- ([a-z-]+)$/gm)].map((match) => match[1]!);
  return slugs.flatMap((slug) => [...readFileSync(path.join(chapters, `${slug}.md`), 'utf8').matchAll(/^```(\w+)$/gm)].map((match) => match[1]!)).filter((lang) => lang !== 'text');
}

test('the code book builds without a message', () => {
  expect(book.lines).toEqual([]);
  expect(book.written.map((event) => `${event.lang} ${event.format} ${event.chapters}`)).toEqual(['en html 10', 'en epub 10']);
});

test('every fenced block with a language is highlighted, in the EPUB and the HTML, with its images packaged', async () => {
  const languages = fencedLanguages();
  expect(languages.length).toBeGreaterThan(90);
  const epub = await readEpub(book.file('en', 'epub'));
  const documents = Object.keys(epub.zip.files).filter((name) => name.endsWith('.xhtml'));
  const xhtml = (await Promise.all(documents.map((name) => epub.text(name)))).join('\n');
  const html = readFileSync(book.file('en', 'html'), 'utf8');
  for (const text of [xhtml, html]) {
    const blocks = [...text.matchAll(/<code class="hljs language-([\w-]+)">([\s\S]*?)<\/code>/g)];
    expect(blocks.map((match) => match[1]).sort()).toEqual([...languages].sort());
    // Every language has coloured blocks: its grammar was loaded (a short shell line may have nothing to colour).
    const coloured = new Set(blocks.filter((match) => match[2]!.includes('<span class="hljs-')).map((match) => match[1]));
    expect([...new Set(languages)].filter((lang) => !coloured.has(lang))).toEqual([]);
    expect(coloured.size).toBeGreaterThan(10);
  }
  expect(Object.keys(epub.zip.files).filter((name) => /\.(png|svg)$/.test(name) && !name.includes('cover'))).toHaveLength(3);
});
