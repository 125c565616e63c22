// `folio preview` on the English guide: from saving a chapter to the changed text in the
// HTML view, and to the Pages view showing the new PDF; against a whole `folio build
// --format pdf` of the same edition and a bare Chromium print of its final HTML.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'puppeteer';
import puppeteer from 'puppeteer';
import { browserLaunch } from '../../src/browser/browser.js';
import { chapterPath } from './corpus.js';
import { runFolio } from './folio.js';
import { barePrints, savedPrintHtml } from './peers.js';
import { ratio, seconds, stats, table } from './report.js';

export interface PreviewBench {
  root: string;
  manifest: string;
  slug: string;
  /** The `--source` pattern of a copy of the guide's sources: the bench edits its chapters. */
  source: string;
  tmp: string;
  runs: number;
  lang?: string;
}

/** Chapters edited in turn (a sentence added at the end), so no run profits from the one before. */
const EDITED = ['keep-it-simple', 'cash-is-king', 'final-thoughts', 'ideal-scenario'];

export async function benchPreview(bench: PreviewBench) {
  const lang = bench.lang ?? 'en';
  console.log(`folio build --format pdf --lang ${lang}, ${bench.runs} runs…`);
  const builds = [];
  for (let i = 0; i < bench.runs; i++) builds.push(await runFolio({ root: bench.root, manifest: bench.manifest, formats: ['pdf'], langs: [lang], source: bench.source, tmp: bench.tmp }, 1));
  const htmlDir = path.join(bench.tmp, 'print-html');
  await runFolio({ root: bench.root, manifest: bench.manifest, formats: ['pdf'], langs: [lang], source: bench.source, tmp: bench.tmp, env: { FOLIO_PRINT_HTML_DIR: htmlDir } }, 1);
  const bare = await barePrints(Array.from({ length: bench.runs }, () => savedPrintHtml(htmlDir, bench.slug, [lang])[0]!));

  console.log(`folio preview, ${bench.runs} saves…`);
  const saves = await measureSaves(bench, lang);
  const build = stats(builds.map((run) => run.wallMs)).medianMs;
  const print = stats(bare.prints.map((item) => item.ms)).medianMs;
  const html = stats(saves.map((save) => save.htmlMs));
  const pages = stats(saves.map((save) => save.pagesMs));
  const median = (pick: (save: (typeof saves)[number]) => number) => stats(saves.map(pick)).medianMs;
  const rows = [
    [`save → text in the HTML view`, String(html.runs), seconds(html.medianMs), `${seconds(html.minMs)}–${seconds(html.maxMs)}`, 'target 0.50 s', ratio(html.medianMs / 500)],
    ['  of which: server rebuild, wall / CPU', '', seconds(median((save) => save.serverMs)), '', `cpu ${seconds(median((save) => save.serverCpuMs))} s`, ''],
    ['  of which: page fetch and swap', '', seconds(median((save) => save.pageMs)), '', '', ''],
    [`save → Pages view redrawn`, String(pages.runs), seconds(pages.medianMs), `${seconds(pages.minMs)}–${seconds(pages.maxMs)}`, `folio build --format pdf: ${seconds(build)} s`, ratio(pages.medianMs / build)],
    ['', '', '', '', `bare Chromium print: ${seconds(print)} s`, ratio(pages.medianMs / print)],
  ];
  console.log(`\nfolio preview on the ${lang} guide\n`);
  console.log(table(['what', 'runs', 'median s', 'min–max s', 'against', 'ratio'], rows));
  console.log('\nsave → HTML: from writeFile to the new sentence in the HTML view; save → Pages: to the new PDF drawn at');
  console.log('the edited chapter\'s page. folio build is a whole process (start-up and two prints); a bare print is setContent + page.pdf.');
  return { lang, saves, buildMs: builds.map((run) => run.wallMs), barePrintMs: bare.prints.map((item) => item.ms), summary: rows };
}

async function measureSaves(bench: PreviewBench, lang: string) {
  const args = [path.join(bench.root, 'scripts/folio.js'), 'preview', bench.manifest, '--lang', lang, '--source', bench.source, '--port', '0'];
  const child = spawn(process.execPath, args, { cwd: bench.root, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  let browser: Browser | undefined;
  try {
    const url = await until(() => /preview +(http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(output)?.[1], 300_000);
    // Both tabs stay as awake as a visible one: Chromium otherwise stops the frames of a tab in the background.
    browser = await puppeteer.launch({
      ...browserLaunch(),
      args: ['--no-sandbox', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
    });
    // Two tabs, as an author would keep them: the HTML view and the Pages view.
    const html = await browser.newPage();
    const pages = await browser.newPage();
    await html.goto(url);
    await pages.goto(`${url}#pages`);
    await pages.waitForFunction(() => Number(document.getElementById('pages')!.dataset.generation) >= 1, { timeout: 600_000 });
    const saves = [];
    let logged = output.length;
    for (let i = 0; i < bench.runs; i++) {
      const slug = EDITED[i % EDITED.length]!;
      const file = chapterPath(bench.source, lang, slug);
      const original = readFileSync(file, 'utf8');
      const word = `benchword${i}x${Date.now()}`;
      const generation = await pages.$eval('#pages', (element) => Number((element as HTMLElement).dataset.generation));
      const started = performance.now();
      writeFileSync(file, `${original.trimEnd()}\n\nA sentence about ${word}.\n`);
      const shown = waitForText(html, word).then(() => performance.now() - started);
      const drawn = pages.waitForFunction((before) => Number(document.getElementById('pages')!.dataset.generation) > before, { timeout: 600_000, polling: 'mutation' }, generation).then(() => performance.now() - started);
      const htmlMs = await shown;
      const pageMs = await html.$eval('body', (body) => Number((body as HTMLElement).dataset.swapMs));
      // The server's own line for this save: its wall and CPU time.
      const line = await until(() => new RegExp(`html +(\\d+) ms \\(cpu (\\d+) ms\\) +after \\S*${slug}\\.md`).exec(output.slice(logged)) ?? undefined, 60_000);
      logged = output.length;
      saves.push({ slug, htmlMs, serverMs: Number(line[1]), serverCpuMs: Number(line[2]), pageMs, pagesMs: await drawn });
      const save = saves.at(-1)!;
      console.log(`  ${slug}: HTML ${seconds(save.htmlMs)} s (server ${save.serverMs} ms, cpu ${save.serverCpuMs} ms; page ${save.pageMs} ms), Pages ${seconds(save.pagesMs)} s`);
      writeFileSync(file, original);
      // The restore is a save too: let its PDF finish before the next measured save.
      await pages.waitForFunction((before) => Number(document.getElementById('pages')!.dataset.generation) > before + 1, { timeout: 600_000 }, generation);
    }
    return saves;
  } finally {
    await browser?.close();
    child.kill('SIGTERM');
  }
}

/**
 * Watched by mutations of the preview page itself, which marks each edition it swapped in
 * (the edition's frame runs no script): exact, and unlike polling every frame, it works in
 * a tab that is not in front, whose frames Chromium does not draw.
 */
function waitForText(page: Page, word: string) {
  return page.waitForFunction((wanted) => (document.getElementById('html-view') as HTMLIFrameElement).contentDocument?.body?.textContent.includes(wanted), { timeout: 120_000, polling: 'mutation' }, word);
}

async function until<T>(probe: () => T | undefined, timeout: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeout) throw new Error('folio preview did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
