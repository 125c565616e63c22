// The build cache's benchmark (`npm run bench -- --incremental`): whole `folio build`
// processes on the guide, side by side in one run, as medians of --runs runs of:
//   (a) a rebuild with nothing changed, every edition in every format, against the cold
//       build of the same (target: at most 0.03×);
//   (b) one chapter edited in one language, the whole book rebuilt in every format, against
//       a cold build of that one edition (target: at most 1.2×), and no other file written;
//   (c) the PDF of an edition whose page plan holds (one print), against a bare Chromium
//       print of the same final HTML, whole process against whole process: Node, Puppeteer,
//       the browser, one print, the file written (bare-print.mjs; target: at most 1.15×).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chapterPath, readingOrder, type Manifest } from './corpus.js';
import { runFolio, type FolioRun } from './folio.js';
import { bareProcess, savedPrintHtml } from './peers.js';
import { ratio, seconds, stats, table } from './report.js';

export interface IncrementalSetup {
  root: string;
  manifestPath: string;
  manifest: Manifest;
  /** The chapters' pattern (a repaired copy of the guide, which this edits). */
  source: string;
  langs: string[];
  /** undefined: `--lang all`. */
  langOption: string[] | undefined;
  runs: number;
  tmp: string;
}

export interface IncrementalRun {
  cold: FolioRun;
  noop: FolioRun;
  edited: FolioRun;
  single: FolioRun;
  planned: FolioRun;
  bareMs: number;
  /** Files of other editions the edited build wrote (must be none). */
  otherWritten: string[];
}

const formats = ['html', 'epub', 'pdf'];

/** A word of one chapter changed, a different one each run: a real edit, which seldom moves a page. */
function editChapter(file: string, run: number): void {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(' the ', text.indexOf('\n---', 4) + 4);
  if (at < 0) throw new Error(`bench: no " the " to edit in ${file}`);
  writeFileSync(file, `${text.slice(0, at)} the${'!'.repeat(run + 1)} ${text.slice(at + 5)}`);
}

export async function measureIncremental(setup: IncrementalSetup): Promise<IncrementalRun[]> {
  const { root, manifestPath, source, langs, langOption, tmp } = setup;
  const lang = langs.includes('en') ? 'en' : langs[0]!;
  const order = readingOrder(setup.manifest);
  const edited = chapterPath(source, lang, order[Math.floor(order.length / 2)]!);
  const results: IncrementalRun[] = [];
  for (let run = 0; run < setup.runs; run++) {
    const cache = mkdtempSync(path.join(tmp, 'cache-'));
    const outDir = mkdtempSync(path.join(tmp, 'book-'));
    const all = { root, manifest: manifestPath, formats, langs: langOption, source, tmp, cache, outDir };
    const files = langs.length * formats.length;
    console.log(`incremental, run ${run + 1}/${setup.runs}: cold build of ${files} files…`);
    const cold = await runFolio(all, files);
    console.log('  the same again, nothing changed…');
    const noop = await runFolio(all, files);
    if (noop.written.some((file) => !file.unchanged)) throw new Error('bench: a rebuild with nothing changed wrote files');
    console.log(`  one ${lang} chapter edited (${path.basename(edited)}), the whole book again…`);
    editChapter(edited, run);
    const editedRun = await runFolio(all, files);
    const otherWritten = editedRun.written.filter((file) => file.lang !== lang && !file.unchanged).map((file) => path.basename(file.path));
    console.log(`  a cold build of the ${lang} edition alone…`);
    const single = await runFolio({ root, manifest: manifestPath, formats, langs: [lang], source, tmp }, formats.length);
    console.log(`  the ${lang} PDF with the last build's page plan, keeping its print HTML…`);
    const htmlDir = mkdtempSync(path.join(tmp, 'print-html-'));
    // Keeping the print HTML makes the build print (its output is not taken from the cache); the plan still is.
    const planned = await runFolio({ ...all, formats: ['pdf'], langs: [lang], outDir: undefined, env: { FOLIO_PRINT_HTML_DIR: htmlDir } }, 1);
    const [saved] = savedPrintHtml(htmlDir, setup.manifest.slug, [lang]);
    if (!saved) throw new Error(`bench: the ${lang} build kept no print HTML in ${htmlDir}`);
    const bareMs = await bareProcess(saved.file, tmp);
    results.push({ cold, noop, edited: editedRun, single, planned, bareMs, otherWritten });
  }
  return results;
}

export function incrementalRows(results: readonly IncrementalRun[]): string[][] {
  const median = (pick: (run: IncrementalRun) => number) => stats(results.map(pick)).medianMs;
  const cold = median((run) => run.cold.wallMs);
  const noop = median((run) => run.noop.wallMs);
  const edited = median((run) => run.edited.wallMs);
  const single = median((run) => run.single.wallMs);
  const planned = median((run) => run.planned.wallMs);
  const bare = median((run) => run.bareMs);
  const others = [...new Set(results.flatMap((run) => run.otherWritten))];
  return [
    ['cold build, every edition and format', seconds(cold), '', ''],
    ['(a) rebuild, nothing changed', seconds(noop), ratio(noop / cold), '≤ 0.03×'],
    ['cold build of the edited edition alone', seconds(single), '', ''],
    [`(b) one chapter edited, whole book rebuilt (other editions written: ${others.length ? others.join(', ') : 'none'})`, seconds(edited), ratio(edited / single), '≤ 1.20×'],
    ['bare Chromium print of the final HTML (a whole node process)', seconds(bare), '', ''],
    ['(c) PDF of that edition, its page plan holding', seconds(planned), ratio(planned / bare), '≤ 1.15×'],
  ];
}

export function printIncremental(results: readonly IncrementalRun[]): void {
  console.log(`\nThe build cache (${results.length} run${results.length === 1 ? '' : 's'}, medians, whole processes)\n`);
  console.log(table(['build', 'median s', 'ratio', 'target'], incrementalRows(results)));
  console.log('\nratios: (a) / the cold build; (b) / the cold build of the edited edition alone; (c) / a bare print as a whole process (node bare-print.mjs: Puppeteer loaded, Chromium launched, setContent, page.pdf, file written).');
}
