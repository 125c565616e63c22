import path from 'node:path';
import type { VFile } from 'vfile';
import { aboutEdition } from '../diagnostics/diagnostic.js';
import { error, hasErrors, warn } from '../diagnostics/messages.js';
import { reportFailure } from '../diagnostics/failure.js';
import { loadManifest, type LoadedManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/schema.js';
import { loadPlugins } from '../plugins/load.js';
import { resolveTargetOptions } from '../targets/options.js';
import { builtInTemplates } from '../templates/files.js';
import { stringsFor, type Strings } from '../templates/strings.js';
import { loadChapter } from './chapter.js';
import { checkStrings } from './check-strings.js';
import { uniqueIds } from './ids.js';
import { resolveLinks } from './links.js';
import { bookRoots, checkManifestFiles, findCover } from './book-files.js';
import { directionOf, editionMetadata, pick } from './metadata.js';
import { readChapter } from './read-chapter.js';
import type { BookRoots } from './roots.js';
import { oneWarningPerLanguage } from './code-languages.js';
import { chapterSources, readOutline } from './contents.js';
import { duplicateEntries, type Outline, type OutlineEntry } from './outline.js';
import { ChapterRunner, editionProcessor } from './chapter-worker.js';
import type { ChapterProcessor } from './processor.js';
import { numberTables } from './tables.js';
import { chapterCache, onFirstUse, type ChapterCache } from '../cache/chapters.js';
import type { Book, Chapter, CoverFile, Edition, Part } from './types.js';

export interface LoadOptions {
  /** Languages to load, default all of the manifest's. */
  languages?: readonly string[];
  /** Chapter path pattern with `{lang}` and `{slug}`, overriding the manifest's `source`; relative to the working directory. */
  source?: string;
  /** Missing chapters, empty editions and every warning become errors. */
  strict?: boolean;
  /**
   * The module a chapter worker starts from (the command's entry, which calls
   * runChapterWorker in such a worker). Given, a book with plugins of its own has its
   * chapters processed where an endless plugin can be stopped (see chapter-worker.ts).
   */
  chapterWorker?: string;
  /** The build cache's folder (see src/cache/), where parsed chapters are kept between builds; none, no cache. */
  cache?: string;
  /** Chapters already processed, for a caller that loads the same book again (`folio preview`); see ChapterStore. */
  chapters?: ChapterStore;
}

/** Gives a chapter made earlier from the same input, else `make()`s it; a fresh copy each time (the edition's passes change it). */
export interface ChapterStore {
  get(request: { lang: string; filePath: string; bytes: Buffer; entry: OutlineEntry }, make: () => Promise<Chapter>): Promise<Chapter>;
}

export interface LoadedBook {
  /** Undefined when book.yaml itself is invalid. */
  book: Book | undefined;
  /** book.yaml as validated, for tools that follow its files (the preview watches them). */
  manifest?: Manifest;
  /** Every file with messages: book.yaml first, then the chapters in reading order. */
  files: VFile[];
  /** Languages whose edition has errors: they must not be written. */
  failed: Set<string>;
  /** Languages with no chapter at all. */
  skipped: string[];
}

/** Loads book.yaml and every chapter of every selected edition, once. */
export async function loadBook(manifestPath: string, options: LoadOptions = {}): Promise<LoadedBook> {
  const source = await loadManifest(manifestPath);
  const { manifest, file: manifestFile } = source;
  const files: VFile[] = [manifestFile];
  const result: LoadedBook = { book: undefined, manifest, files, failed: new Set(), skipped: [] };
  if (!manifest) return finish(result, options);

  const outline = await readOutline(manifest, source);
  for (const duplicate of duplicateEntries(outline)) {
    error(manifestFile, `Chapter ${duplicate.slug} is listed twice in contents`, source.locate(duplicate.path), 'contents-duplicate');
  }
  checkStrings(manifest, source);

  const roots = bookRoots(manifest, source, options.source);
  const checked = checkManifestFiles(manifest, source, roots);
  files.push(...checked.stylesheets);
  const cover = await findCover(manifest, source, roots, options.cache);
  const plugins = await loadPlugins(manifest.plugins, source, roots, { timeout: manifest.pluginTimeout });

  // With errors in book.yaml the chapters are still checked, but no edition is written.
  const manifestFailed = hasErrors(files);

  const ownPlugins = manifest.plugins.some((entry) => !(typeof entry === 'string' ? entry : entry[0]).startsWith('folio/'));
  const pattern = options.source ? path.resolve(options.source) : path.resolve(source.root, manifest.source);
  const book: Book = {
    slug: manifest.slug,
    root: source.root,
    roots,
    manifestFile,
    targetOptions: resolveTargetOptions(manifest, (key) => checked.paths.get(key)),
    locate: (keyPath) => source.locate(keyPath),
    templateDirs: [...(manifest.templates ? [path.resolve(source.root, manifest.templates)] : []), builtInTemplates],
    editions: [],
  };
  result.book = book;

  const runner = ownPlugins && options.chapterWorker ? new ChapterRunner(options.chapterWorker, { manifestPath: path.resolve(manifestPath), source: options.source }, manifest.pluginTimeout) : undefined;
  const cache = chapterCache(ownPlugins ? undefined : options.cache, { manifest, root: source.root, roots });
  try {
    for (const lang of options.languages ?? manifest.languages) {
      const sourceOf = chapterSources(outline, source.root, pattern, lang);
      const strings = stringsFor(lang, manifest.strings[lang]);
      const processor = onFirstUse(() => editionProcessor(manifest, source.root, roots, plugins, lang));
      let loaded: Awaited<ReturnType<typeof loadEdition>>;
      try {
        loaded = await loadEdition({ manifest, source, outline, lang, strings, processor, runner, cache, sourceOf, cover, roots, store: options.chapters });
      } catch (cause) {
        // A failure no chapter caught (a bug) costs this edition only, never the others.
        aboutEdition(reportFailure(manifestFile, `${lang} edition failed`, cause, undefined, 'edition-failed'), lang);
        result.failed.add(lang);
        continue;
      }
      const { edition, refused } = loaded;
      const where = source.locate(['contents'], { key: true });
      // Chapters listed as files (or by a SUMMARY.md) are named by their files, not the pattern.
      const byFile = outline.entries.some((entry) => entry.file);
      const shown = byFile ? 'their files' : path.relative(process.cwd(), pattern);
      const at = byFile ? '' : ` at ${shown}`;
      const named = (slug: string) => outline.entries.find((entry) => entry.slug === slug)?.file?.replaceAll('{lang}', lang) ?? slug;
      if (edition.chapters.length === 0 && refused && result.failed.add(lang)) continue;
      if (edition.chapters.length === 0) {
        aboutEdition(warn(manifestFile, `${lang} edition skipped: none of its ${outline.entries.length} chapters exist at ${shown}`, where, 'edition-empty'), lang);
        result.skipped.push(lang);
        continue;
      }
      if (edition.missing.length > 0) {
        const count = `${edition.missing.length} of ${outline.entries.length} chapters missing`;
        aboutEdition(warn(manifestFile, `${lang} edition is partial: ${count}${at} (${edition.missing.map(named).join(', ')})`, where, 'edition-incomplete'), lang);
      }
      files.push(...edition.chapters.map((chapter) => chapter.file));
      if (manifestFailed || refused || hasErrors(edition.chapters.map((chapter) => chapter.file))) result.failed.add(lang);
      book.editions.push(edition);
    }
  } finally {
    runner?.close();
  }
  oneWarningPerLanguage(files);
  return finish(result, options);
}

/** Under --strict every warning is an error, and editions with one are not written. */
function finish(result: LoadedBook, options: LoadOptions): LoadedBook {
  if (!options.strict) return result;
  for (const file of result.files) for (const message of file.messages) if (message.fatal === false) message.fatal = true;
  for (const edition of result.book?.editions ?? []) {
    if (hasErrors([result.files[0]!, ...edition.chapters.map((chapter) => chapter.file)])) result.failed.add(edition.lang);
  }
  return result;
}

interface EditionInput {
  manifest: Manifest;
  source: LoadedManifest;
  outline: Outline;
  lang: string;
  strings: Strings;
  processor: () => ChapterProcessor;
  /** Where chapters are processed when the book has plugins of its own; else in this thread. */
  runner: ChapterRunner | undefined;
  cache: ChapterCache;
  sourceOf(slug: string): string;
  cover: CoverFile | undefined;
  roots: BookRoots;
  store: ChapterStore | undefined;
}

/** An edition, and whether a chapter of it was refused (an error in book.yaml that fails only this edition). */
async function loadEdition(input: EditionInput): Promise<{ edition: Edition; refused: boolean }> {
  const { manifest, outline, lang } = input;
  const defaultLang = manifest.languages[0]!;
  const edition: Edition = {
    lang,
    dir: directionOf(lang),
    metadata: editionMetadata(manifest, lang, input.cover),
    front: [],
    body: [],
    parts: outline.parts.map((part): Part => ({
      number: part.number,
      id: part.opener ?? `part-${part.number}`,
      title: pick(part.title, lang, defaultLang) ?? '',
      chapters: [],
    })),
    back: [],
    chapters: [],
    missing: [],
    strings: input.strings,
  };

  // Reading is I/O and parsing is JavaScript: every read starts now, so the files arrive while the first
  // chapters parse. Each path is checked against the book's roots first (it exists, leads inside them, is a file).
  let refused = false;
  // A chapter's cache entry is looked up as soon as it is read (see ChapterCache.prefetch).
  const lookUp = (entry: OutlineEntry) => (read: Awaited<ReturnType<typeof readChapter>>) => ('bytes' in read && input.cache.prefetch(input.sourceOf(entry.slug), read.bytes, entry, lang), read);
  const reads = new Map(outline.entries.map((entry) => [entry.slug, readChapter(input.sourceOf(entry.slug), input.roots).then(lookUp(entry))] as const));
  for (const entry of outline.entries) {
    const filePath = input.sourceOf(entry.slug);
    const read = await reads.get(entry.slug)!;
    if ('missing' in read) {
      edition.missing.push(entry.slug);
      continue;
    }
    if ('problem' in read) {
      error(input.source.file, `${lang} chapter ${entry.slug}: ${path.relative(process.cwd(), filePath)} is ${read.problem}`, input.source.locate(entry.path), 'chapter-refused');
      refused = true;
      continue;
    }
    const parse = () => loadChapter(input.processor(), filePath, read.bytes, entry, lang, input.source.root);
    const make = () => (input.runner ? input.runner.load(lang, filePath, read.bytes, entry) : input.cache.load(filePath, read.bytes, entry, lang, parse));
    const chapter = input.store ? await input.store.get({ lang, filePath, bytes: read.bytes, entry }, make) : await make();
    edition.chapters.push(chapter);
    const part = entry.part === undefined ? undefined : edition.parts[entry.part]!;
    if (entry.role === 'front') edition.front.push(chapter);
    else if (entry.role === 'back') edition.back.push(chapter);
    else if (entry.role === 'opener') Object.assign(part!, { opener: chapter, title: chapter.title, titleNodes: chapter.titleNodes });
    else if (part) part.chapters.push(chapter);
    else edition.body.push(chapter); // a plain list, or numbered chapters before the first part
  }
  // A part none of whose chapters exist in this language is left out of the edition.
  edition.parts = edition.parts.filter((part) => part.opener || part.chapters.length > 0);

  numberTables(edition.chapters.map((chapter) => chapter.tree));

  // Chapters and parts are elements too (`<article id="slug">` with a `slug-title` heading).
  const elementIds = [...edition.chapters.map((chapter) => chapter.slug), ...edition.parts.map((part) => part.id)];
  const ids = uniqueIds(edition.chapters, elementIds.flatMap((id) => [id, `${id}-title`]));
  for (const chapter of edition.chapters) {
    chapter.ids.add(chapter.slug);
    // The heading the title came from is the chapter's opener now: links to it go there.
    if (chapter.titleAnchor && !ids.get(chapter)?.has(chapter.titleAnchor)) ids.get(chapter)?.set(chapter.titleAnchor, chapter.slug);
  }
  const chapters = new Map(edition.chapters.map((chapter) => [chapter.slug, chapter]));
  for (const chapter of edition.chapters) {
    resolveLinks(chapter, {
      outlineSlugs: new Set(outline.entries.map((entry) => entry.slug)),
      chapters,
      ids,
      site: manifest.site,
      chapterUrl: manifest.chapterUrl,
      sourceOf: input.sourceOf,
    });
  }
  return { edition, refused };
}
