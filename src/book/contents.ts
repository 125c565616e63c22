import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { error } from '../diagnostics/messages.js';
import type { LoadedManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/schema.js';
import { outlineOf, outlineOfSummary, type Outline } from './outline.js';
import { parseSummary } from './summary.js';

/**
 * The book's reading order from book.yaml's `contents`: the list it gives, or the
 * SUMMARY.md it names (read here, relative to book.yaml). A SUMMARY.md that cannot be
 * read is an error at `contents.summary`, and the book has no chapters.
 */
export async function readOutline(manifest: Manifest, source: LoadedManifest): Promise<Outline> {
  const { contents } = manifest;
  if (!('summary' in contents)) return outlineOf(contents);
  const summaryPath = path.resolve(source.root, contents.summary);
  let text: string;
  try {
    text = await readFile(summaryPath, 'utf8');
  } catch {
    error(source.file, `Cannot read ${contents.summary} (contents.summary): write the path of the book's SUMMARY.md, relative to book.yaml`, source.locate(['contents', 'summary']), 'contents-summary');
    return { entries: [], parts: [] };
  }
  return outlineOfSummary(parseSummary(text), path.relative(source.root, summaryPath));
}

/**
 * Where each chapter of the outline is for one language: its own file when the contents
 * name files (with `{lang}` replaced), else `pattern` with `{lang}` and `{slug}` replaced.
 */
export function chapterSources(outline: Outline, root: string, pattern: string, lang: string): (slug: string) => string {
  const files = new Map(outline.entries.filter((entry) => entry.file).map((entry) => [entry.slug, path.resolve(root, entry.file!.replaceAll('{lang}', lang))]));
  return (slug) => files.get(slug) ?? pattern.replaceAll('{lang}', lang).replaceAll('{slug}', slug);
}
