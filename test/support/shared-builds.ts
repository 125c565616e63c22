/**
 * Builds a tier's shared books, run by the tier's global setup as
 *   node --import tsx test/support/shared-builds.ts LIST ROOT
 * LIST is a module whose default export gives the builds (test/books/fixture-builds.ts,
 * test/corpus/guide-builds.ts); every book is written to ROOT/<name>/ and described in
 * ROOT/builds.json, which test/support/books.ts reads. All builds share one Chromium.
 *
 * A child process, because Jest loads a global setup as CommonJS without its module
 * mapping, and Folio is ES modules written as `.js` imports of `.ts` files (tsx resolves
 * them, as for `npm run proof`).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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
}

async function main(): Promise<void> {
  const [listModule, root] = process.argv.slice(2);
  if (!listModule || !root) throw new Error('usage: shared-builds.ts LIST ROOT');
  const list = (await import(pathToFileURL(path.resolve(listModule)).href)) as { default(root: string): SharedBuild[] | Promise<SharedBuild[]> };
  const builds = await list.default(root);
  // Reproducible files whatever the shell says: dates come from each manifest.
  delete process.env.SOURCE_DATE_EPOCH;
  const printDir = path.join(root, 'print');
  process.env.FOLIO_PRINT_HTML_DIR = printDir;
  const browsers = new BrowserPool();
  const index: Record<string, unknown> = {};
  try {
    await Promise.all(
      builds.map(async ({ name, manifest, options }) => {
        const outDir = path.join(root, name);
        mkdirSync(outDir, { recursive: true });
        const started = Date.now();
        const result = await build(manifest, { ...options, outDir, browsers });
        process.stdout.write(`${name}: ${result.written.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        index[name] = {
          name,
          outDir,
          slug: result.book?.slug ?? '',
          written: result.written.map(({ lang, format, path, chapters, listed }) => ({ lang, format, path, chapters, listed })),
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
          printHtml: {},
        };
      }),
    );
  } finally {
    await browsers.close();
  }
  // The final print HTML of each PDF edition, given to the book that printed it.
  const printed = existsSync(printDir) ? readdirSync(printDir, { withFileTypes: true }).filter((entry) => entry.isFile()) : [];
  for (const book of Object.values(index) as { slug: string; written: { lang: string; format: string }[]; printHtml: Record<string, string> }[]) {
    for (const { lang, format } of book.written) {
      const name = `${book.slug}-${lang}.print.html`;
      if (format === 'pdf' && printed.some((entry) => entry.name === name)) book.printHtml[lang] = path.join(printDir, name);
    }
  }
  writeFileSync(path.join(root, 'builds.json'), JSON.stringify(index, null, 2));
}

main().catch((failure: unknown) => {
  process.stderr.write(`${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}\n`);
  process.exit(1);
});
