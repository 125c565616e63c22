import { assembleSinglePage } from '../assemble/single-page.js';
import { fontFaceCss, fontFilesFor, monoFontFilesFor } from '../assets/fonts.js';
import { codeText, editionText } from '../book/text.js';
import { readBookStylesheet, readTemplate } from '../templates/files.js';
import { renderTemplate } from '../templates/render.js';
import { format } from '../templates/strings.js';
import type { HtmlOptions } from './html/options.js';
import type { Target } from './target.js';

/**
 * The single-page HTML edition: one self-contained file (CSS, fonts and cover inlined,
 * nothing requested from anywhere), from templates/html/book.hbs and style.css.
 */
export const htmlTarget: Target<HtmlOptions> = {
  name: 'html',
  extension: 'html',
  async render({ book, edition, options, build }) {
    const { dataUris } = build;
    const page = assembleSinglePage(edition, dataUris.file);
    const { metadata, strings } = edition;
    const fonts = fontFilesFor(editionText(edition));
    const css = [
      fontFaceCss([...fonts, ...monoFontFilesFor(codeText(edition))], (file) => dataUris.of(file.path, 'font/woff2')),
      await readTemplate(book.templateDirs, 'base/content.css'),
      await readTemplate(book.templateDirs, 'html/style.css'),
      await readBookStylesheet(options.stylesheet),
    ].join('\n');
    const cover =
      options.cover && metadata.cover
        ? { src: dataUris.of(metadata.cover.path, metadata.cover.mediaType), alt: format(strings.coverAlt!, { title: metadata.title }) }
        : undefined;
    return renderTemplate(book.templateDirs, 'html', 'book', {
      lang: edition.lang,
      dir: edition.dir,
      ...metadata,
      author: metadata.authors.join(', '),
      subjects: metadata.subjects.join(', '),
      cover,
      css,
      ...page,
    }, strings);
  },
};
