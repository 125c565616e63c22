import { EPub, type Chapter as EpubChapter, type Options as EpubOptions } from 'epub-gen-memory';

/**
 * epub-gen-memory, made reproducible. The library stamps every zip entry with the time
 * of the build and rewrites chapter HTML (dropping attributes such as epub:type); Folio
 * gives it finished XHTML documents and its own package templates, then fixes the entry
 * dates before the zip is written. Nothing else of the library changes.
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

  override async genEpub(): Promise<Buffer> {
    await this.render();
    const oebps = this.zip.folder('OEBPS')!;
    for (const file of this.files) oebps.file(file.name, file.data);
    for (const entry of Object.values(this.zip.files)) {
      entry.date = this.date;
      // Fonts (brotli inside) and JPEGs are compressed already: deflating them again costs time, saves nothing.
      if (/\.(woff2|jpe?g|webp)$/i.test(entry.name)) (entry as unknown as { options: { compression: string } }).options.compression = 'STORE';
    }
    return this.generateAsync({
      type: 'nodebuffer',
      mimeType: 'application/epub+zip',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    }) as Promise<Buffer>;
  }
}
