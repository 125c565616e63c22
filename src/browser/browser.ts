import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { FolioError } from '../diagnostics/errors.js';
import { describeError } from '../diagnostics/report.js';

/**
 * Where a system Chrome or Chromium usually is; PUPPETEER_EXECUTABLE_PATH wins. Chromium's
 * headless shell first (Debian's chromium-headless-shell: the binary itself, so that the
 * build cache keys on it and not on a wrapper script): it is Chromium's engine without the
 * browser around it (no window's views drawn off screen, no profile services), made for
 * what Folio does, and prints the same PDF (the guide's byte for byte; at most a few pixels
 * of an image Chromium rasterizes itself differ). Measured: a start, one small print and a
 * close took 0.5 s of CPU against 0.9–1.2 s with the whole browser; a bare print of the
 * guide's English edition 2.8–3.1 s against 3.7–4.5 s.
 */
const candidates = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

/** The browser Folio prints with: PUPPETEER_EXECUTABLE_PATH, else a system Chrome/Chromium. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const executable = env.PUPPETEER_EXECUTABLE_PATH || candidates.find((candidate) => existsSync(candidate));
  if (!executable) {
    throw new FolioError(
      'No Chrome or Chromium found for the PDF edition: install one (Debian: apt-get install chromium-headless-shell, or chromium) or set PUPPETEER_EXECUTABLE_PATH',
    );
  }
  return executable;
}

/** Puppeteer's `headless` for `executable`: the headless shell is started in its own ("old") headless mode. */
export function headlessMode(executable: string): true | 'shell' {
  return /headless[-_]shell/.test(path.basename(executable)) ? 'shell' : true;
}

/**
 * How Folio starts Chromium, as Puppeteer launch options: the browser found, its headless
 * mode and Folio's flags. What else starts a browser to stand in for Folio's (Ace in the
 * tests, the benchmark's bare print) is given these, as JSON.
 */
export function browserLaunch(executablePath = findBrowser()): { executablePath: string; headless: true | 'shell'; args: string[] } {
  return { executablePath, headless: headlessMode(executablePath), args: [...chromiumFlags] };
}

/**
 * The flags Folio starts Chromium with. --no-sandbox because build machines run as root;
 * the others keep it from calling home (a build machine may have no network, and a book's
 * build must not depend on one), and fix font rendering so that prints are reproducible.
 */
export const chromiumFlags: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // Headless Chrome is the whole browser without a window, and recent versions (Chromium
  // 156 here) load the address bar's suggestion popups, WebUI pages, in a renderer of
  // their own at every start. Nothing of Folio's uses them; they cost about 1 s of CPU per
  // launch (measured: a launch, one page, one print, closed: 1.1–1.2 s of CPU in all
  // instead of 2.0–2.4 s). Puppeteer adds these names to its own --disable-features list;
  // a Chrome that does not know them ignores them.
  '--disable-features=WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,WebUIOmniboxPopup',
];

/**
 * How a signal that stops Chromium ends the process. A build that is stopped ends as a
 * stopped process does (128 + the signal's number). `folio preview` runs until stopped, so
 * Ctrl+C is how it ends, not a failure: it says so here, and the process then ends with 0
 * whichever of the two handlers (this module's and the preview's own) finishes first.
 */
let stoppedIsSuccess = false;
export function signalEndsCleanly(): void {
  stoppedIsSuccess = true;
}

/**
 * Starts headless Chromium with Folio's flags. It is connected by a pipe, not a WebSocket: Chromium
 * exits when the pipe closes, so it dies with Folio whatever kills Folio (even SIGKILL,
 * which no handler sees). Its profile is a folder of Folio's, removed when the browser
 * exits and on SIGINT, SIGTERM and SIGHUP, which Folio handles itself for that.
 */
export async function launchBrowser(onLoaded?: () => void): Promise<Browser> {
  const { executablePath, headless, args } = browserLaunch();
  // Loaded here, not at the top: a build without a PDF should not pay for it. puppeteer-core,
  // not puppeteer: Folio names the browser itself (findBrowser), and the `folio` command
  // bundles puppeteer-core into a chunk of its own, which loads in half the time of its
  // hundreds of modules (0.07 s instead of 0.16 s, on the main thread while Chromium starts).
  const { default: puppeteer } = await import('puppeteer-core').finally(onLoaded);
  const profile = mkdtempSync(path.join(tmpdir(), 'folio-chromium-'));
  // Retried: Chromium may still be writing its last files as it dies.
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    } catch {
      // A folder left in the temporary directory is not worth failing a build for.
    }
  };
  // Handled from before the launch: a signal while Chromium starts must clean up too.
  let browser: Browser | undefined;
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  let launching: Promise<unknown> = Promise.resolve();
  const onSignal = async (signal: NodeJS.Signals) => {
    // Mid-launch there is no process to stop yet: wait (briefly) for it.
    await Promise.race([launching.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000))]);
    const chromium = browser?.process();
    if (chromium && chromium.exitCode === null) {
      const gone = new Promise((resolve) => chromium.once('exit', resolve));
      chromium.kill('SIGKILL');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 2000))]);
    }
    removeProfile();
    process.exit(stoppedIsSuccess ? 0 : 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  };
  for (const signal of signals) process.once(signal, onSignal);
  const forget = () => {
    for (const signal of signals) process.off(signal, onSignal);
    removeProfile();
  };
  try {
    browser = await (launching = puppeteer.launch({
      executablePath,
      headless,
      pipe: true,
      userDataDir: profile,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args,
    }));
  } catch (cause) {
    forget();
    // Over a pipe, a browser that dies as it starts shows up as a closed target.
    const reason = /Target closed/.test(describeError(cause)) ? `it exited as it started (${describeError(cause)})` : describeError(cause);
    throw new FolioError(`Cannot start ${executablePath} for the PDF edition: ${reason}`);
  }
  const chromium = browser.process();
  if (chromium && chromium.exitCode === null) chromium.once('exit', forget);
  else forget();
  return browser;
}

/** Browsers whose first tab, the blank one Chromium starts with, has been handed out. */
const firstTabTaken = new WeakSet<Browser>();

/**
 * A page that may load nothing but the document it is given (inline CSS, data: fonts and
 * images): every other request is refused, so a book can never fetch from the network.
 * The first is the tab Chromium opened as it started: a new tab would cost another
 * renderer's start (about 0.1 s) while the build waits to print.
 */
export async function isolatedPage(browser: Browser): Promise<Page> {
  let page: Page | undefined;
  if (!firstTabTaken.has(browser)) {
    firstTabTaken.add(browser);
    page = (await browser.pages()).find((tab) => tab.url() === 'about:blank');
  }
  page ??= await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') void request.continue();
    else void request.abort('blockedbyclient');
  });
  return page;
}

/** Launches the browser on first use and closes it once at the end of a build. */
export class BrowserPool {
  private browser: Promise<Browser> | undefined;
  private loaded: Promise<void> | undefined;
  private closing: Promise<void> | undefined;

  /** The build's one browser, started on first use. */
  get(): Promise<Browser> {
    if (!this.browser) {
      let loaded = () => {};
      this.loaded = new Promise<void>((resolve) => (loaded = resolve));
      this.browser = launchBrowser(loaded);
      // A launch that fails before Puppeteer is loaded (no Chromium found) must not leave warm() waiting.
      this.browser.then(loaded, loaded);
    }
    return this.browser;
  }

  /**
   * Starts the browser ahead of first use; a failure to start is reported to whoever then
   * asks. Resolves once Puppeteer is loaded and Chromium is being started: a caller that
   * waits for that before its own work gets Chromium going sooner, on the other core.
   */
  warm(): Promise<void> {
    this.get().catch(() => undefined);
    return this.loaded!;
  }

  /** Closes the browser; a second call, while it closes or after, waits for the same close. */
  close(): Promise<void> {
    if (this.browser) {
      const browser = this.browser;
      this.browser = undefined;
      this.closing = browser.then((opened) => opened.close(), () => undefined).catch(() => undefined);
    }
    return this.closing ?? Promise.resolve();
  }
}
