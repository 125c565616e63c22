// Folio's benchmark: the whole guide (16 languages) in each format, against pandoc and a
// bare Chromium print, plus how time grows with the length of a book.
// Usage: npm run bench -- [--runs 3] [--langs en,nl] [--skip-pandoc] [--skip-bare] [--skip-scale] [--incremental]
//                         [--scale-small 200] [--scale-large 2000] [--scale-runs 1] [--out bench/results.json]
//        npm run bench -- --code-book [--runs 5]   (only a small code-heavy book's EPUB against pandoc's)
//        npm run bench -- --preview [--runs 5]   (folio preview on the English guide only; writes bench/preview.json)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchCodeBook } from './bench/code-book.js';
import { chapterPath, readingOrder, readManifest, repairedCopy, titleFor } from './bench/corpus.js';
import { runFolio, type FolioRun } from './bench/folio.js';
import { incrementalRows, measureIncremental, printIncremental } from './bench/incremental.js';
import type { RssSample } from './bench/measure.js';
import { barePrints, chromiumPath, findPandoc, runPandoc, savedPrintHtml, type BareRun, type PandocRun } from './bench/peers.js';
import { benchPreview } from './bench/preview.js';
import { megabytes, range, ratio, seconds, stats, table } from './bench/report.js';
import { hasPdfinfo, runScale, SCALE_HEADER, scaleRows, type ScaleResult } from './bench/scale.js';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string' }, // default 3, or 5 with --code-book
    langs: { type: 'string' },
    corpus: { type: 'string', default: '../shared/corpora/agency-success-guide' },
    'skip-pandoc': { type: 'boolean', default: false },
    'skip-bare': { type: 'boolean', default: false },
    'skip-scale': { type: 'boolean', default: false },
    'code-book': { type: 'boolean', default: false },
    'scale-small': { type: 'string', default: '200' },
    'scale-large': { type: 'string', default: '2000' },
    'scale-runs': { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/results.json' },
    preview: { type: 'boolean', default: false },
    // Only the build cache's benchmark (scripts/bench/incremental.ts), written to bench/incremental.json.
    incremental: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function positive(name: string, value: string): number {
  if (!/^[1-9]\d*$/.test(value)) fail(`--${name} must be a positive whole number, not ${value}`);
  return Number(value);
}

const root = path.resolve(import.meta.dirname, '..'); // paths are relative to the repo root, wherever npm runs us
if (options['code-book']) {
  await benchCodeBook(root, positive('runs', options.runs ?? '5'));
  process.exit(0);
}
const manifestPath = path.join(root, 'book.yaml');
const manifest = readManifest(manifestPath);
const corpus = path.resolve(root, options.corpus!);
const runs = positive('runs', options.runs ?? '3');
const scaleRuns = positive('scale-runs', options['scale-runs']!);
const langs = options.langs ? options.langs.split(',').map((lang) => lang.trim()).filter(Boolean) : manifest.languages;
const unknown = langs.filter((lang) => !manifest.languages.includes(lang));
if (unknown.length > 0) fail(`--langs ${unknown.join(',')}: not a language of book.yaml`);
// `--lang all` when every language is wanted: that is the command a user runs.
const langOption = langs.length === manifest.languages.length ? undefined : langs;

/** The Folio builds measured on the guide, by label. */
const FOLIO_BUILDS = [
  { label: 'html', formats: ['html'] },
  { label: 'epub', formats: ['epub'] },
  // The 32 files pandoc makes, as a publisher asks Folio for them: one command.
  { label: 'html,epub', formats: ['html', 'epub'] },
  { label: 'pdf', formats: ['pdf'] },
  { label: 'html,epub,pdf', formats: ['html', 'epub', 'pdf'] },
  // Editions one at a time, so each edition's time in Folio's output is its own, not shared.
  { label: 'pdf --jobs 1', formats: ['pdf'], jobs: 1 },
];

/** A run as stored in results.json: no temporary paths, memory samples with their column names. */
function storedRun({ wallMs, exitCode, summary, peakToolMb, peakChromiumMb, written, samples }: FolioRun) {
  return {
    wallMs,
    exitCode,
    summary,
    peakFolioMb: peakToolMb,
    peakChromiumMb,
    written: written.map(({ lang, format, chapters, ms }) => ({ lang, format, chapters, ms })),
    rss: storedSamples(samples),
  };
}

const storedSamples = (samples: RssSample[]) => ({ columns: ['ms', 'folioKb', 'chromiumKb'], rows: samples });

function versionOf(command: string): string {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.error ? `${command}: not found` : result.stdout.trim();
}

async function measureFolio(tmp: string, source: string): Promise<Record<string, FolioRun[]>> {
  const results: Record<string, FolioRun[]> = Object.fromEntries(FOLIO_BUILDS.map(({ label }) => [label, []]));
  // Round-robin over the builds, so a machine that slows down or speeds up during the bench
  // affects every build alike.
  for (let i = 0; i < runs; i++) {
    for (const { label, formats, jobs } of FOLIO_BUILDS) {
      console.log(`folio ${label}, run ${i + 1}/${runs}…`);
      const run = await runFolio({ root, manifest: manifestPath, formats, langs: langOption, source, jobs, tmp }, langs.length * formats.length);
      results[label]!.push(run);
    }
  }
  return results;
}

async function measurePandoc(tmp: string, source: string) {
  const pandoc = findPandoc();
  if (!pandoc) return undefined;
  const order = readingOrder(manifest);
  const editions = langs.map((lang) => ({ lang, title: titleFor(manifest, lang), files: order.map((slug) => chapterPath(source, lang, slug)) }));
  for (const edition of editions) edition.files = edition.files.filter((file) => existsSync(file)); // km lacks a chapter
  const results: PandocRun[] = [];
  for (let i = 0; i < runs; i++) {
    console.log(`pandoc ${editions.length * 2} files, run ${i + 1}/${runs}…`);
    results.push(await runPandoc(pandoc, editions, tmp));
  }
  return { ...pandoc, files: editions.length * 2, runs: results };
}

/** One extra Folio PDF build that keeps its final print HTML, then a bare print of each. */
async function measureBare(tmp: string, source: string): Promise<BareRun | undefined> {
  const htmlDir = path.join(tmp, 'print-html');
  console.log('folio pdf with FOLIO_PRINT_HTML_DIR, for the bare prints…');
  await runFolio({ root, manifest: manifestPath, formats: ['pdf'], langs: langOption, source, tmp, env: { FOLIO_PRINT_HTML_DIR: htmlDir } }, langs.length);
  const saved = savedPrintHtml(htmlDir, manifest.slug, langs);
  if (saved.length === 0) {
    console.log('bare Chromium: unavailable (no print HTML)');
    return undefined;
  }
  console.log(`bare Chromium: printing ${saved.length} editions…`);
  return barePrints(saved);
}

type Pandoc = Awaited<ReturnType<typeof measurePandoc>>;

function summaryRows(folio: Record<string, FolioRun[]>, pandoc: Pandoc, bare: BareRun | undefined): string[][] {
  const median = (label: string) => stats(folio[label]!.map((run) => run.wallMs)).medianMs;
  const rows = FOLIO_BUILDS.map(({ label }) => {
    const measured = folio[label]!;
    const s = stats(measured.map((run) => run.wallMs));
    const peak = (pick: (run: FolioRun) => number) => Math.max(...measured.map(pick));
    return [`folio ${label}`, String(s.runs), seconds(s.medianMs), range(s), megabytes(peak((run) => run.peakToolMb)), megabytes(peak((run) => run.peakChromiumMb)), ''];
  });
  if (pandoc) {
    const s = stats(pandoc.runs.map((run) => run.wallMs));
    const peak = Math.max(...pandoc.runs.map((run) => run.peakMb));
    rows.push([`pandoc epub+html (${pandoc.files} files)`, String(s.runs), seconds(s.medianMs), range(s), megabytes(peak), '–', ratio(median('html,epub') / s.medianMs)]);
    rows.push(['  folio html + folio epub, two commands', '', seconds(median('html') + median('epub')), '', '', '', ratio((median('html') + median('epub')) / s.medianMs)]);
  }
  // Each edition's PDF time as Folio reports it, with editions built one at a time.
  const perEdition = (lang: string) => stats(folio['pdf --jobs 1']!.map((run) => run.written.find((file) => file.lang === lang)!.ms));
  for (const lang of langs) {
    const s = perEdition(lang);
    rows.push([`pdf ${lang}: folio --jobs 1`, String(s.runs), seconds(s.medianMs), range(s), '–', '–', '']);
    const print = bare?.prints.find((item) => item.lang === lang);
    if (print) rows.push([`pdf ${lang}: bare Chromium`, '1', seconds(print.ms), '–', '–', '–', ratio(s.medianMs / print.ms)]);
  }
  if (bare) {
    const sum = bare.prints.reduce((total, print) => total + print.ms, 0);
    rows.push([`pdf: bare Chromium, sum of ${bare.prints.length}`, '1', seconds(sum), '–', '–', megabytes(bare.peakChromiumMb), ratio(median('pdf') / sum)]);
  }
  return rows;
}

const LEGEND = [
  'ratio = Folio / peer: pandoc row: folio html,epub (one command) / pandoc; the row under it: the html and epub commands\' medians added;',
  '  bare rows: Folio\'s own time for that edition (--jobs 1, from its output) / bare print; sum row: folio pdf (default jobs) / sum of bare prints.',
  'peak RSS: summed VmRSS of the process tree every 50 ms; "Folio" is the tree without Chromium (for pandoc: pandoc itself).',
  'Folio times are whole processes (start-up included); a bare print is setContent + page.pdf only, in an already running browser.',
];

async function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), 'folio-bench-'));
  const startedAt = new Date();
  try {
    const source = repairedCopy(corpus, tmp);
    if (options.preview) {
      const result = await benchPreview({ root, manifest: manifestPath, slug: manifest.slug, source, tmp, runs });
      mkdirSync(path.join(root, 'bench'), { recursive: true });
      writeFileSync(path.join(root, 'bench/preview.json'), `${JSON.stringify({ date: startedAt.toISOString(), cores: availableParallelism(), ...result })}\n`);
      return;
    }
    if (options.incremental) {
      const results = await measureIncremental({ root, manifestPath, manifest, source, langs, langOption, runs, tmp });
      printIncremental(results);
      const out = path.resolve(root, 'bench/incremental.json');
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify({ date: startedAt.toISOString(), cores: availableParallelism(), langs, rows: incrementalRows(results), runs: results.map((run) => Object.fromEntries(Object.entries(run).map(([name, value]) => [name, typeof value === 'object' && value && 'wallMs' in value ? value.wallMs : value]))) })}\n`);
      return;
    }
    const folio = await measureFolio(tmp, source);
    const pandoc = options['skip-pandoc'] ? undefined : await measurePandoc(tmp, source);
    const bare = options['skip-bare'] ? undefined : await measureBare(tmp, source);
    let scale: ScaleResult | undefined;
    if (!options['skip-scale']) {
      if (!hasPdfinfo()) console.log('pdfinfo not found: apt-get install -y poppler-utils (scale run skipped)');
      else {
        const en = readingOrder(manifest).map((slug) => chapterPath(source, 'en', slug));
        const small = positive('scale-small', options['scale-small']!);
        const large = positive('scale-large', options['scale-large']!);
        scale = await runScale({ root, tmp, sources: en, runs: scaleRuns, small, large });
      }
    }

    const header = ['name', 'runs', 'median s', 'min–max s', 'peak RSS Folio MB', 'peak RSS Chromium MB', 'ratio'];
    const rows = summaryRows(folio, pandoc, bare);
    console.log(`\nFolio on ${langs.length === manifest.languages.length ? 'all' : langs.join(',')} (${langs.length} edition${langs.length === 1 ? '' : 's'}), ${availableParallelism()} cores\n`);
    console.log(table(header, rows));
    console.log(`\n${LEGEND.join('\n')}`);
    if (bare) console.log(`Launching the bare prints' browser took ${seconds(bare.launchMs)} s, left out of them; Folio's first edition pays for its own launch.`);
    if (scale) {
      const { chapters, pages, pagesPerChapter } = scale.calibration;
      console.log(`\nScale (calibration: ${chapters} chapters = ${pages} pages, ${pagesPerChapter.toFixed(2)} pages per chapter)\n`);
      console.log(table(SCALE_HEADER, scaleRows(scale)));
      console.log('\nms/page uses the PDF\'s page count for every format; per-page ratio = ms/page at the larger size / at the smaller.');
    }

    const results = {
      date: startedAt.toISOString(),
      node: process.version,
      chromium: versionOf(chromiumPath()),
      cores: availableParallelism(),
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      options,
      corpus: path.relative(root, corpus),
      langs,
      summary: { header, rows },
      folio: Object.fromEntries(Object.entries(folio).map(([label, measured]) => [label, measured.map(storedRun)])),
      pandoc: pandoc ?? null,
      bare: bare ? { ...bare, samples: undefined, rss: storedSamples(bare.samples) } : null,
      scale: scale
        ? { ...scale, sizes: scale.sizes.map((size) => ({ ...size, formats: Object.fromEntries(Object.entries(size.formats).map(([format, measured]) => [format, measured.map(storedRun)])) })) }
        : null,
    };
    const out = path.resolve(root, options.out!);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results)}\n`);
    console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
