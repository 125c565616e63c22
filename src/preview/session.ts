import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBook, type LoadedBook } from '../book/load.js';
import { loadManifest } from '../manifest/load.js';
import type { Book, Edition } from '../book/types.js';
import { BrowserPool } from '../browser/browser.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { newOutput, type EditionState, type Output } from './state.js';
import { describeError } from '../diagnostics/report.js';
import { targets } from '../targets/registry.js';
import type { TargetOptions } from '../targets/options.js';
import type { RenderContext } from '../targets/target.js';
import { BuildContext } from '../build-context.js';
import { defaultCacheDir } from '../cache/location.js';
import { earlierStores } from '../cache/earlier.js';
import { abortableBrowser } from './abortable-browser.js';
import { ChapterMemory } from './chapter-store.js';
import { openEpub } from './epub-files.js';
import { chapterOf, inputsOf, isScratchFile, type BookInputs } from './inputs.js';
import { pageDiagnostics, terminalLines } from './messages.js';
import { FolderWatcher } from './watch.js';

export interface SessionOptions {
  manifest: string;
  /** The language shown first; others are built when a page asks for them. */
  lang?: string;
  source?: string;
  chapterWorker?: string;
  /** Told of every change of an edition's state (the server sends it to the pages). */
  onState(state: EditionState): void;
  /** A line for the terminal. */
  log(line: string): void;
}

/**
 * The preview's builds: one load of the book per batch of saves (only the chapters that
 * changed are processed again, see ChapterMemory), the HTML edition at once, then the
 * PDF and the EPUB, once a page has shown their views, in the background, each superseded
 * by the next save. An edition with errors keeps its last good outputs; the errors go to
 * the page and the terminal.
 */
export class PreviewSession {
  readonly outputs = new Map<string, Output>();
  languages: string[] = [];
  private readonly memory = new ChapterMemory();
  private readonly browsers = new BrowserPool();
  private readonly watcher = new FolderWatcher((paths) => this.changed(paths));
  private inputs: BookInputs;
  private readonly earlier: ReturnType<typeof earlierStores>;
  private queue: Promise<void> = Promise.resolve();
  private pending: Set<string> | undefined;
  private printed = '';
  /** Counts the batches of changes that touched more than chapter texts (a template, book.yaml, an image). */
  private otherChanges = 0;

  constructor(private readonly options: SessionOptions) {
    this.inputs = inputsOf(options.manifest, undefined, options.source);
    this.earlier = earlierStores(defaultCacheDir(options.manifest));
  }

  /** Loads the book and builds the first edition; resolves when its HTML is ready (or failed). */
  async start(): Promise<void> {
    void this.browsers.warm();
    const languages = (await loadManifest(this.options.manifest)).manifest?.languages ?? [];
    this.languages = languages;
    this.activate(this.options.lang ?? languages[0] ?? 'en');
    await this.rebuild(new Set());
  }

  /** Makes sure the edition of `lang` is built from now on; false for a language the book does not have. */
  activate(lang: string): boolean {
    if (this.languages.length > 0 ? !this.languages.includes(lang) : !/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(lang)) return false;
    if (this.outputs.has(lang)) return true;
    this.outputs.set(lang, newOutput(lang));
    if (this.outputs.size > 1) this.schedule(new Set());
    return true;
  }

  /**
   * A page showed the Pages or the EPUB view of `lang`: make that output now if it is not
   * there, and keep it up to date from then on. Neither is made before it is asked for: an
   * author who writes in the HTML view pays no print (seconds of CPU on a long book) per save.
   */
  want(lang: string, format: 'pdf' | 'epub'): void {
    const output = this.outputs.get(lang);
    const flag = format === 'pdf' ? 'wantsPdf' : 'wantsEpub';
    if (!output || output[flag]) return;
    output[flag] = true;
    if (output.last) void (format === 'pdf' ? this.buildPdf(output, output.last.book, output.last.edition) : this.buildEpub(output, output.last.book, output.last.edition));
  }

  private changed(paths: Set<string>): void {
    const relevant = [...paths].filter((file) => this.inputs.chapters.has(file) || this.inputs.others.has(file) || (existsSync(file) && !isScratchFile(file)));
    if (relevant.length > 0) this.schedule(new Set(relevant));
  }

  /** Queues a rebuild; saves that arrive while one runs are gathered into the next. */
  private schedule(paths: Set<string>): Promise<void> {
    if (this.pending) {
      for (const file of paths) this.pending.add(file);
      return this.queue;
    }
    this.pending = paths;
    this.queue = this.queue.then(() => {
      const batch = this.pending!;
      this.pending = undefined;
      return this.rebuild(batch);
    });
    return this.queue;
  }

  private async rebuild(paths: Set<string>): Promise<void> {
    const started = performance.now();
    // CPU time too: on a busy machine it says what the rebuild itself costs.
    const cpu = process.cpuUsage();
    // Only chapter texts changed: every other chapter is still what it was.
    if ([...paths].some((file) => !this.inputs.chapters.has(file))) {
      this.memory.clear();
      this.otherChanges++;
    }
    const langs = [...this.outputs.keys()];
    for (const output of this.outputs.values()) {
      this.publish(output, { building: true });
      // A newer save makes the PDF being printed worthless: stop it now, not after it finishes.
      if (paths.size > 0) output.pdfJob.cancel();
    }
    let loaded: LoadedBook;
    try {
      loaded = await loadBook(this.options.manifest, { languages: langs, source: this.options.source, chapterWorker: this.options.chapterWorker, chapters: this.memory });
    } catch (cause) {
      this.options.log(`error  ${describeError(cause)}`);
      for (const output of this.outputs.values()) this.publish(output, { building: false });
      return;
    }
    this.memory.prune();
    const counts = this.memory.counts();
    if (loaded.manifest) this.languages = loaded.manifest.languages;
    this.inputs = inputsOf(this.options.manifest, loaded, this.options.source);
    this.watcher.watch(this.inputs.dirs);
    const diagnostics = pageDiagnostics(loaded.files, this.options.manifest);
    this.printDiagnostics(loaded);
    const chapter = chapterOf(paths, loaded.book);
    await Promise.all(langs.map((lang) => this.renderHtml(lang, loaded, diagnostics.filter((item) => !item.lang || item.lang === lang), chapter)));
    const changed = [...paths].map((file) => path.relative(process.cwd(), file)).join(', ');
    const { user, system } = process.cpuUsage(cpu);
    this.options.log(`${langs.join(',')}  html  ${Math.round(performance.now() - started)} ms (cpu ${Math.round((user + system) / 1000)} ms)${changed ? `  after ${changed}` : ''}  (${counts.made} chapters processed, ${counts.reused} kept)`);
  }

  private async renderHtml(lang: string, loaded: LoadedBook, diagnostics: Diagnostic[], chapter: string | undefined): Promise<void> {
    const output = this.outputs.get(lang)!;
    const book = loaded.book;
    const edition = book?.editions.find((item) => item.lang === lang);
    if (!book || !edition || loaded.failed.has(lang)) {
      if (book && !edition && !diagnostics.some((item) => item.severity === 'error')) diagnostics.push({ file: book.manifestFile.path, severity: 'error', message: `The ${lang} edition has no chapters to show` });
      return this.publish(output, { building: false, diagnostics, chapter });
    }
    let html: string;
    try {
      html = (await targets.html.render(this.renderContext(book, edition, 'html', () => this.browsers.get()))) as string;
    } catch (cause) {
      diagnostics.push({ file: book.manifestFile.path, severity: 'error', message: `The HTML edition failed: ${describeError(cause)}` });
      return this.publish(output, { building: false, diagnostics, chapter });
    }
    output.last = { book, edition };
    const same = html === output.html;
    if (!same) output.html = html;
    this.publish(output, { building: false, diagnostics, chapter, html: same ? output.state.html : output.state.html + 1 });
    const generation = output.state.html; // the PDF and EPUB once a page shows it (ShownHtml), unless a newer save's is out
    void output.shown.until(generation, 1000).then(() => {
      if (output.state.html !== generation) return;
      if (output.wantsPdf && output.pdfKey !== this.sourceKey(output)) void this.buildPdf(output, book, edition);
      if (output.wantsEpub && output.epubKey !== this.sourceKey(output)) void this.buildEpub(output, book, edition);
    });
  }

  /**
   * What an edition's PDF and EPUB are made from, as far as the preview tells: the PDF and
   * EPUB come from the same trees as the HTML, so the same HTML after a chapter's save is
   * the same book; a change to any other input (a print template, pdf.size) may change
   * them alone.
   */
  private sourceKey(output: Output): string {
    return `${output.state.html}/${this.otherChanges}`;
  }

  /**
   * What a target gets to render one edition in the preview: its own build context (so a
   * changed image shows), no side files, and what the build cache keeps of the last print
   * (the Pages view prints once when the page plan holds, and hyphenates only edited text).
   */
  private renderContext<Format extends 'html' | 'epub' | 'pdf'>(book: Book, edition: Edition, format: Format, browser: RenderContext<unknown>['browser']): RenderContext<TargetOptions[Format]> {
    return { book, edition, options: book.targetOptions[format], build: new BuildContext(), browser, keep: async () => {}, ...this.earlier };
  }

  private async buildPdf(output: Output, book: Book, edition: Edition): Promise<void> {
    const started = performance.now();
    const key = this.sourceKey(output);
    this.publish(output, { pdf: { ...output.state.pdf, status: 'building' } });
    try {
      const pdf = await output.pdfJob.run(async (signal) => {
        const bytes = await targets.pdf.render(this.renderContext(book, edition, 'pdf', abortableBrowser(this.browsers, signal)));
        return bytes as Uint8Array;
      });
      if (!pdf) return; // superseded: the newer build reports
      output.pdf = pdf;
      output.pdfKey = key;
      const milliseconds = Math.round(performance.now() - started);
      this.publish(output, { pdf: { generation: output.state.pdf.generation + 1, status: 'ready', milliseconds } });
      this.options.log(`${edition.lang}  pdf   ${milliseconds} ms`);
    } catch (cause) {
      this.publish(output, { pdf: { ...output.state.pdf, status: 'failed', error: describeError(cause) } });
      this.options.log(`${edition.lang}  pdf   failed: ${describeError(cause)}`);
    }
  }

  private async buildEpub(output: Output, book: Book, edition: Edition): Promise<void> {
    const key = this.sourceKey(output);
    this.publish(output, { epub: { ...output.state.epub, status: 'building' } });
    try {
      const epub = await output.epubJob.run(async () => openEpub((await targets.epub.render(this.renderContext(book, edition, 'epub', () => this.browsers.get()))) as Uint8Array));
      if (!epub) return;
      output.epub = epub;
      output.epubKey = key;
      this.publish(output, { epub: { generation: output.state.epub.generation + 1, status: 'ready' } });
    } catch (cause) {
      this.publish(output, { epub: { ...output.state.epub, status: 'failed', error: describeError(cause) } });
    }
  }

  private publish(output: Output, change: Partial<EditionState>): void {
    output.state = { ...output.state, ...change };
    this.options.onState(output.state);
  }

  /** The build's messages in the terminal, when they differ from the last ones printed. */
  private printDiagnostics(loaded: LoadedBook): void {
    const text = terminalLines(loaded.files).join('\n');
    if (text === this.printed) return;
    this.printed = text;
    this.options.log(text || 'no problems');
  }

  async close(): Promise<void> {
    this.watcher.close();
    for (const output of this.outputs.values()) output.pdfJob.cancel();
    await this.queue.catch(() => undefined);
    await this.browsers.close();
  }
}
