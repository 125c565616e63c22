/** Tests open pages in the same Chromium, started the same way, as Folio's PDF target. */
export { launchBrowser } from '../../src/browser/browser.js';
