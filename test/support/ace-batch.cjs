'use strict';
/**
 * Ace by DAISY over several EPUBs in one Node process and one Chromium.
 *
 *   node ace-batch.cjs OUTDIR CONCURRENCY FILE...
 *
 * This is what Ace's own command line does (`@daisy/ace-cli` is ace-core driven with the
 * Puppeteer axe runner), minus a Node process and a Chromium per EPUB. Each EPUB gets
 * Ace's full check and its report.json and report.html in OUTDIR/<index>/; after each one
 * a line says how it went:
 *   FOLIO-ACE ok <index>
 *   FOLIO-ACE failed <index> <message>
 * Everything else Ace prints (its log) goes to stdout/stderr for the caller to show.
 *
 * Why a check could fail on a loaded machine, and what is done about it here:
 * - The runner gives Chromium 5 s to start (ACE_TIMEOUT_INITIAL, read when the runner is
 *   loaded). With other Chromiums and JVMs on two cores, a start takes longer, and Ace
 *   fails with "Timed out after 5000 ms while waiting for the WS endpoint URL"; with
 *   --silent the command line printed nothing but "Command failed". Chromium starts once
 *   here, with two minutes to do so.
 * - Each Ace command line started its own Chromium, which checks 4 documents at once: three
 *   EPUBs at once were 12 renderers on 2 cores, each waiting for the CPU rather than for
 *   anything else. Here the EPUBs share one browser, CONCURRENCY at a time, and its tabs
 *   (see below).
 */
process.env.ACE_TIMEOUT_INITIAL = process.env.ACE_TIMEOUT_INITIAL || '120000';

const { existsSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const ace = require('@daisy/ace-core');
const runner = require('@daisy/ace-axe-runner-puppeteer');
const logger = require('@daisy/ace-logger');
const { availableParallelism } = require('node:os');
const puppeteer = require('puppeteer');
// The runner's own copy of the helper that adds Ace's scripts to each document.
const pageScripts = require(require.resolve('@daisy/puppeteer-utils', { paths: [path.dirname(require.resolve('@daisy/ace-axe-runner-puppeteer'))] }));

// Ace adds its scripts to every document with the helper's addScripts: Puppeteer reads each
// file and sends its text to the page, where it runs as an inline script. For axe-core
// that is 1.3 MB of source (0.6 MB minified) sent, parsed and compiled again for each
// document: with the minified file, 42 % of the renderer's work per document on the guide.
// Two changes, nothing else:
// - The same package ships the same axe-core minified (axe.min.js, 0.6 MB); it is used
//   when it is there.
// - Each script is added by its file URL, as a <script src> (still marked data-ace, as the
//   helper marks it): Chromium reads it from disk, and a renderer compiles a script it has
//   seen before from its cache. The runner's request handler lets file: scripts through.
// Checked on 16 EPUBs (4 of the guide, the fixtures, the public books and a copy of a
// fixture spoiled with 42 findings of 7 rules): every report.json identical but for its
// date, for 30 % less CPU.
const minified = (file) => file.replace(/([\\/]axe-core-for-ace[\\/])axe\.js$/, '$1axe.min.js');
pageScripts.addScripts = async (paths, page) => {
  for (const file of paths) {
    const script = await page.addScriptTag({ url: pathToFileURL(existsSync(minified(file)) ? minified(file) : file).href });
    await page.evaluate((element) => element.setAttribute('data-ace', ''), script);
  }
};

// The runner opens a page per document and closes it after. Here the browser hands out
// tabs that were closed before, and each document is a navigation in one of them: Chromium
// starts no renderer and sets up no page per document, and the pages share one renderer
// process per core. Every document is still loaded afresh, with the runner's own request
// handling (its listener from the last document removed), scripts and checks. Four of the
// guide's EPUBs took 35–37 s of CPU instead of 61 s, with the same report.json findings,
// outlines and data.
//
// Chromium is started as Folio starts it (FOLIO_CHROMIUM_LAUNCH, browserLaunch() of
// src/browser/browser.ts as JSON): no calls home, none of the address bar's WebUI popups
// that headless Chrome otherwise loads at its start (about 1 s of CPU), and Chromium's
// headless shell in its own mode when that is the browser Folio found.
const folio = JSON.parse(process.env.FOLIO_CHROMIUM_LAUNCH || '{}');
const launch = puppeteer.launch.bind(puppeteer);
puppeteer.launch = async (options = {}) => {
  const browser = await launch({
    ...options,
    ...(folio.executablePath ? { executablePath: folio.executablePath, headless: folio.headless } : {}),
    args: [...(options.args || []), ...(folio.args || []), `--renderer-process-limit=${availableParallelism()}`],
  });
  const idle = [];
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = idle.pop() || (await newPage(...args));
    page.close = async () => {
      page.removeAllListeners('request');
      idle.push(page);
    };
    return page;
  };
  return browser;
};

async function main() {
  const [outRoot, concurrencyArg, ...files] = process.argv.slice(2);
  const concurrency = Math.max(1, Number(concurrencyArg) || 1);
  logger.initLogger({ verbose: false, silent: false });

  // Ace launches and closes the runner's browser once per EPUB; here the first launch
  // starts it, and it is closed once, after the last EPUB.
  let launched;
  const shared = {
    concurrency: runner.concurrency,
    setTimeout: (ms) => runner.setTimeout(ms),
    run: (...args) => runner.run(...args),
    launch: () => (launched = launched || runner.launch()),
    close: async () => undefined,
  };

  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const started = Date.now();
      try {
        await ace(files[index], { cwd: process.cwd(), outdir: path.join(outRoot, String(index)), jobId: String(index) }, shared);
        console.log(`FOLIO-ACE ok ${index} ${Date.now() - started}`);
      } catch (failure) {
        // ace-core rejects with an Error, or with only the job id when it logged the reason itself.
        const message = failure instanceof Error ? failure.message : "see Ace's log above";
        console.log(`FOLIO-ACE failed ${index} ${message.replace(/\s+/g, ' ')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  if (launched) await launched.then(() => runner.close(), () => undefined);
}

main().then(
  () => process.exit(0),
  (failure) => {
    console.error(failure);
    process.exit(1);
  },
);
