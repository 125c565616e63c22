import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { bookRoots, findCover } from '../book/book-files.js';
import { directionOf, editionMetadata, pick } from '../book/metadata.js';
import { FolioError } from '../diagnostics/errors.js';
import { formatBytes } from '../diagnostics/reporters/editions.js';
import { loadManifest } from '../manifest/load.js';
import { writeIfChanged } from '../output/write.js';
import { builtInTemplates, readTemplate } from '../templates/files.js';
import { renderTemplate } from '../templates/render.js';
import { format, stringsFor } from '../templates/strings.js';

export interface IndexPage {
  path: string;
  /** The editions it lists. */
  editions: number;
}

/**
 * `index.html` in the output folder: the book's cover, title and description, and for
 * each language whose files are in the folder, a link to its HTML edition and its EPUB
 * and PDF downloads, each in that language (templates/index/, templates/locales.yaml).
 * It lists what the folder holds, not what one build made, so the last job of a sharded
 * build writes it once every share is gathered (`folio index`), and the page is the same
 * either way. Self-contained like the HTML edition: the cover is a small inlined WebP.
 */
export async function writeIndexPage(manifestPath: string, outDir?: string): Promise<IndexPage> {
  const loaded = await loadManifest(manifestPath);
  const { manifest, root, file } = loaded;
  if (!manifest) throw new FolioError(`${path.relative(process.cwd(), file.path)} has errors: run \`folio check\` to see them`);
  const out = path.resolve(outDir ?? path.join(root, 'dist'));
  const defaultLang = manifest.languages[0]!;
  const strings = stringsFor(defaultLang, manifest.strings[defaultLang]);
  // The cover is read only from the book's folders, as a build reads it (a build reports its problems).
  const metadata = editionMetadata(manifest, defaultLang, await findCover(manifest, loaded, bookRoots(manifest, loaded, undefined)));
  const editions = manifest.languages.map((lang) => editionEntry(manifest.slug, lang, out, manifest.strings[lang], pick(manifest.title, lang, defaultLang)!)).filter((entry) => entry.html || entry.epub || entry.pdf);
  const templateDirs = [...(manifest.templates ? [path.resolve(root, manifest.templates)] : []), builtInTemplates];
  const html = await renderTemplate(templateDirs, 'index', 'index', {
    lang: defaultLang,
    dir: directionOf(defaultLang),
    title: metadata.title,
    subtitle: metadata.subtitle,
    author: metadata.authors.join(', '),
    description: metadata.description,
    cover: metadata.cover ? { ...(await thumbnail(metadata.cover.path)), alt: format(strings.coverAlt!, { title: metadata.title }) } : undefined,
    css: await readTemplate(templateDirs, 'index/style.css'),
    editions,
  }, strings);
  const target = path.join(out, 'index.html');
  // Unchanged editions leave the page unchanged: it is not rewritten (its time stays).
  await writeIfChanged(target, html);
  return { path: target, editions: editions.length };
}

function editionEntry(slug: string, lang: string, out: string, overrides: Record<string, string> | undefined, title: string) {
  const strings = stringsFor(lang, overrides);
  const link = (extension: string) => {
    const name = `${slug}-${lang}.${extension}`;
    const file = path.join(out, name);
    return existsSync(file) ? { href: encodeURI(name), size: formatBytes(statSync(file).size) } : undefined;
  };
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return {
    lang,
    dir: directionOf(lang),
    // Language names are lower case inside sentences in many languages; here each is a heading.
    language: name.charAt(0).toLocaleUpperCase(lang) + name.slice(1),
    title,
    readOnline: strings.readOnline,
    downloadEpub: strings.downloadEpub,
    downloadPdf: strings.downloadPdf,
    html: link('html'),
    epub: link('epub'),
    pdf: link('pdf'),
  };
}

/** The cover at 400 px wide as a WebP data URI: the guide's 0.9 MB PNG becomes a few dozen kB. */
async function thumbnail(coverPath: string): Promise<{ src: string; width: number; height: number }> {
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(coverPath).resize({ width: 400, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
  return { src: `data:image/webp;base64,${data.toString('base64')}`, width: info.width, height: info.height };
}
