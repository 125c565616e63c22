import type { Browser, Page } from 'puppeteer-core';
import type { BrowserPool } from '../browser/browser.js';

/**
 * The pool's browser as a target sees it, except that every page it opens is closed when
 * `signal` fires: a print in progress then fails at once, and Chromium stops working on
 * a page nobody will look at. The browser itself stays up for the next print.
 */
export function abortableBrowser(pool: BrowserPool, signal: AbortSignal): () => Promise<Browser> {
  const pages = new Set<Page>();
  signal.addEventListener('abort', () => {
    for (const page of pages) void page.close().catch(() => undefined);
  });
  return async () => {
    const browser = await pool.get();
    return new Proxy(browser, {
      get(target, property) {
        if (property === 'newPage') {
          return async (...args: Parameters<Browser['newPage']>) => {
            signal.throwIfAborted();
            const page = await target.newPage(...args);
            pages.add(page);
            if (signal.aborted) await page.close().catch(() => undefined);
            return page;
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
}
