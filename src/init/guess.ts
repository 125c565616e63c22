import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { parse as parseToml } from 'smol-toml';
import { unified } from 'unified';
import { UsageError } from '../diagnostics/errors.js';

/** What `folio init` found out about a book folder, and what it had to guess. */
export interface BookGuess {
  /** The manifest to write, in book.yaml's key order. */
  manifest: Record<string, unknown>;
  /** One line per fact taken from the folder or guessed, for the author to review. */
  notes: string[];
}

/** What mdBook's book.toml or GitBook's book.json say about the book. */
interface BookConfig {
  kind: 'mdBook' | 'GitBook';
  file: string;
  title?: string;
  authors: string[];
  language?: string;
  description?: string;
  /** The folder of the chapters, relative to the book folder. */
  src: string;
}

/**
 * Reads an existing book folder (an mdBook, a GitBook or plain markdown chapters) and
 * guesses its manifest: title and authors from book.toml or book.json, the reading order
 * from SUMMARY.md, else every markdown file of the chapter folder in name order.
 */
export function guessBook(folder: string): BookGuess {
  const notes: string[] = [];
  const config = readConfig(folder);
  if (config) notes.push(`${config.kind} book: read ${config.file}`);
  const src = config?.src ?? '.';
  const summary = ['SUMMARY.md', 'summary.md'].map((name) => path.join(src, name)).find((file) => existsSync(path.join(folder, file)));

  let contents: unknown;
  let firstChapter: string | undefined;
  if (summary) {
    contents = { summary: toPosix(summary) };
    notes.push(`contents: from ${toPosix(summary)}`);
  } else {
    const files = markdownFiles(path.join(folder, src)).map((file) => toPosix(path.join(src, file)));
    if (files.length === 0) throw new UsageError(`No markdown chapters in ${folder}: a book needs .md files or a SUMMARY.md`);
    contents = files;
    firstChapter = files[0];
    notes.push(`contents: the ${files.length} markdown files of ${src === '.' ? 'the folder' : src} in name order (${files.join(', ')})`);
  }

  let title = config?.title;
  if (!title) {
    const opening = firstChapter ?? ['README.md', 'index.md'].map((name) => path.join(src, name)).find((file) => existsSync(path.join(folder, file)));
    title = (opening && firstHeading(path.join(folder, opening))) || path.basename(path.resolve(folder));
    notes.push(`title: guessed "${title}"${opening ? ` from ${toPosix(opening)}` : ' from the folder name'}; change it in book.yaml`);
  }
  const authors = config?.authors.length ? config.authors : ['Unknown author'];
  if (!config?.authors.length) notes.push('author: unknown; write it in book.yaml');
  const language = config?.language ?? 'en';
  if (!config?.language) notes.push('languages: guessed en; change it in book.yaml if the book is in another language');

  const manifest: Record<string, unknown> = {
    slug: slugOf(title),
    title,
    author: authors.length === 1 ? authors[0] : authors,
    ...(config?.description ? { description: config.description } : {}),
    languages: [language],
    contents,
    // mdBook's {{#include}} directives need the plugin that reads them.
    ...(config?.kind === 'mdBook' ? { plugins: ['folio/mdbook'] } : {}),
  };
  if (config?.kind === 'mdBook') notes.push('plugins: folio/mdbook, for {{#include}} and {{#rustdoc_include}}');
  return { manifest, notes };
}

/** A settings file parsed; one that does not parse is the author's to fix, not a bug. */
function readSettings(file: string, parse: (text: string) => unknown): Record<string, unknown> {
  let value: unknown;
  try {
    value = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new UsageError(`${path.basename(file)} cannot be read as settings: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`, { cause });
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function readConfig(folder: string): BookConfig | undefined {
  const toml = path.join(folder, 'book.toml');
  if (existsSync(toml)) {
    const book = (readSettings(toml, parseToml).book ?? {}) as Record<string, unknown>;
    return {
      kind: 'mdBook',
      file: 'book.toml',
      title: text(book.title),
      authors: Array.isArray(book.authors) ? book.authors.filter((item): item is string => typeof item === 'string') : [],
      language: text(book.language),
      description: text(book.description),
      src: text(book.src) ?? 'src',
    };
  }
  const json = path.join(folder, 'book.json');
  if (existsSync(json)) {
    const book = readSettings(json, JSON.parse) as Record<string, unknown>;
    const author = text(book.author);
    return {
      kind: 'GitBook',
      file: 'book.json',
      title: text(book.title),
      authors: author ? [author] : [],
      language: text(book.language),
      description: text(book.description),
      src: text(book.root)?.replace(/^\.\/|\/$/g, '') || '.',
    };
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The markdown files of a folder in name order, README and index first (they open a book). */
function markdownFiles(folder: string): string[] {
  const opening = (name: string) => /^(?:readme|index)\.md$/i.test(name);
  return readdirSync(folder)
    .filter((name) => /\.(?:md|markdown)$/i.test(name) && statSync(path.join(folder, name)).isFile())
    .sort((a, b) => Number(opening(b)) - Number(opening(a)) || a.localeCompare(b, 'en', { numeric: true }));
}

function firstHeading(file: string): string | undefined {
  const tree = unified().use(remarkParse).parse(readFileSync(file, 'utf8'));
  const heading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  return heading ? toString(heading).trim() : undefined;
}

/** A book slug (lowercase letters, digits, single hyphens) from its title. */
function slugOf(title: string): string {
  const slug = title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'book';
}

function toPosix(file: string): string {
  return path.normalize(file).split(path.sep).join('/');
}
