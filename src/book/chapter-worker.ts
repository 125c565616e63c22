import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Root } from 'hast';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import { error } from '../diagnostics/messages.js';
import { describeError } from '../diagnostics/report.js';
import { restoreMessage, serializeMessage, type SerializedMessage } from '../diagnostics/serialize.js';
import { loadManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/schema.js';
import { loadPlugins } from '../plugins/load.js';
import { stringsFor } from '../templates/strings.js';
import { bookRoots } from './book-files.js';
import { loadChapter } from './chapter.js';
import type { OutlineEntry } from './outline.js';
import { createChapterProcessor, type ChapterProcessor } from './processor.js';
import type { BookRoots } from './roots.js';
import type { Chapter } from './types.js';

/**
 * A book's own plugins are code Folio cannot vouch for: a synchronous endless loop in one
 * would hold the thread forever, and no timer can fire on a thread that never yields.
 * So the chapters of a book with plugins of its own are processed in a worker thread,
 * which reports when each plugin run starts and ends; a run longer than `pluginTimeout`
 * has the worker terminated, that chapter fails with an error naming the plugin, and a
 * fresh worker takes the next chapter. Books with only Folio's plugins (the usual case)
 * process chapters in the build's own thread, at no cost.
 */

/** The chapter pipeline of one edition, as book.yaml and its plugins define it. */
export function editionProcessor(manifest: Manifest, root: string, roots: BookRoots, plugins: PluggableList, lang: string): ChapterProcessor {
  const assets = Object.fromEntries(Object.entries(manifest.assets).map(([prefix, dir]) => [prefix, path.resolve(root, dir)]));
  return createChapterProcessor({ plugins, lang, strings: stringsFor(lang, manifest.strings[lang]), assets, roots });
}

interface Setup {
  manifestPath: string;
  source: string | undefined;
}

interface Request {
  lang: string;
  filePath: string;
  bytes: Uint8Array;
  entry: OutlineEntry;
}

interface Done {
  type: 'done';
  tree: Root;
  title: string;
  titleNodes?: Chapter['titleNodes'];
  titleAnchor?: string;
  frontmatter: Record<string, unknown>;
  data: VFile['data'];
  value: string;
  messages: SerializedMessage[];
}

type Report = { type: 'run'; plugin: string; running: boolean } | Done;

/** True in a worker started by a ChapterRunner: the entry module then calls runChapterWorker. */
export const isChapterWorker = !isMainThread && (workerData as { folioChapters?: unknown } | null)?.folioChapters === true;

/** The worker's side: load the book's plugins as the build did, then process the chapters it is sent. */
export async function runChapterWorker(): Promise<void> {
  const setup = (workerData as { setup: Setup }).setup;
  const source = await loadManifest(setup.manifestPath);
  const manifest = source.manifest!;
  const roots = bookRoots(manifest, source, setup.source);
  const onRun = (plugin: string, running: boolean) => parentPort!.postMessage({ type: 'run', plugin, running } satisfies Report);
  const plugins = await loadPlugins(manifest.plugins, source, roots, { timeout: manifest.pluginTimeout, onRun });
  // One worker serves every edition of the build: a pipeline per language, made on first use.
  const processors = new Map<string, ChapterProcessor>();
  parentPort!.on('message', async (request: Request) => {
    const { entry, lang } = request;
    if (!processors.has(lang)) processors.set(lang, editionProcessor(manifest, source.root, roots, plugins, lang));
    const chapter = await loadChapter(processors.get(lang)!, request.filePath, Buffer.from(request.bytes), entry, lang, source.root);
    const messages = chapter.file.messages.map(serializeMessage);
    const { tree, title, titleNodes, titleAnchor, frontmatter, file } = chapter;
    parentPort!.postMessage({ type: 'done', tree, title, titleNodes, titleAnchor, frontmatter, data: file.data, value: String(file.value), messages } satisfies Report);
  });
}

/** Sends a build's chapters to a worker, one at a time, and stops a plugin run that takes too long. */
export class ChapterRunner {
  private worker: Worker | undefined;

  constructor(
    private readonly entry: string,
    private readonly setup: Setup,
    /** Seconds a plugin run may take (book.yaml `pluginTimeout`). */
    private readonly timeout: number,
  ) {}

  load(lang: string, filePath: string, bytes: Buffer, entry: OutlineEntry): Promise<Chapter> {
    const worker = (this.worker ??= new Worker(new URL(this.entry), { workerData: { folioChapters: true, setup: this.setup } }));
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (chapter: Chapter) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve(chapter);
      };
      const fail = (reason: string, ruleId: string) => {
        this.close();
        finish(this.failed(lang, filePath, entry, reason, ruleId));
      };
      const onMessage = (report: Report) => {
        if (report.type === 'run') {
          clearTimeout(timer);
          // A second over the limit: the plugin's own timer, when it can fire, says it first.
          if (report.running) timer = setTimeout(() => fail(`Plugin ${report.plugin} took longer than ${this.timeout} s (pluginTimeout) on this chapter`, 'plugin-failed'), this.timeout * 1000 + 1000);
        } else {
          finish(this.restore(lang, filePath, entry, report));
        }
      };
      const onError = (cause: unknown) => fail(`The chapter could not be processed: ${describeError(cause)}`, 'chapter-failed');
      const onExit = (code: number) => fail(`The chapter could not be processed: its thread stopped (exit code ${code})`, 'chapter-failed');
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ lang, filePath, bytes, entry } satisfies Request);
    });
  }

  /** Stops the worker; the next chapter starts a new one. */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private chapter(lang: string, file: VFile, entry: OutlineEntry, fields: Partial<Chapter>): Chapter {
    return { slug: entry.slug, lang, role: entry.role, number: entry.number, file, title: entry.slug, frontmatter: {}, tree: { type: 'root', children: [] }, ids: new Set(), ...fields };
  }

  private failed(lang: string, filePath: string, entry: OutlineEntry, reason: string, ruleId: string): Chapter {
    const file = new VFile({ path: filePath });
    error(file, reason, { line: 1, column: 1 }, ruleId);
    return this.chapter(lang, file, entry, {});
  }

  private restore(lang: string, filePath: string, entry: OutlineEntry, done: Done): Chapter {
    const file = new VFile({ path: filePath, value: done.value, data: done.data });
    for (const message of done.messages) restoreMessage(file, message);
    return this.chapter(lang, file, entry, { tree: done.tree, title: done.title, titleNodes: done.titleNodes, titleAnchor: done.titleAnchor, frontmatter: done.frontmatter });
  }
}
