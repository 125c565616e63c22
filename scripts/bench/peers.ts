// The peers Folio is measured against: pandoc on the same chapters, and a bare Chromium
// print of Folio's own final print HTML.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { browserLaunch, findBrowser, launchBrowser } from '../../src/browser/browser.js';
import { measure, TreeSampler, type Memory } from './measure.js';

// ---- pandoc ---------------------------------------------------------------------------

export interface Pandoc {
  version: string;
  /** `--embed-resources` since pandoc 2.19; `--self-contained` before (Debian 12 has 2.17). */
  embedFlag: string;
}

/** The installed pandoc, or undefined (with the line that says how to install it). */
export function findPandoc(): Pandoc | undefined {
  const version = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    console.log('pandoc not found: apt-get install -y pandoc');
    return undefined;
  }
  const help = spawnSync('pandoc', ['--help'], { encoding: 'utf8' }).stdout ?? '';
  return { version: version.stdout.split('\n')[0]!.trim(), embedFlag: help.includes('--embed-resources') ? '--embed-resources' : '--self-contained' };
}

export interface PandocEdition {
  lang: string;
  title: string;
  files: string[];
}

export interface PandocFile {
  lang: string;
  format: 'epub' | 'html';
  wallMs: number;
  peakMb: number;
}

export interface PandocRun {
  wallMs: number;
  peakMb: number;
  files: PandocFile[];
}

/**
 * The chapters are read as GitHub-flavoured Markdown, each file on its own (--file-scope),
 * not as `-f markdown`: pandoc's own Markdown takes any `---` line that follows a blank
 * line and precedes text for the start of a YAML block, and the guide's chapters have
 * such lines (the end of each web-only blurb), so it fails on km and ko sources. GFM is
 * also the dialect Folio reads (CommonMark + GFM), and --file-scope makes each chapter's
 * frontmatter metadata rather than text, as it is for Folio.
 */
function pandocArgs(pandoc: Pandoc, edition: PandocEdition, format: 'epub' | 'html', output: string): string[] {
  const common = ['-f', 'gfm', '--file-scope', '-o', output, '--metadata', `title=${edition.title}`, '--metadata', `lang=${edition.lang}`];
  const to = format === 'epub' ? ['-t', 'epub3'] : ['-t', 'html5', '-s', pandoc.embedFlag];
  return [...to, ...common, ...edition.files];
}

/** One measurement: an EPUB and a standalone HTML per edition, one after another. */
export async function runPandoc(pandoc: Pandoc, editions: readonly PandocEdition[], tmp: string): Promise<PandocRun> {
  const out = mkdtempSync(path.join(tmp, 'pandoc-'));
  const files: PandocFile[] = [];
  const started = performance.now();
  try {
    for (const edition of editions) {
      for (const format of ['epub', 'html'] as const) {
        const output = path.join(out, `${edition.lang}.${format}`);
        const run = await measure({ command: 'pandoc', args: pandocArgs(pandoc, edition, format, output) });
        if (run.exitCode !== 0) throw new Error(`pandoc ${format} ${edition.lang} exited ${run.exitCode}:\n${run.stderr.trim().split('\n').slice(-10).join('\n')}`);
        files.push({ lang: edition.lang, format, wallMs: run.wallMs, peakMb: run.peakToolMb });
      }
    }
    return { wallMs: performance.now() - started, peakMb: Math.max(...files.map((file) => file.peakMb)), files };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// ---- bare Chromium --------------------------------------------------------------------

export interface BarePrint {
  lang: string;
  ms: number;
  bytes: number;
}

export interface BareRun extends Memory {
  prints: BarePrint[];
  /** Launching the browser, which the per-edition times leave out. */
  launchMs: number;
}

/** The browser Folio prints with, found the same way. */
export const chromiumPath = () => findBrowser();

/**
 * Prints each saved print HTML once, in one browser, with nothing before or after:
 * setContent, then page.pdf. This is the floor under any pipeline that prints with Chromium.
 */
export async function barePrints(htmlFiles: readonly { lang: string; file: string }[]): Promise<BareRun> {
  const launchStarted = performance.now();
  // Folio's own launch: the same binary and flags, so only the printing differs.
  const browser = await launchBrowser();
  const launchMs = performance.now() - launchStarted;
  const pid = browser.process()?.pid;
  const sampler = pid === undefined ? undefined : new TreeSampler(pid);
  const prints: BarePrint[] = [];
  let memory: Memory = { peakToolMb: 0, peakChromiumMb: 0, samples: [] };
  try {
    for (const { lang, file } of htmlFiles) {
      const html = readFileSync(file, 'utf8'); // read before the clock starts: Folio has its HTML in memory
      const page = await browser.newPage();
      const started = performance.now();
      await page.setContent(html, { waitUntil: 'load', timeout: 0 });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, timeout: 0 });
      prints.push({ lang, ms: performance.now() - started, bytes: pdf.length });
      await page.close();
    }
  } finally {
    await browser.close();
    // The browser's processes are all Chromium: the sampler's "tool" column stays empty.
    if (sampler) memory = sampler.stop();
  }
  return { ...memory, prints, launchMs };
}

/** The print HTML Folio saved for each language, in the order given; missing ones left out. */
export function savedPrintHtml(dir: string, slug: string, langs: readonly string[]): { lang: string; file: string }[] {
  return langs.map((lang) => ({ lang, file: path.join(dir, `${slug}-${lang}.print.html`) })).filter(({ file }) => existsSync(file));
}

/**
 * One bare print as a whole process (bare-print.mjs: Node, Puppeteer, Folio's browser and
 * flags, one print of `html`, the PDF written): the baseline of the cache benchmark's (c),
 * which times a whole `folio build` process. Returns its wall time.
 */
export async function bareProcess(html: string, tmp: string): Promise<number> {
  const out = path.join(mkdtempSync(path.join(tmp, 'bare-')), 'bare.pdf');
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bare-print.mjs');
  const run = await measure({ command: process.execPath, args: [script, html, out, JSON.stringify(browserLaunch())] });
  if (run.exitCode !== 0 || !existsSync(out)) throw new Error(`bench: the bare print of ${html} failed (exit ${run.exitCode}):\n${run.stderr.trim()}`);
  rmSync(path.dirname(out), { recursive: true, force: true });
  return run.wallMs;
}
