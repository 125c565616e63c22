import { pathToFileURL } from 'node:url';
import mime from 'mime-types';
import { fontFaceCss, fontFilesFor, monoFontFilesFor } from '../assets/fonts.js';
import { imagesOf, packageImage } from '../assets/images.js';
import { codeText, editionText } from '../book/text.js';
import type { Edition } from '../book/types.js';
import { sourceDate, isoSeconds } from '../output/source-date.js';
import { ejsTemplate, type EjsTemplate } from '../templates/ejs.js';
import { readTemplate } from '../templates/files.js';
import { format } from '../templates/strings.js';
import { epubDocuments, type EpubDocument } from './epub/documents.js';
import type { EpubOptions } from './epub/options.js';
import { ReproducibleEPub } from './epub/package.js';
import type { Target } from './target.js';

/**
 * The EPUB 3 edition: one XHTML document per chapter and part opener, a cover page, a title
 * page and a copyright page, an EPUB 3 nav with landmarks and an NCX, accessibility
 * metadata, Inter embedded; packaged by epub-gen-memory with Folio's templates
 * (templates/epub/) and reproducible to the byte.
 */
export const epubTarget: Target<EpubOptions> = {
  name: 'epub',
  extension: 'epub',
  async render({ book, edition, options }) {
    const dirs = book.templateDirs;
    const template = (name: string) => ejsTemplate(dirs, `epub/${name}`);
    const { metadata, strings } = edition;
    const date = sourceDate(metadata.date);
    const cover = metadata.cover && {
      ...metadata.cover,
      extension: mime.extension(metadata.cover.mediaType) || 'img',
    };
    const images = await Promise.all(imagesOf(edition.chapters.map((chapter) => chapter.tree)).map(async (file) => ({ file, ...(await packageImage(file)) })));
    const documents = epubDocuments(edition, Boolean(cover), new Map(images.map((image) => [image.file, image.name])));
    const fonts = options.embedFonts ? [...fontFilesFor(editionText(edition)), ...monoFontFilesFor(codeText(edition))] : [];
    const data = {
      ...metadata,
      lang: edition.lang,
      dir: edition.dir,
      strings,
      cover,
      images: images.map(({ name, mediaType }, index) => ({ id: `image-${index + 1}`, href: name, mediaType })),
      coverAlt: format(strings.coverAlt!, { title: metadata.title }),
      publishedBy: metadata.publisher && format(strings.publishedBy!, { publisher: metadata.publisher }),
      isbn: /^(?:97[89])?\d{9}[\dX]$/.test(metadata.identifier.replace(/^urn:isbn:|[-\s]/gi, '')),
      modified: isoSeconds(date),
      ...navigation(edition, documents),
    };

    const pageTemplate = await template('page.xhtml.ejs');
    // The package's templates are epub-gen-memory's to render; compiled here first, so that
    // a book's own one that does not compile is reported as such.
    const [contentOPF, tocXHTML, tocNCX] = await Promise.all(['content.opf.ejs', 'nav.xhtml.ejs', 'toc.ncx.ejs'].map(template));
    const sections = new Map<string, EjsTemplate>();
    const rendered = [];
    for (const page of documents) {
      if (!sections.has(page.template)) sections.set(page.template, await template(`${page.template}.ejs`));
      const section = sections.get(page.template)!.render({ book: data, page });
      rendered.push({
        id: page.id,
        title: page.title,
        filename: page.filename,
        beforeToc: page.beforeToc,
        xhtml: pageTemplate.render({ book: data, page, section }),
      });
    }
    // EPUB 3 wants documents with inline SVG (a book's own drawings) marked `svg` in the manifest.
    const svgDocuments = rendered.filter((page) => /<svg[\s/>]/.test(page.xhtml)).map((page) => page.filename);

    const css = [fontFaceCss(fonts, (file) => `fonts/${file.name}`), await readTemplate(dirs, 'base/content.css'), await readTemplate(dirs, 'epub/style.css')].join('\n');
    const epub = new ReproducibleEPub(
      {
        title: metadata.title,
        author: metadata.authors,
        lang: edition.lang,
        css,
        fonts: fonts.map((file) => ({ filename: file.name, url: pathToFileURL(file.path).href })),
        cover: metadata.cover && pathToFileURL(metadata.cover.path).href,
        date: date.toISOString(),
        chapterXHTML: '<%- content %>',
        contentOPF: contentOPF!.text,
        tocXHTML: tocXHTML!.text,
        tocNCX: tocNCX!.text,
        // Extra data for Folio's package templates.
        book: { ...data, svgDocuments },
      } as ConstructorParameters<typeof ReproducibleEPub>[0],
      rendered,
      date,
      images.map(({ name, data }) => ({ name, data })),
    );
    return epub.genEpub();
  },
};

interface TocEntry {
  kind: 'chapter' | 'part';
  href: string;
  label?: string;
  title: string;
  children: TocEntry[];
}

/** The nav's contents (parts nesting their chapters) and landmarks, and the NCX depth. */
function navigation(edition: Edition, documents: EpubDocument[]) {
  const entry = (page: EpubDocument, children: TocEntry[] = []): TocEntry => ({
    kind: page.template === 'part' ? 'part' : 'chapter',
    href: page.filename,
    label: page.label,
    title: page.title,
    children,
  });
  const byId = new Map(documents.map((page) => [page.id, page]));
  const toc: TocEntry[] = [
    ...[...edition.front, ...edition.body].map((chapter) => entry(byId.get(chapter.slug)!)),
    ...edition.parts.map((part) => entry(byId.get(part.id)!, part.chapters.map((chapter) => entry(byId.get(chapter.slug)!)))),
    ...edition.back.map((chapter) => entry(byId.get(chapter.slug)!)),
  ];
  const body = documents.find((page) => page.matter === 'bodymatter');
  const landmarks = [
    ...(byId.has('cover') ? [{ type: 'cover', href: 'cover.xhtml', title: edition.strings.cover }] : []),
    { type: 'toc', href: 'toc.xhtml#toc', title: edition.strings.contents },
    ...(body ? [{ type: 'bodymatter', href: body.filename, title: edition.strings.startOfContent }] : []),
  ];
  return { toc, landmarks, tocDepth: toc.some((item) => item.children.length > 0) ? 2 : 1 };
}
