// How Folio's time grows with the length of a book: a synthetic English book at ~200 and
// ~2,000 pages, built in each format.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { splitChapter } from './corpus.js';
import { runFolio, type FolioRun } from './folio.js';
import { megabytes, range, ratio, seconds, stats } from './report.js';

export interface ScaleOptions {
  root: string;
  tmp: string;
  /** The English chapters, in reading order: the synthetic book cycles through them. */
  sources: string[];
  runs: number;
  /** Target page counts. */
  small: number;
  large: number;
}

export const SCALE_FORMATS = ['pdf', 'html', 'epub'] as const; // pdf first: its page count is every format's

export interface ScaleSize {
  targetPages: number;
  chapters: number;
  pages: number;
  formats: Record<string, FolioRun[]>;
}

export interface ScaleResult {
  calibration: { chapters: number; pages: number; pagesPerChapter: number; wallMs: number };
  sizes: ScaleSize[];
}

export function hasPdfinfo(): boolean {
  return !spawnSync('pdfinfo', ['-v']).error;
}

function pdfPages(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? NaN);
}

/**
 * A plain-list book of `count` chapters, c001…, copied round-robin from the sources, each
 * retitled so no two chapters share a title. Returns the path of its book.yaml.
 */
function writeScaleBook(root: string, dir: string, sources: readonly string[], count: number): string {
  const slugs = Array.from({ length: count }, (_, i) => `c${String(i + 1).padStart(3, '0')}`);
  mkdirSync(path.join(dir, 'chapters', 'en'), { recursive: true });
  slugs.forEach((slug, i) => {
    const { frontmatter, body } = splitChapter(readFileSync(sources[i % sources.length]!, 'utf8'));
    const title = `${String(frontmatter.title ?? 'Chapter')} (${i + 1})`;
    writeFileSync(path.join(dir, 'chapters', 'en', `${slug}.md`), `---\ntitle: ${JSON.stringify(title)}\n---\n${body}`);
  });
  const manifest = {
    slug: 'scale',
    title: 'Agency Success Guide, at scale',
    author: 'Emanuele Faja',
    languages: ['en'],
    // As in the guide, so the chapters' site links resolve instead of warning thousands of times.
    site: 'https://www.blue.cc',
    contents: slugs,
    // The same preamble-dropping plugin as the guide, by absolute path: this book is not in the repository.
    plugins: [['folio/remark-drop-preamble', { maxBlocks: 4 }]],
    // Folio gives Chromium 300 s per print by default; a 2,000-page book on a busy 2-core
    // machine may need longer, and the bench is here to time it, not to fail on it.
    pdf: { timeout: 3600 },
  };
  const file = path.join(dir, 'book.yaml');
  writeFileSync(file, stringify(manifest, { collectionStyle: 'flow' }));
  return file;
}

/** Builds one format of a scale book; the PDF is kept just long enough to count its pages. */
async function buildScale(options: ScaleOptions, manifest: string, format: string): Promise<{ run: FolioRun; pages?: number }> {
  const run = await runFolio({ root: options.root, manifest, formats: [format], tmp: options.tmp, keep: format === 'pdf' }, 1);
  if (format !== 'pdf') return { run };
  try {
    return { run, pages: pdfPages(run.written[0]!.path) };
  } finally {
    rmSync(run.outDir, { recursive: true, force: true });
  }
}

export async function runScale(options: ScaleOptions): Promise<ScaleResult> {
  // Calibrate on one whole cycle of the sources, so the pages per chapter reflect their mix.
  const calibrationDir = mkdtempSync(path.join(options.tmp, 'scale-'));
  const calibrationBook = writeScaleBook(options.root, calibrationDir, options.sources, options.sources.length);
  console.log(`scale: calibrating with ${options.sources.length} chapters (pdf)…`);
  const calibrated = await buildScale(options, calibrationBook, 'pdf');
  const pagesPerChapter = calibrated.pages! / options.sources.length;
  const calibration = { chapters: options.sources.length, pages: calibrated.pages!, pagesPerChapter, wallMs: calibrated.run.wallMs };

  const sizes: ScaleSize[] = [];
  for (const targetPages of [options.small, options.large]) {
    const chapters = Math.max(1, Math.round(targetPages / pagesPerChapter));
    const manifest = writeScaleBook(options.root, mkdtempSync(path.join(options.tmp, 'scale-')), options.sources, chapters);
    const size: ScaleSize = { targetPages, chapters, pages: 0, formats: {} };
    for (const format of SCALE_FORMATS) {
      size.formats[format] = [];
      for (let i = 0; i < options.runs; i++) {
        console.log(`scale: ~${targetPages} pages (${chapters} chapters), ${format}, run ${i + 1}/${options.runs}…`);
        const { run, pages } = await buildScale(options, manifest, format);
        size.formats[format]!.push(run);
        if (pages !== undefined) size.pages = pages;
      }
    }
    sizes.push(size);
  }
  return { calibration, sizes };
}

export const SCALE_HEADER = ['scale build', 'chapters', 'pages', 'runs', 'median s', 'min–max s', 'ms/page', 'peak RSS Folio MB', 'peak RSS Chromium MB', 'per-page ratio'];

/** A row per format and size; the larger size's row carries (large ms/page) / (small ms/page). */
export function scaleRows({ sizes }: ScaleResult): string[][] {
  const rows: string[][] = [];
  for (const format of SCALE_FORMATS) {
    let smallPerPage: number | undefined;
    sizes.forEach((size, index) => {
      const runs = size.formats[format] ?? [];
      if (runs.length === 0) return;
      const s = stats(runs.map((run) => run.wallMs));
      const perPage = s.medianMs / size.pages;
      if (index === 0) smallPerPage = perPage;
      rows.push([
        `${format} ~${size.targetPages} pages`,
        String(size.chapters),
        String(size.pages),
        String(s.runs),
        seconds(s.medianMs),
        range(s),
        perPage.toFixed(1),
        megabytes(Math.max(...runs.map((run) => run.peakToolMb))),
        megabytes(format === 'pdf' ? Math.max(...runs.map((run) => run.peakChromiumMb)) : undefined),
        index === 0 ? '' : ratio(smallPerPage === undefined ? undefined : perPage / smallPerPage),
      ]);
    });
  }
  return rows;
}
