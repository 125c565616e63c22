import { realpath } from 'node:fs/promises';
import { VFile } from 'vfile';
import type { BookRoots } from '../book/roots.js';
import type { OutlineEntry } from '../book/outline.js';
import type { Chapter } from '../book/types.js';
import { hasErrors } from '../diagnostics/messages.js';
import { restoreMessage, serializeMessage, type SerializedMessage } from '../diagnostics/serialize.js';
import type { Manifest } from '../manifest/schema.js';
import { fileFingerprint, hashOf, stableJson } from './keys.js';
import { cacheStore, type CacheStore } from './store.js';
import { folioFingerprint } from './version.js';

/** What a chapter's entry holds: what loadChapter made, and the files it looked at. */
interface ChapterEntry {
  reads: { path: string; fingerprint: string }[];
  value: string;
  data: VFile['data'];
  messages: SerializedMessage[];
  fields: Pick<Chapter, 'title' | 'titleNodes' | 'titleAnchor' | 'frontmatter' | 'tree'>;
}

/** What a chapter's pipeline depends on besides its bytes: the book's settings that reach it. */
export interface ChapterSettings {
  manifest: Manifest;
  /** The folder of book.yaml. */
  root: string;
  roots: BookRoots;
}

/**
 * Parsed chapters, kept between builds. A chapter's key is its bytes, its path (and where
 * that really leads), its place in the contents, the language, everything of book.yaml the
 * chapter pipeline reads (plugins and their options, `assets`, the edition's `strings`,
 * the book's folders) and Folio's own fingerprint. The entry also lists every file the
 * processing looked at (images, includes), found or not: a hit must find each of them as
 * it was. Chapters with an error are not kept: they cost nothing to redo, and an error may
 * come from something passing (a file that could not be read).
 *
 * Only chapters processed by Folio's own pipeline are kept: a book's own plugin is code
 * that may read any file, which no key could follow (see load.ts).
 */
export class ChapterCache {
  private readonly settings: string;
  private readonly roots: BookRoots;
  /** Lookups started by prefetch(), by chapter; a lookup holds for the bytes it was started with. */
  private readonly lookups = new Map<string, { bytes: Buffer; lookup: Promise<{ key: string; held?: ChapterEntry }> }>();

  constructor(
    private readonly store: CacheStore | undefined,
    { manifest, root, roots }: ChapterSettings,
  ) {
    this.roots = roots;
    this.settings = stableJson({ plugins: manifest.plugins, assets: manifest.assets, strings: manifest.strings, root, roots: roots.dirs, languages: manifest.languages });
  }

  /**
   * Starts looking a chapter up (its key, its entry, the files it read) without waiting:
   * an edition's chapters are then looked up side by side, while they are made and
   * restored one after another, in reading order.
   */
  prefetch(filePath: string, bytes: Buffer, entry: OutlineEntry, lang: string): void {
    if (this.store) this.lookup(filePath, bytes, entry, lang).catch(() => undefined);
  }

  private lookup(filePath: string, bytes: Buffer, entry: OutlineEntry, lang: string): Promise<{ key: string; held?: ChapterEntry }> {
    const id = `${lang}\0${filePath}\0${stableJson(entry)}`;
    let found = this.lookups.get(id);
    if (found?.bytes !== bytes) {
      const lookup = (async () => {
        const real = await realpath(filePath).catch(() => filePath);
        const key = hashOf('chapter', folioFingerprint(), this.settings, filePath, real, lang, stableJson(entry), bytes);
        const cached = await this.store!.get<ChapterEntry>('chapters', key);
        return { key, held: cached && (await unchanged(cached.reads, this.roots)) ? cached : undefined };
      })();
      this.lookups.set(id, (found = { bytes, lookup }));
    }
    return found.lookup;
  }

  /** The chapter as `make` makes it: from the cache when an entry holds, else made (and kept). */
  async load(filePath: string, bytes: Buffer, entry: OutlineEntry, lang: string, make: () => Promise<Chapter>): Promise<Chapter> {
    if (!this.store) return make();
    const { key, held } = await this.lookup(filePath, bytes, entry, lang);
    if (held) return restore(held, filePath, entry, lang);
    const chapter = await make();
    if (!hasErrors([chapter.file])) {
      const reads = await Promise.all([...new Set(chapter.file.data.reads ?? [])].map(async (read) => ({ path: read, fingerprint: await fileFingerprint(read, this.roots) })));
      const { title, titleNodes, titleAnchor, frontmatter, tree, file } = chapter;
      await this.store.set('chapters', key, {
        reads,
        value: String(file.value),
        data: file.data,
        messages: file.messages.map(serializeMessage),
        fields: { title, titleNodes, titleAnchor, frontmatter, tree },
      } satisfies ChapterEntry);
    }
    return chapter;
  }
}

/**
 * The chapters of a build with a cache folder; without one (or for a book with plugins
 * of its own, which are code that may read any file no key could follow) every chapter
 * is parsed.
 */
export function chapterCache(dir: string | undefined, settings: ChapterSettings): ChapterCache {
  return new ChapterCache(dir ? cacheStore(dir) : undefined, settings);
}

async function unchanged(reads: ChapterEntry['reads'], roots: BookRoots): Promise<boolean> {
  const now = await Promise.all(reads.map((read) => fileFingerprint(read.path, roots)));
  return reads.every((read, index) => now[index] === read.fingerprint);
}

/** The chapter as loadChapter made it, its messages (warnings) again in its file. */
function restore(entry: ChapterEntry, filePath: string, outline: OutlineEntry, lang: string): Chapter {
  const file = new VFile({ path: filePath, value: entry.value, data: entry.data });
  for (const message of entry.messages) restoreMessage(file, message);
  return { slug: outline.slug, lang, role: outline.role, number: outline.number, file, ...entry.fields, ids: new Set() };
}

/**
 * `make`, called on first use only: a chapter pipeline (every highlight.js grammar
 * registered, about 50 ms an edition) is made only for an edition with a chapter to parse.
 */
export function onFirstUse<Value>(make: () => Value): () => Value {
  let made: { value: Value } | undefined;
  return () => (made ??= { value: make() }).value;
}
