import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command, CommanderError, Option } from 'commander';
import type { BuildOptions, BuildResult } from './build.js';
import { UsageError } from './diagnostics/errors.js';
import { countMessages } from './diagnostics/messages.js';
import { formatError, formatMessages } from './diagnostics/report.js';
import { initBook } from './init/init.js';
import { parseFormats, parseJobs, parseLanguages } from './options.js';
import { targets } from './targets/registry.js';
import { buildInThreads, isBuildWorker, runBuildWorker, threadsFor } from './threads.js';

/** `folio build`, `folio check` and `folio init`: argv → build() → diagnostics → exit code. */
const program = new Command('folio')
  .description('Build the EPUB, print PDF and single-page HTML editions of a book.')
  .exitOverride()
  .showHelpAfterError();

const common = (command: Command) =>
  command
    .argument('[manifest]', 'the book manifest', 'book.yaml')
    .option('--lang <languages>', 'editions to build: nl,en or all', 'all')
    .option('--source <pattern>', 'where chapters are, e.g. content/{lang}/{slug}.md (overrides book.yaml)')
    .option('--strict', 'missing chapters and every warning are errors');

common(program.command('build').description('write the editions to the output folder'))
  .addOption(new Option('--format <formats>', `formats to build (default: all): ${Object.keys(targets).join(',')}`))
  .option('--out <dir>', 'output folder (default: dist beside book.yaml)')
  .option('--jobs <n>', 'editions rendered at the same time (default: cores, at most 4)')
  .action((manifest: string, flags) => run(manifest, flags, false));

common(program.command('check').description('validate manifest, frontmatter and links; write nothing'))
  .action((manifest: string, flags) => run(manifest, flags, true));

program
  .command('init')
  .description('write a book.yaml for an existing book folder (mdBook, GitBook or markdown chapters)')
  .requiredOption('--from <folder>', 'the book folder; book.yaml is written there')
  .option('--force', 'replace an existing book.yaml')
  .action(async (flags: { from: string; force?: boolean }) => {
    const result = await initBook(flags.from, { force: flags.force });
    for (const note of result.notes) console.log(`  ${note}`);
    console.log(`wrote ${path.relative(process.cwd(), result.path)}; build it with: folio build ${path.relative(process.cwd(), result.path)}`);
  });

async function run(manifest: string, flags: Record<string, string | boolean | undefined>, dryRun: boolean) {
  const started = performance.now();
  const options: BuildOptions = {
    formats: dryRun ? [] : flags.format === undefined ? undefined : parseFormats(String(flags.format)),
    languages: await parseLanguages(String(flags.lang), manifest),
    source: flags.source as string | undefined,
    outDir: flags.out as string | undefined,
    jobs: flags.jobs === undefined ? undefined : parseJobs(String(flags.jobs)),
    strict: Boolean(flags.strict),
    dryRun,
    onWrite: (event) => {
      const chapters = event.chapters === event.listed ? `${event.chapters} chapters` : `${event.chapters}/${event.listed} chapters`;
      const file = path.relative(process.cwd(), event.path);
      console.log(`${event.lang.padEnd(6)}${event.format.padEnd(6)}${file}  ${chapters}  ${Math.round(event.milliseconds)} ms`);
    },
  };
  // A build of the HTML and EPUB editions spreads its languages over threads (see threads.ts).
  const result = await buildInThreads(new URL(import.meta.url), manifest, options, threadsFor(options));
  for (const line of formatMessages(result.files)) console.error(line);
  console.log(summary(result, dryRun, performance.now() - started));
  process.exitCode = countMessages(result.files).errors > 0 ? 1 : 0;
}

function summary(result: BuildResult, dryRun: boolean, milliseconds: number): string {
  const { errors, warnings } = countMessages(result.files);
  const parts = [
    dryRun ? plural(result.book?.editions.length ?? 0, 'edition') + ' checked' : `wrote ${plural(result.written.length, 'file')}`,
    result.failed.length > 0 ? `${dryRun ? 'with errors' : 'not written (errors)'}: ${result.failed.join(', ')}` : '',
    result.skipped.length > 0 ? `skipped (no chapters): ${result.skipped.join(', ')}` : '',
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
    `${(milliseconds / 1000).toFixed(1)} s`,
  ];
  return parts.filter(Boolean).join('; ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

if (isBuildWorker) {
  // This module is also the entry of the build's worker threads.
  await runBuildWorker();
} else {
  try {
    await program.parseAsync(process.argv);
  } catch (caught) {
    if (caught instanceof CommanderError) {
      // Commander has printed the problem (or the help text) already.
      process.exitCode = caught.exitCode === 0 ? 0 : 2;
    } else {
      console.error(formatError(caught));
      process.exitCode = caught instanceof UsageError ? 2 : 1;
    }
  }
}
