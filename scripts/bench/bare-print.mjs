// A bare Chromium print, as a whole process: what a user's own script around Puppeteer
// does with Folio's final print HTML. Node starts, Puppeteer loads, the browser starts
// (Folio's binary and flags, given by the benchmark), the HTML is set and printed once,
// the PDF is written, the browser closes. The cache benchmark's target (c) compares a
// whole `folio build` process against this whole process.
//
//   node scripts/bench/bare-print.mjs HTML OUT.pdf LAUNCH_JSON
//
// LAUNCH_JSON: Puppeteer's launch options as Folio starts its browser (browserLaunch() of
// src/browser/browser.ts: the binary, its headless mode, Folio's flags).
import { readFileSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer';

const [html, out, launch] = process.argv.slice(2);
if (!html || !out || !launch) throw new Error('usage: bare-print.mjs HTML OUT.pdf LAUNCH_JSON');
const browser = await puppeteer.launch({ ...JSON.parse(launch), pipe: true });
try {
  const page = await browser.newPage();
  await page.setContent(readFileSync(html, 'utf8'), { waitUntil: 'load', timeout: 0 });
  writeFileSync(out, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, timeout: 0 }));
} finally {
  await browser.close();
}
