import { buffer } from 'node:stream/consumers';
import { EPub, type Chapter as EpubChapter, type Options as EpubOptions } from 'epub-gen-memory';
import { ZipFile } from 'yazl';

/**
 * epub-gen-memory, made reproducible. The library stamps every zip entry with the time
 * of the build and rewrites chapter HTML (dropping attributes such as epub:type); Folio
 * gives it finished XHTML documents and its own package templates, and zips its files
 * with fixed dates. Nothing else of the library changes.
 */
export class ReproducibleEPub extends EPub {
  constructor(
    options: EpubOptions,
    documents: readonly (Omit<EpubChapter, 'content'> & { id: string; xhtml: string })[],
    private readonly date: Date,
    /** Files Folio adds under OEBPS/ itself (the chapters' images), listed by the package template. */
    private readonly files: readonly { name: string; data: Uint8Array }[] = [],
  ) {
    super(options, documents.map(({ xhtml: _xhtml, ...document }) => ({ ...document, content: '<p/>' })));
    // The library normalized a placeholder; put back the documents exactly as Folio made
    // them, with their own ids (used in the manifest and the spine).
    this.content.forEach((chapter, index) => {
      chapter.content = documents[index]!.xhtml;
      chapter.id = documents[index]!.id;
    });
  }

  /**
   * The library's templates and files, zipped with yazl rather than the library's JSZip:
   * yazl deflates with Node's own zlib, off the JavaScript thread, where JSZip's pure
   * JavaScript deflate took about 0.8 s of the 16 guide EPUBs' build time. The
   * entries are JSZip's, in its order (mimetype first, stored, as OCF requires).
   */
  override async genEpub(): Promise<Buffer> {
    await this.render();
    const zip = new ZipFile();
    const entries = Object.values(this.zip.files).filter((entry) => !entry.dir);
    const mimetype = entries.findIndex((entry) => entry.name === 'mimetype');
    if (mimetype > 0) entries.unshift(...entries.splice(mimetype, 1));
    const files = [
      ...(await Promise.all(entries.map(async (entry) => ({ name: entry.name, data: await entry.async('nodebuffer') })))),
      ...this.files.map((file) => ({ name: `OEBPS/${file.name}`, data: Buffer.from(file.data) })),
    ];
    for (const { name, data } of files) {
      zip.addBuffer(data, name, {
        mtime: dosLocal(this.date),
        mode: 0o100644,
        forceDosTimestamp: true,
        // Fonts (brotli inside) and JPEGs are compressed already: deflating them again
        // costs time and saves nothing. Level 6, not 9: 0.2% larger, much faster.
        compressionLevel: name === 'mimetype' || /\.(woff2|jpe?g|webp)$/i.test(name) ? 0 : 6,
      });
    }
    zip.end();
    return buffer(zip.outputStream);
  }
}

/**
 * yazl writes a zip entry's DOS date and time from the Date's local fields; shifted by
 * the time zone offset, they are the UTC ones, and the bytes are the same in every zone.
 */
function dosLocal(date: Date): Date {
  return new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
}
