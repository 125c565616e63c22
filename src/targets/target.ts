import type { BrowserPool } from '../browser/browser.js';
import type { Book, Edition } from '../book/types.js';
import type { BuildContext } from '../build-context.js';
import type { EarlierStore } from '../cache/earlier.js';

/** What a target gets to render one edition. It must not change `book` or `edition`. */
export interface RenderContext<Options> {
  book: Book;
  edition: Edition;
  /** The target's options, resolved when the book loaded (see targets/options.ts). */
  options: Options;
  /** What this build keeps for its own length (encoded files): nothing of it outlives the build. */
  build: BuildContext;
  /** The build's one browser, started on first use (for targets that declare `needsBrowser`). */
  browser(): ReturnType<BrowserPool['get']>;
  /**
   * Tells the build that this edition's last print is made (its pages closed): once every
   * print of the build is, the build closes Chromium while the files are still finished.
   */
  printed?(): void;
  /**
   * Hands the build a side file for benchmarks and debugging (the final print HTML); the
   * build writes it where FOLIO_PRINT_HTML_DIR says, or drops it.
   */
  keep(name: string, text: string): Promise<void>;
  /** The page plans of earlier builds, when the build has a cache (see cache/earlier.ts). */
  plans?: EarlierStore;
  /** The hyphenated text of earlier builds, when the build has a cache. */
  hyphens?: EarlierStore;
  /** Told as a print begins (`measure`: the measuring print; `print`: the one that ships) and when its pages are known. */
  progress?(phase: RenderPhase, pages?: number): void;
}

export type RenderPhase = 'measure' | 'print';

/**
 * What a target makes of one edition: the bytes of `<slug>-<lang>.<extension>`, or several
 * files by the suffix that follows `<slug>-<lang>` (`-interior.pdf`, `-cover.pdf`).
 */
export type TargetOutput = string | Uint8Array | ReadonlyMap<string, string | Uint8Array>;

/**
 * A target turns one edition into its files. It returns the bytes; the build writes them
 * (atomically), so a target never touches dist/ itself.
 */
export interface Target<Options> {
  name: string;
  /** File extension of the output, without the dot. */
  extension: string;
  /** Whether it prints through Chromium: the build then starts the browser early, and builds on one thread. */
  needsBrowser?: boolean;
  render(context: RenderContext<Options>): Promise<TargetOutput>;
}
