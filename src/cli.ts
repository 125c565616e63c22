import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command, CommanderError, Option } from 'commander';
import type { BuildOptions, BuildResult } from './build.js';
import { diagnosticsOf } from './diagnostics/diagnostic.js';
import { UsageError } from './diagnostics/errors.js';
import { countMessages } from './diagnostics/messages.js';
import { formatError } from './diagnostics/report.js';
import { reporterName, reporters } from './diagnostics/reporters/index.js';
import { manifestLanguages, parseFormats, parseJobs, parseLanguages } from './options.js';
import { parseShard, shardLanguages } from './shard.js';
import { defaultFormats, targets } from './targets/registry.js';
import { defaultCacheDir } from './cache/location.js';
import { folioVersion } from './package-root.js';
import { mayReuse } from './cache/outputs.js';
import { LiveProgress } from './diagnostics/reporters/progress.js';
import { buildInThreads, isBuildWorker, runBuildWorker, threadsFor } from './threads.js';
import { isChapterWorker, runChapterWorker } from './book/chapter-worker.js';

/** `folio build`, `folio check`, `folio init` and `folio preview`: argv → build() → diagnostics → exit code. */
const program = new Command('folio')
  .description('Build the EPUB, print PDF and single-page HTML editions of a book.')
  .version(folioVersion(), '-V, --version', "print Folio's version")
  .exitOverride()
  .showHelpAfterError();

const common = (command: Command) =>
  command
    .argument('[manifest]', 'the book manifest', 'book.yaml')
    .option('--lang <languages>', 'editions to build: nl,en or all', 'all')
    .option('--source <pattern>', 'where chapters are, e.g. content/{lang}/{slug}.md (overrides book.yaml)')
    .option('--strict', 'missing chapters and every warning are errors')
    .option('--reporter <name>', 'pretty, github (the default inside GitHub Actions) or json')
    .option('--debug', 'print the stack of every unexpected failure');

common(program.command('build').description('write the editions to the output folder'))
  .addOption(new Option('--format <formats>', `formats to build (default: all): ${Object.keys(targets).join(',')}`))
  .option('--out <dir>', 'output folder (default: dist beside book.yaml)')
  .option('--jobs <n>', 'editions rendered at the same time (default: cores, at most 4)')
  .option('--compare <dir>', 'say which chapters and PDF pages changed against the editions in this folder')
  .option('--shard <i/n>', 'build only the i-th of n balanced shares of the editions (for a CI job matrix)')
  .option('--cache <dir>', 'the build cache (default: node_modules/.cache/folio/build of the book\'s project)')
  .option('--no-cache', 'build everything from scratch, without reading or writing the cache')
  .action((manifest: string, flags) => run(manifest, flags, false));

program
  .command('index')
  .description('write index.html in the output folder: every edition found there, with links and downloads')
  .argument('[manifest]', 'the book manifest', 'book.yaml')
  .option('--out <dir>', 'output folder (default: dist beside book.yaml)')
  .action(async (manifest: string, flags: { out?: string }) => {
    const { writeIndexPage } = await import('./site/index-page.js');
    const index = await writeIndexPage(manifest, flags.out);
    console.log(`index       ${path.relative(process.cwd(), index.path)}  ${index.editions} editions`);
  });

common(program.command('check').description('validate manifest, frontmatter and links; write nothing'))
  .action((manifest: string, flags) => run(manifest, flags, true));

program
  .command('preview')
  .description('serve the book on 127.0.0.1 and rebuild it on every save: the HTML edition, its printed pages and its EPUB documents')
  .argument('[manifest]', 'the book manifest', 'book.yaml')
  .option('--lang <language>', 'the edition shown first (default: the first of book.yaml; the page switches between all)')
  .option('--source <pattern>', 'where chapters are, e.g. content/{lang}/{slug}.md (overrides book.yaml)')
  .option('--port <n>', 'port on 127.0.0.1; when it is busy, the next free one (0: any free port)', '4000')
  .option('--open', 'open the page in the desktop browser')
  .action(async (manifest: string, flags: { lang?: string; source?: string; port: string; open?: boolean }) => {
    const [lang] = flags.lang === undefined ? [undefined] : ((await parseLanguages(flags.lang, manifest)) ?? []);
    if (!/^\d{1,5}$/.test(flags.port) || Number(flags.port) > 65535) throw new UsageError(`--port ${flags.port}: give a port number from 0 to 65535`);
    const [{ startPreview }, { signalEndsCleanly }] = await Promise.all([import('./preview/preview.js'), import('./browser/browser.js')]);
    const preview = await startPreview({ manifest, lang, source: flags.source, port: Number(flags.port), open: flags.open, chapterWorker: import.meta.url });
    // It runs until stopped; Ctrl+C is not a failure, also when it stops the Pages view's Chromium.
    summarized = true;
    signalEndsCleanly();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void preview.close().finally(() => process.exit(0)));
  });

program
  .command('init')
  .description('write a book.yaml for an existing book folder (mdBook, GitBook or markdown chapters)')
  .requiredOption('--from <folder>', 'the book folder; book.yaml is written there')
  .option('--force', 'replace an existing book.yaml')
  .action(async (flags: { from: string; force?: boolean }) => {
    const { initBook } = await import('./init/init.js');
    const result = await initBook(flags.from, { force: flags.force });
    for (const note of result.notes) console.log(`  ${note}`);
    console.log(`wrote ${path.relative(process.cwd(), result.path)}; build it with: folio build ${path.relative(process.cwd(), result.path)}`);
  });

async function run(manifest: string, flags: Record<string, string | boolean | undefined>, dryRun: boolean) {
  const started = performance.now();
  const name = reporterName(flags.reporter as string | undefined);
  const reporter = reporters[name]();
  // At a terminal, live lines show each edition in flight; piped output stays plain lines.
  const live = name === 'pretty' && process.stdout.isTTY && !dryRun ? new LiveProgress(process.stdout) : undefined;
  let languages = await parseLanguages(String(flags.lang), manifest);
  const source = flags.source as string | undefined;
  if (typeof flags.shard === 'string') languages = await shardLanguages(manifest, parseShard(flags.shard), { languages, source });
  const options: BuildOptions = {
    formats: dryRun ? [] : flags.format === undefined ? undefined : parseFormats(String(flags.format)),
    languages,
    source,
    outDir: flags.out as string | undefined,
    jobs: flags.jobs === undefined ? undefined : parseJobs(String(flags.jobs)),
    strict: Boolean(flags.strict),
    chapterWorker: import.meta.url,
    dryRun,
    onWrite: (event) => (live ? live.onWrite(event, () => reporter.onWrite?.(event)) : reporter.onWrite?.(event)),
    onProgress: live && ((event) => live.onProgress(event)),
    cache: dryRun || flags.cache === false ? undefined : typeof flags.cache === 'string' ? path.resolve(flags.cache) : defaultCacheDir(manifest),
    debug: Boolean(flags.debug),
  };
  const debug = Boolean(flags.debug);
  // A build of the HTML and EPUB editions spreads its languages over threads (see threads.ts);
  // --debug keeps it in one, where each failure still holds its stack.
  // So does a build that may find its files unchanged: a thread costs a load of Folio.
  const result = await buildInThreads(new URL(import.meta.url), manifest, options, debug || mayReuse(options.cache) ? 1 : threadsFor(options));
  live?.finish(result, options.formats ?? defaultFormats);
  process.exitCode = countMessages(result.files).errors > 0 ? 1 : 0;
  const requested = (await manifestLanguages(manifest)) ?? languages ?? [];
  // A book in several languages gets an index page beside its HTML editions; a shard
  // leaves it to the job that gathers the shares (`folio index`).
  const selected = languages ? requested.filter((lang) => languages.includes(lang)) : requested;
  const html = result.written.some((event) => event.format === 'html');
  // What only some builds need is loaded when they need it: each command starts faster.
  const changes = typeof flags.compare === 'string' ? await (await import('./compare/compare.js')).compareEditions(result.written, path.resolve(flags.compare)) : undefined;
  const index = html && selected.length > 1 && flags.shard === undefined ? await (await import('./site/index-page.js')).writeIndexPage(manifest, options.outDir) : undefined;
  await reporter.report({
    command: dryRun ? 'check' : 'build',
    result,
    diagnostics: diagnosticsOf(result.files),
    languages: selected,
    formats: options.formats ?? defaultFormats,
    milliseconds: performance.now() - started,
    exitCode: process.exitCode,
    index,
    changes,
    cwd: process.cwd(),
  });
  if (debug) for (const stack of causeStacks(result.files)) console.error(stack);
  summarized = true;
}

/** The stacks behind messages that came from an exception (shown with --debug). */
function causeStacks(files: BuildResult['files']): string[] {
  return files.flatMap((file) => file.messages.map((message) => message.cause)).filter((cause): cause is Error => cause instanceof Error && Boolean(cause.stack)).map((cause) => cause.stack!);
}

/** Set once the reporter has printed its summary: the process must never end without one. */
let summarized = false;

// Node ends a process whose work is all waiting on promises that can never settle (exit
// code 13) without a word; say so instead, and exit 1.
process.on('exit', (code) => {
  if (summarized || isBuildWorker || isChapterWorker || code === 0 || code === 2) return;
  if (code === 13) {
    console.error('error  Folio stopped before it finished: something it waited for (a plugin\'s promise?) can never finish');
    process.exitCode = 1;
  }
  console.log(`stopped before finishing; exit code ${process.exitCode === 1 ? 1 : code}`);
});

if (isBuildWorker) {
  // This module is also the entry of the build's worker threads…
  await runBuildWorker();
} else if (isChapterWorker) {
  // …and of the threads that process the chapters of a book with plugins of its own.
  await runChapterWorker();
} else {
  try {
    await program.parseAsync(process.argv);
  } catch (caught) {
    if (caught instanceof CommanderError) {
      // Commander has printed the problem (or the help text) already.
      process.exitCode = caught.exitCode === 0 ? 0 : 2;
      summarized = true;
    } else {
      console.error(formatError(caught, process.argv.includes('--debug')));
      process.exitCode = caught instanceof UsageError ? 2 : 1;
    }
  }
}
