import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { imagesOf } from '../assets/images.js';
import { findBrowser } from '../browser/browser.js';
import type { Book, Chapter, Edition } from '../book/types.js';
import { builtInTemplates } from '../templates/files.js';
import { fileFingerprint, folderFingerprint, hashOf, stableJson } from './keys.js';
import { folioFingerprint } from './version.js';

/**
 * Everything an edition's file in one format is made from, hashed: Folio itself, the
 * format and the whole of book.yaml (every section: a change to any key makes a miss,
 * which is slower but never wrong), the edition as loaded (metadata, generated text, every
 * chapter's tree after links and ids are resolved, titles, frontmatter), the bytes of every
 * image and of the cover, the book's own templates and stylesheets, SOURCE_DATE_EPOCH, and
 * for a print through Chromium, the browser and the fonts installed on the system.
 */
export async function outputKey(book: Book, edition: Edition, format: string, needsBrowser: boolean): Promise<string> {
  return hashOf('output', await editionPart(book, edition), format, needsBrowser ? await systemFingerprint() : '');
}

const editionParts = new WeakMap<Edition, Promise<string>>();

/** What every format of an edition is made from, hashed once per build (an edition does not change once loaded). */
function editionPart(book: Book, edition: Edition): Promise<string> {
  let part = editionParts.get(edition);
  if (!part) editionParts.set(edition, (part = hashEdition(book, edition)));
  return part;
}

async function hashEdition(book: Book, edition: Edition): Promise<string> {
  const images = [...(edition.metadata.cover ? [edition.metadata.cover.path] : []), ...imagesOf(edition.chapters.map((chapter) => chapter.tree))];
  const stylesheets = [book.targetOptions.html.stylesheet, book.targetOptions.pdf.stylesheet].filter((file): file is string => typeof file === 'string');
  const files = await Promise.all([...images, ...stylesheets.map((file) => path.resolve(book.root, file))].map((file) => fileFingerprint(file, book.roots)));
  const templates = await Promise.all(book.templateDirs.filter((dir) => dir !== builtInTemplates).map((dir) => folderFingerprint(dir, book.roots)));
  return hashOf(
    folioFingerprint(),
    book.manifestFile.path,
    book.root,
    // book.yaml as written, and what the targets read of it.
    String(book.manifestFile.value),
    stableJson(book.targetOptions),
    stableJson(editionModel(edition)),
    files.join('\n'),
    templates.join('\n'),
    `SOURCE_DATE_EPOCH=${process.env.SOURCE_DATE_EPOCH ?? ''}`,
  );
}

/** The edition as plain data: chapters by slug where the model links them twice. */
function editionModel(edition: Edition) {
  const chapter = ({ file, ...rest }: Chapter) => ({ ...rest, path: file.path });
  return {
    ...edition,
    front: edition.front.map((each) => each.slug),
    back: edition.back.map((each) => each.slug),
    parts: edition.parts.map((part) => ({ ...part, opener: part.opener?.slug, chapters: part.chapters.map((each) => each.slug) })),
    chapters: edition.chapters.map(chapter),
  };
}

let system: Promise<string> | undefined;

/**
 * The browser that prints and the fonts it may fall back to (the folders fontconfig reads,
 * by name, size and time), once per process: a new Chromium or a new font package makes
 * every print a miss.
 */
function systemFingerprint(): Promise<string> {
  return (system ??= (async () => {
    let browser: string;
    try {
      browser = await executableStamp(findBrowser());
    } catch (cause) {
      browser = `no browser: ${String(cause)}`;
    }
    const home = process.env.HOME ?? '';
    const folders = ['/usr/share/fonts', '/usr/local/share/fonts', '/etc/fonts', path.join(home, '.fonts'), path.join(home, '.local/share/fonts')];
    const listed = await Promise.all(folders.map(async (dir) => {
      try {
        const entries = (await readdir(dir, { recursive: true })).map(String).sort();
        const stamps = await Promise.all(entries.map(async (name) => {
          const info = await stat(path.join(dir, name)).catch(() => undefined);
          return `${name}:${info?.size}:${info?.mtimeMs}`;
        }));
        return `${dir}{${stamps.join(';')}}`;
      } catch {
        return `${dir}: none`;
      }
    }));
    return [browser, ...listed].join('\n');
  })());
}

/**
 * The browser's stamp: path, size and time. A wrapper script keeps its own time across
 * upgrades of the browser it starts (Debian's /usr/bin/chromium-headless-shell, three lines
 * that exec /usr/lib/chromium/chromium-headless-shell, is dated from its source, not from
 * the package), so the files a script names by their absolute paths are stamped too. Only
 * a script's first 64 KB are read; a binary is stamped by its own size and time alone.
 */
export async function executableStamp(executable: string): Promise<string> {
  const stampOf = async (file: string) => {
    const info = await stat(file);
    return `${file}:${info.size}:${info.mtimeMs}`;
  };
  const own = await stampOf(executable);
  const handle = await open(executable);
  let head: string;
  try {
    const buffer = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.toString('latin1', 0, bytesRead);
  } finally {
    await handle.close();
  }
  if (!head.startsWith('#!')) return own;
  const named = [...new Set(head.match(/\/[\w.+/-]+/g) ?? [])].filter((file) => file !== executable);
  const stamps = await Promise.all(named.map((file) => stat(file).then((info) => (info.isFile() ? stampOf(file) : undefined), () => undefined)));
  return [own, ...stamps.filter((stamp) => stamp !== undefined)].join('\n');
}
