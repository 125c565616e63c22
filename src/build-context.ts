import { DataUris } from './assets/data-uri.js';

/**
 * What one build keeps while it runs: made by build() for each call and handed to every
 * target, so that nothing a book's files decide outlives the build. A long-running
 * process (a preview) calls build() again after a change and sees the change.
 *
 * What stays in modules is what no book can change: Fontsource's subset tables and the
 * locale table come with Folio's own packages (fonts.ts, strings.ts), a registered
 * TypeScript loader is the process's (plugins/load.ts).
 */
export class BuildContext {
  /** Files encoded as data URIs (fonts, the cover, images), each once per build. */
  readonly dataUris = new DataUris();
}
