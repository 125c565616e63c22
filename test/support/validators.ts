import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Browser, HTTPRequest, Page } from 'puppeteer';
import { requireTool, runProcess, validatorJava, type ProcessRun } from './tools.js';

const require = createRequire(import.meta.url);

/** The Nu HTML Checker's jar, from the vnu-jar package. */
export const vnuJar: string = require('vnu-jar') as string;

export interface HtmlError {
  file: string;
  line: number | undefined;
  message: string;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstLine?: number;
  message: string;
}

/**
 * Runs the Nu HTML Checker (vnu) once over `files` and returns its errors. vnu writes its
 * JSON report to stderr and exits non-zero when there are errors, so the report is parsed
 * and the exit code is not trusted either way. A report that cannot be parsed is a thrown
 * error, never an empty list.
 */
export async function validateHtml(files: string[]): Promise<HtmlError[]> {
  requireTool('java', ['-version'], 'apt-get install -y default-jre-headless');
  if (files.length === 0) throw new Error('validateHtml: no files to check');
  const { stdout, stderr, code } = await run('java', [...validatorJava, '-jar', vnuJar, '--errors-only', '--format', 'json', ...files]);
  const start = stderr.indexOf('{');
  let report: { messages?: VnuMessage[] };
  try {
    report = JSON.parse(stderr.slice(start));
  } catch {
    throw new Error(`vnu did not report JSON (exit ${code}):\n${stderr.slice(0, 2000)}\n${stdout.slice(0, 2000)}`);
  }
  if (!Array.isArray(report.messages)) throw new Error(`vnu report without messages: ${stderr.slice(0, 2000)}`);
  return report.messages
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .map((message) => ({
      file: message.url?.startsWith('file:') ? fileURLToPath(message.url) : (message.url ?? ''),
      line: message.lastLine ?? message.firstLine,
      message: message.subType ? `${message.subType}: ${message.message}` : message.message,
    }));
}

function run(command: string, args: string[]): Promise<ProcessRun> {
  return runProcess(command, args);
}

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  /** How many elements fail, and the selectors of the first few. */
  count: number;
  targets: string[];
}

let minifiedAxe: string | undefined;
/** axe.min.js of the axe-core that @axe-core/puppeteer itself uses (it may have a copy of its own). */
function axeSource(): string {
  minifiedAxe ??= readFileSync(require.resolve('axe-core/axe.min.js', { paths: [path.dirname(require.resolve('@axe-core/puppeteer'))] }), 'utf8');
  return minifiedAxe;
}

/**
 * axe-core over the page as it is now, every rule it runs by default; the violations,
 * compact enough to read in a failed assertion.
 *
 * Two of @axe-core/puppeteer's options, neither of which changes what is checked:
 * - legacy mode runs axe in the page itself. By default the results of each frame are sent
 *   to a blank page that it opens and gives axe-core again, to be put together there.
 * - only violations are collected: the elements that pass (every paragraph, for the
 *   contrast rule) are not gathered, described and sent back.
 * On four guide editions and on a copy spoiled with twelve kinds of fault, the violations
 * were the same as with the defaults, in 0.63 of the time. validators.test.ts shows that
 * a spoiled page still fails.
 *
 * And axe-core is given as its minified build (axeSource). By default the package reads
 * axe-core's unminified axe.js, 1.3 MB, and in legacy mode it evaluates it in the page
 * twice (once to inject, once more before the run): compiling it was about half of the
 * renderer's work per page. The same axe-core (the copy the package itself resolves,
 * 4.13 here), minified: the violations identical as JSON on three guide editions, the
 * features edition and the spoiled copy; the renderer's work on three guide editions,
 * twice each, 4.6 s instead of 8.3 s.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const results = await new AxePuppeteer(page, axeSource()).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    count: violation.nodes.length,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.map(String).join(' ')),
  }));
}

/** A page opened by recordedPage(), and what it tried to fetch from outside its file. */
export interface RecordedPage {
  page: Page;
  /** Every request but the file itself (and data:, blob: and about: URLs), each aborted; more are added as long as the page is open. */
  requests: string[];
}

/**
 * Opens `fileUrl` in a new page that may not reach anything but the file itself: every
 * other request (except data:, blob: and about: URLs) is recorded and aborted. Resolves
 * once the page has loaded and the network is idle; the page stays open, still recording,
 * so that the tests that read it and the check that it fetched nothing share one load.
 */
export async function recordedPage(browser: Browser, fileUrl: string, viewport?: { width: number; height: number }): Promise<RecordedPage> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const self = fileUrl.split('#')[0]!;
  try {
    if (viewport) await page.setViewport(viewport);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      const internal = url.split('#')[0] === self || /^(data|blob|about):/i.test(url);
      if (internal) {
        void request.continue().catch(() => undefined);
      } else {
        requests.push(url);
        void request.abort().catch(() => undefined);
      }
    });
    await page.goto(fileUrl, { waitUntil: 'networkidle0' });
  } catch (failure) {
    await page.close().catch(() => undefined);
    throw failure;
  }
  return { page, requests };
}

/** What `fileUrl` tries to fetch from outside itself as it loads (recordedPage(), then closed). */
export async function externalRequests(browser: Browser, fileUrl: string): Promise<string[]> {
  const { page, requests } = await recordedPage(browser, fileUrl);
  await page.close();
  return requests;
}
