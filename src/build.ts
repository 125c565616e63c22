import { availableParallelism } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { performance } from 'node:perf_hooks';
import type { VFile } from 'vfile';
import { loadBook, type LoadOptions } from './book/load.js';
import type { Book, Edition } from './book/types.js';
import { aboutEdition } from './diagnostics/diagnostic.js';
import { reportFailure } from './diagnostics/failure.js';
import { BrowserPool } from './browser/browser.js';
import { BuildContext } from './build-context.js';
import { writeAtomic } from './output/write.js';
import { mayReuse, outputCache, renderThrough, type OutputCache, type OutputJob } from './cache/outputs.js';
import { earlierStores } from './cache/earlier.js';
import { cacheStore } from './cache/store.js';
import { defaultFormats, targets, type TargetName } from './targets/registry.js';
import type { RenderContext, RenderPhase, Target } from './targets/target.js';

export interface BuildOptions extends LoadOptions {
  /** Formats to build (default: html, epub and pdf). */
  formats?: readonly TargetName[];
  /** Output folder, default `dist` beside book.yaml. */
  outDir?: string;
  /** Validate only: load everything, render and write nothing (`folio check`). */
  dryRun?: boolean;
  /** Editions rendered at the same time (default: the number of cores, at most 4). */
  jobs?: number;
  /** Called after each file is written. */
  onWrite?(event: WriteEvent): void;
  /** Called as each edition's rendering moves on (a live progress line on a terminal). */
  onProgress?(event: BuildProgress): void;
  /** A browser pool the caller owns and closes, to share one Chromium between builds. */
  browsers?: BrowserPool;
  /** With `cache` (LoadOptions): tell on standard error when the cache cannot be written. */
  debug?: boolean;
}

export interface WriteEvent {
  lang: string;
  format: TargetName;
  path: string;
  milliseconds: number;
  /** Chapters in the edition, and how many the contents list. */
  chapters: number;
  listed: number;
  /** The file was already what this build makes (the build cache had it): not written again. */
  unchanged?: boolean;
}

/** Where an edition's rendering in one format is: started, or in a print of the PDF (with its pages once known). */
export interface BuildProgress {
  lang: string;
  format: TargetName;
  phase: RenderPhase | 'render';
  pages?: number;
}

export interface BuildResult {
  book: Book | undefined;
  /** Every file with its messages, for the reporter. */
  files: VFile[];
  written: WriteEvent[];
  /** Languages not written because of errors. */
  failed: string[];
  /** Languages without any chapter. */
  skipped: string[];
}

/**
 * manifest → Book (loaded once) → each selected target, for each edition that has no
 * errors. An edition with errors is not written; the others still are.
 */
export async function build(manifestPath: string, options: BuildOptions = {}): Promise<BuildResult> {
  const formats = options.formats ?? defaultFormats;
  // One browser for the whole build. Chromium takes one to two seconds to start, so a
  // build that prints starts it now, while the chapters are read and parsed.
  const browsers = options.browsers ?? new BrowserPool();
  // With a cache that holds outputs, Chromium is started only once some print is found missing.
  if (options.cache) cacheStore(options.cache, options.debug);
  try {
    // Chromium's start goes first: the chapters are read while it starts on the other core.
    if (formats.some((format) => targets[format].needsBrowser) && !options.dryRun && !mayReuse(options.cache)) await browsers.warm();
    return await buildWith(browsers, manifestPath, formats, options);
  } finally {
    if (!options.browsers) await browsers.close();
  }
}

async function buildWith(browsers: BrowserPool, manifestPath: string, formats: readonly TargetName[], options: BuildOptions): Promise<BuildResult> {
  const loaded = await loadBook(manifestPath, options);
  const { book } = loaded;
  const result: BuildResult = {
    book,
    files: loaded.files,
    written: [],
    failed: [...loaded.failed],
    skipped: loaded.skipped,
  };
  if (!book || options.dryRun) return result;

  const outDir = path.resolve(options.outDir ?? path.join(book.root, 'dist'));
  // What the build keeps while it runs (encoded files) lives as long as this call.
  const context = new BuildContext();
  // Editions are independent: render them side by side. The PDF's work happens in
  // Chromium's processes, so this keeps every core busy while Node waits on one print.
  const limit = pLimit(options.jobs ?? Math.min(4, availableParallelism()));
  const editions = book.editions.filter((edition) => !loaded.failed.has(edition.lang));
  const cache = outputCache(options.cache);
  const job = (edition: Edition, format: TargetName): OutputJob => ({ book, edition, format, needsBrowser: Boolean(targets[format].needsBrowser), stem: path.join(outDir, `${book.slug}-${edition.lang}`) });
  if (cache && (await cache.needsBrowser(editions.flatMap((edition) => formats.map((format) => job(edition, format)))))) await browsers.warm();
  // Chromium is closed as soon as the build's last print is made, while the file of that
  // print is still being finished (RenderContext.printed): its exit, about 0.04 s, then
  // overlaps Folio's own work. A browser the caller shares between builds stays open.
  let printsLeft = options.browsers ? Infinity : editions.length * formats.filter((format) => targets[format].needsBrowser).length;
  const printed = () => {
    printsLeft -= 1;
    if (printsLeft === 0) void browsers.close();
  };
  await Promise.all(
    editions
      .map((edition) =>
        limit(async () => {
          for (const format of formats) {
            const events = await renderEdition(job(edition, format), context, { browsers, printed }, cache, options);
            if (events) {
              for (const event of events) {
                result.written.push(event);
                options.onWrite?.(event);
              }
            } else if (!result.failed.includes(edition.lang)) {
              result.failed.push(edition.lang);
            }
          }
        }),
      ),
  );
  return inManifestOrder(result, book.editions.map((edition) => edition.lang), formats);
}

/**
 * Puts a result's editions in the order of `languages` and each edition's files in the
 * order of `formats`, whatever order they finished in (editions render side by side, and
 * a threaded build merges its threads' results).
 */
export function inManifestOrder<Result extends Pick<BuildResult, 'written' | 'failed' | 'skipped'>>(
  result: Result,
  languages: readonly string[],
  formats: readonly string[],
): Result {
  const order = (lang: string) => languages.indexOf(lang);
  result.written.sort((a, b) => order(a.lang) - order(b.lang) || formats.indexOf(a.format) - formats.indexOf(b.format));
  result.failed.sort((a, b) => order(a) - order(b));
  result.skipped.sort((a, b) => order(a) - order(b));
  return result;
}

/**
 * Renders one edition in one format and writes its files, through the cache when there is
 * one. A failure costs this edition's file only: a FolioError is reported as the problem
 * it states, anything else as a bug.
 */
async function renderEdition(
  job: OutputJob,
  build: BuildContext,
  prints: { browsers: BrowserPool; printed: () => void },
  cache: OutputCache | undefined,
  options: BuildOptions,
): Promise<WriteEvent[] | undefined> {
  const { book, edition, stem } = job;
  // Told once per job that prints: by the target after its last print, else when the job ends (unchanged, or failed).
  let told = !job.needsBrowser;
  const printed = () => {
    if (!told) prints.printed();
    told = true;
  };
  const format = job.format as TargetName;
  const target = targets[format];
  const started = performance.now();
  const progress = (phase: BuildProgress['phase'], pages?: number) => options.onProgress?.({ lang: edition.lang, format, phase, pages });
  progress('render');
  let written: { paths: string[]; unchanged: boolean };
  try {
    // Options were resolved (and their problems reported) when the book loaded.
    const render = target.render as Target<unknown>['render'];
    const make = async () => {
      const context: RenderContext<unknown> = {
        book,
        edition,
        options: book.targetOptions[format],
        build,
        browser: () => prints.browsers.get(),
        printed,
        keep: keepSideFile,
        ...earlierStores(options.cache),
        progress,
      };
      const output = await render(context);
      return typeof output === 'string' || output instanceof Uint8Array ? new Map([[`.${target.extension}`, output]]) : output;
    };
    written = await renderThrough(cache, job, make, async (files) => {
      for (const [suffix, data] of files) await writeAtomic(`${stem}${suffix}`, data);
      return [...files.keys()].map((suffix) => `${stem}${suffix}`);
    });
  } catch (cause) {
    aboutEdition(reportFailure(book.manifestFile, `${edition.lang} ${format} edition failed`, cause, undefined, 'target-failed'), edition.lang);
    return undefined;
  } finally {
    printed();
  }
  const milliseconds = performance.now() - started;
  return written.paths.map((filePath) => ({
    lang: edition.lang,
    format,
    path: filePath,
    milliseconds,
    chapters: edition.chapters.length,
    listed: edition.chapters.length + edition.missing.length,
    ...(written.unchanged ? { unchanged: true } : {}),
  }));
}

/**
 * For benchmarks and debugging: with FOLIO_PRINT_HTML_DIR set, the side files a target
 * hands over (the final print HTML of each edition) are kept there, so a bare Chromium
 * print of exactly that page can be timed.
 */
async function keepSideFile(name: string, text: string): Promise<void> {
  const dir = process.env.FOLIO_PRINT_HTML_DIR;
  if (dir) await writeAtomic(path.join(dir, name), text);
}
