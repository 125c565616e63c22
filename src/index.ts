/** Folio's public API: build a book, or load it as a Book model. */
export { build, type BuildOptions, type BuildProgress, type BuildResult, type WriteEvent } from './build.js';
export { loadBook, type LoadOptions, type LoadedBook } from './book/load.js';
export type { Book, Chapter, ChapterRole, Edition, EditionMetadata, Part } from './book/types.js';
export type { Manifest } from './manifest/schema.js';
export { formatMessages } from './diagnostics/report.js';
export { FolioError, UsageError } from './diagnostics/errors.js';
