import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { restoreMessage, serializeMessage, type SerializedMessage } from './diagnostics/serialize.js';
import { build, inManifestOrder, type BuildOptions, type BuildProgress, type BuildResult, type WriteEvent } from './build.js';
import { loadManifest, type LoadedManifest } from './manifest/load.js';
import { chapterSources, readOutline } from './book/contents.js';
import { defaultFormats, targets } from './targets/registry.js';
import { oneWarningPerLanguage } from './book/code-languages.js';
import { bugRule, whereThrown } from './diagnostics/failure.js';
import { describeBug, reportRequest } from './diagnostics/report.js';

/**
 * Builds on every core. Parsing markdown and writing HTML and EPUB are JavaScript work,
 * so one thread uses one core however many editions run side by side. Here the
 * languages are dealt out to worker threads, each of which loads its editions (each
 * chapter still parsed once) and renders them; the results and messages come back and
 * are merged as if one build had made them. Only for builds without the PDF: the print
 * edition's work is in Chromium's processes already, and one browser serves the build.
 * A thread first pays for a load of Folio, so a small book stays on one: see threadsWorth.
 */

/** How many threads a build should use: as many as `--jobs` (default: the cores, at most 4); 1 where threads cannot help. */
export function threadsFor(options: BuildOptions): number {
  if (options.dryRun || (options.formats ?? defaultFormats).some((format) => targets[format].needsBrowser)) return 1;
  return Math.max(1, Math.min(options.jobs ?? availableParallelism(), 4));
}

/**
 * Markdown one more thread must have to win back its start (a load of Folio, about half a
 * second of CPU). Measured with html,epub on two cores: 2, 4 and 6 of the guide's
 * editions (0.4 to 1.2 MB of markdown) built faster on one thread than on two; all 16
 * (3.6 MB) built 15 % faster on two.
 */
export const bytesPerThread = 1_500_000;

/** The threads worth starting for `bytes` of chapter sources, at most `threads`. */
export function threadsWorth(bytes: number, threads: number): number {
  return Math.max(1, Math.min(threads, Math.floor(bytes / bytesPerThread)));
}

/** The size of the chapter files of `languages`, by the manifest's contents (a file that is not there counts nothing). */
async function chapterBytes(loaded: LoadedManifest, languages: readonly string[], source: string | undefined): Promise<number> {
  const manifest = loaded.manifest!;
  const outline = await readOutline(manifest, loaded);
  const pattern = source ? path.resolve(source) : path.resolve(loaded.root, manifest.source);
  const sizes = languages.flatMap((lang) => {
    const sourceOf = chapterSources(outline, loaded.root, pattern, lang);
    return outline.entries.map((entry) => stat(sourceOf(entry.slug)).then((found) => (found.isFile() ? found.size : 0), () => 0));
  });
  return (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}

interface SerializedFile {
  path: string;
  /** The edition of a chapter's file; none for book.yaml. */
  lang?: string;
  messages: SerializedMessage[];
}

/** A build's result as plain data, to cross between threads. */
export interface ThreadResult {
  files: SerializedFile[];
  written: WriteEvent[];
  failed: string[];
  skipped: string[];
}

type WorkerReport = { type: 'write'; event: WriteEvent } | { type: 'progress'; event: BuildProgress } | { type: 'done'; result: ThreadResult };

/** True in a worker started by buildInThreads: the entry module then calls runBuildWorker instead of its own work. */
export const isBuildWorker = !isMainThread && (workerData as { folioBuild?: unknown } | null)?.folioBuild === true;

/**
 * Builds the book on up to `threads` threads: this one and the workers, each started
 * from `entry` (the module that calls runBuildWorker in a worker: the command's own
 * entry). This thread takes a share too, since starting a worker costs a load of Folio.
 */
export async function buildInThreads(entry: URL, manifestPath: string, options: BuildOptions, threads: number): Promise<BuildResult> {
  const loaded = await loadManifest(manifestPath);
  const languages = options.languages ?? loaded.manifest?.languages;
  if (!loaded.manifest || !languages || languages.length < 2 || threads < 2) return build(manifestPath, options);
  // `--jobs` is taken as asked; by default a book gets the threads its size is worth.
  if (options.jobs === undefined) threads = threadsWorth(await chapterBytes(loaded, languages, options.source), threads);
  if (threads < 2) return build(manifestPath, options);

  // Deal the languages out in turn, so each thread gets a share of every kind of edition.
  const groups = Array.from({ length: Math.min(threads, languages.length) }, (_, index) => languages.filter((_, i) => i % threads === index));
  const { onWrite, onProgress, ...shared } = options;
  const [own, ...others] = groups;
  // Two editions in flight per thread: one's file writes and zipping overlap another's parsing.
  const results = await Promise.all([
    build(manifestPath, { ...options, languages: own, jobs: 2 }).then(serialize),
    ...others.map(
      (group) =>
        new Promise<ThreadResult>((resolve) => {
          const worker = new Worker(entry, { workerData: { folioBuild: true, manifestPath, options: { ...shared, languages: group, jobs: 2 } } });
          worker.on('message', (report: WorkerReport) => {
            if (report.type === 'write') onWrite?.(report.event);
            else if (report.type === 'progress') onProgress?.(report.event);
            else resolve(report.result);
          });
          // A thread that dies costs its own languages only: they are reported failed, the others are still written.
          const lost = (reason: string, ruleId = 'thread-failed') =>
            resolve({
              files: [{ path: path.resolve(manifestPath), messages: [{ reason: `${group.join(', ')}: ${reason}`, fatal: true, ruleId, source: 'folio' }] }],
              written: [],
              failed: [...group],
              skipped: [],
            });
          // build() reports every failure it expects; what escapes it is a bug.
          worker.on('error', (cause) => lost(`the build thread failed because of a bug in Folio: ${describeBug(cause)}${whereThrown(cause)}. ${reportRequest}`, bugRule));
          worker.on('exit', (code) => lost(`the build thread stopped (exit code ${code}) before it finished`));
        }),
    ),
  ]);
  return merge(results, languages, options.formats ?? []);
}

/** The worker's side: build its share and report back. */
export async function runBuildWorker(): Promise<void> {
  const { manifestPath, options } = workerData as { manifestPath: string; options: BuildOptions };
  const result = await build(manifestPath, {
    ...options,
    onWrite: (event) => parentPort!.postMessage({ type: 'write', event } satisfies WorkerReport),
    onProgress: (event) => parentPort!.postMessage({ type: 'progress', event } satisfies WorkerReport),
  });
  parentPort!.postMessage({ type: 'done', result: serialize(result) } satisfies WorkerReport);
}

/** A build's result as a ThreadResult. */
function serialize(result: BuildResult): ThreadResult {
  const langOf = new Map(result.book?.editions.flatMap((edition) => edition.chapters.map((chapter) => [chapter.file, edition.lang] as const)));
  const files = result.files.map((file): SerializedFile => ({
    path: file.path,
    lang: langOf.get(file),
    messages: file.messages.map(serializeMessage),
  }));
  return { files, written: result.written, failed: result.failed, skipped: result.skipped };
}

/**
 * One result from the threads' results: book.yaml's messages once (every thread loads
 * the manifest), then the chapters' files; editions in the manifest's order.
 */
export function merge(results: ThreadResult[], languages: readonly string[], formats: readonly string[]): BuildResult {
  const files = new Map<string, VFile>();
  const seen = new Set<string>();
  const chapters: SerializedFile[] = [];
  for (const result of results) {
    const [manifestFile, ...rest] = result.files;
    chapters.push(...rest);
    const file = files.get(manifestFile!.path) ?? new VFile({ path: manifestFile!.path });
    files.set(file.path, file);
    for (const message of manifestFile!.messages) {
      const key = JSON.stringify(message);
      if (!seen.has(key)) {
        seen.add(key);
        restoreMessage(file, message);
      }
    }
  }
  const order = (lang: string) => languages.indexOf(lang);
  // Each thread listed its chapters in reading order; put the editions in manifest order.
  chapters.sort((a, b) => order(a.lang ?? '') - order(b.lang ?? ''));
  for (const serialized of chapters) {
    const file = new VFile({ path: serialized.path, data: serialized.lang ? { lang: serialized.lang } : {} });
    for (const message of serialized.messages) restoreMessage(file, message);
    files.set(serialized.path, file);
  }
  oneWarningPerLanguage([...files.values()]);
  const merged: BuildResult = {
    book: undefined,
    files: [...files.values()],
    written: results.flatMap((result) => result.written),
    failed: results.flatMap((result) => result.failed),
    skipped: results.flatMap((result) => result.skipped),
  };
  return inManifestOrder(merged, languages, formats);
}

