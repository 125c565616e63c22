import puppeteer, { type Browser } from 'puppeteer';
import { chromiumPath } from './tools.js';

/**
 * Starts the system Chromium headless. As root it needs --no-sandbox; the other flags stop
 * it from calling home, which on a machine without network stalls or fails.
 */
export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-gpu',
    ],
  });
}
