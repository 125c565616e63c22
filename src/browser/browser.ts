import { existsSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer';
import { FolioError } from '../diagnostics/errors.js';

/** Where a system Chrome or Chromium usually is; PUPPETEER_EXECUTABLE_PATH wins. */
const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

/** The browser Folio prints with: PUPPETEER_EXECUTABLE_PATH, else a system Chrome/Chromium. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.PUPPETEER_EXECUTABLE_PATH || candidates.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new FolioError(
      'No Chrome or Chromium found for the PDF edition: install one (Debian: apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH',
    );
  }
  return path;
}

/**
 * Starts headless Chromium. --no-sandbox because build machines run as root; the other
 * flags keep it from calling home (a build machine may have no network, and a book's
 * build must not depend on one).
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  // Loaded here, not at the top: a build without a PDF should not pay for puppeteer.
  const { default: puppeteer } = await import('puppeteer');
  try {
    return await puppeteer.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-dev-shm-usage',
        '--font-render-hinting=none',
      ],
    });
  } catch (cause) {
    throw new FolioError(`Cannot start ${executablePath} for the PDF edition`, { cause });
  }
}

/**
 * A page that may load nothing but the document it is given (inline CSS, data: fonts and
 * images): every other request is refused, so a book can never fetch from the network.
 */
export async function isolatedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
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

  /** The build's one browser, started on first use. */
  get(): Promise<Browser> {
    this.browser ??= launchBrowser();
    return this.browser;
  }

  /** Starts the browser ahead of first use; a failure to start is reported to whoever then asks. */
  warm(): void {
    this.get().catch(() => undefined);
  }

  async close(): Promise<void> {
    if (!this.browser) return;
    const browser = await this.browser.catch(() => undefined);
    this.browser = undefined;
    await browser?.close().catch(() => undefined);
  }
}
