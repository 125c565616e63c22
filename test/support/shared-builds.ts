/**
 * Builds a tier's shared books, run by the tier's global setup as
 *   node --import tsx test/support/shared-builds.ts LIST ROOT
 * LIST is a module whose default export gives the builds (test/books/fixture-builds.ts,
 * test/corpus/guide-builds.ts); every book is written to ROOT/<name>/ and described in
 * ROOT/built-<name>.json once it is built (ROOT/names.json lists them first), which
 * test/support/books.ts reads. The books build at once and share one Chromium.
 *
 * A child process, because Jest loads a global setup as CommonJS without its module
 * mapping, and Folio is ES modules written as `.js` imports of `.ts` files (tsx resolves
 * them, as for `npm run proof`).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserPool } from '../../src/browser/browser.js';
import { build, formatMessages, type BuildOptions } from '../../src/index.js';
import { repoRoot } from './tools.js';

export interface SharedBuild {
  /** The name tests ask builtBook() for. */
  name: string;
  /** book.yaml, absolute. */
  manifest: string;
  options: Pick<BuildOptions, 'formats' | 'languages' | 'source' | 'strict'>;
  /**
   * Published as one book per format, named by the format (its `written` that format's
   * files, the rest shared), instead of as `name`: formats built together parse the book
   * once, and tests still ask for the format they read.
   */
  byFormat?: boolean;
}

/** The names a build is published under. */
const publishedNames = ({ name, options, byFormat }: SharedBuild): string[] => (byFormat ? [...(options.formats ?? [])] : [name]);

/** Writes `file` whole (a temporary name, then renamed): test files wait for it to appear. */
function publish(file: string, value: unknown): void {
  writeFileSync(`${file}.partial`, JSON.stringify(value, null, 2));
  renameSync(`${file}.partial`, file);
}

async function main(): Promise<void> {
  const [listModule, root] = process.argv.slice(2);
  if (!listModule || !root) throw new Error('usage: shared-builds.ts LIST ROOT');
  const list = (await import(pathToFileURL(path.resolve(listModule)).href)) as { default(root: string): SharedBuild[] | Promise<SharedBuild[]> };
  const builds = await list.default(root);
  // The names first, so that asking for one that is not built fails at once.
  publish(path.join(root, 'names.json'), builds.flatMap(publishedNames));
  // Reproducible files whatever the shell says: dates come from each manifest.
  delete process.env.SOURCE_DATE_EPOCH;
  const printDir = path.join(root, 'print');
  process.env.FOLIO_PRINT_HTML_DIR = printDir;
  const browsers = new BrowserPool();
  try {
    // Each book is published as soon as it is built (ROOT/built-<name>.json): the tests of
    // the HTML editions need not wait for the PDFs.
    await Promise.all(
      builds.map(async (shared) => {
        const { name, manifest, options } = shared;
        const outDir = path.join(root, name);
        mkdirSync(outDir, { recursive: true });
        const started = Date.now();
        const result = await build(manifest, { ...options, outDir, browsers });
        process.stdout.write(`${name}: ${result.written.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        const slug = result.book?.slug ?? '';
        // The final print HTML of each PDF edition (two builds with a PDF never share a slug).
        const printHtml: Record<string, string> = {};
        for (const { lang, format } of result.written) {
          const file = path.join(printDir, `${slug}-${lang}.print.html`);
          if (format === 'pdf' && existsSync(file)) printHtml[lang] = file;
        }
        const written = result.written.map(({ lang, format, path, chapters, listed }) => ({ lang, format, path, chapters, listed }));
        const book = {
          outDir,
          slug,
          failed: result.failed,
          skipped: result.skipped,
          messages: result.files.flatMap((file) =>
            file.messages.map((message) => ({
              file: file.path,
              line: message.line,
              column: message.column,
              ruleId: message.ruleId,
              fatal: message.fatal,
              reason: message.reason,
            })),
          ),
          lines: formatMessages(result.files, repoRoot),
          printHtml,
          titles: Object.fromEntries((result.book?.editions ?? []).map((edition) => [edition.lang, edition.chapters.map((chapter) => chapter.title)])),
        };
        for (const published of publishedNames(shared)) {
          const own = shared.byFormat ? written.filter((file) => file.format === published) : written;
          publish(path.join(root, `built-${published}.json`), { name: published, ...book, written: own });
        }
      }),
    );
  } finally {
    await browsers.close();
  }
}

main().catch((failure: unknown) => {
  process.stderr.write(`${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}\n`);
  process.exit(1);
});
