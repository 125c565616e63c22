// Puppeteer must never download its own browser: the machines that build books have no
// network but the package registries. Folio always names the browser it launches (the
// system Chrome or Chromium, found by src/browser/browser.ts: PUPPETEER_EXECUTABLE_PATH,
// else the usual paths), so the list of those paths lives there only; the tests hand the
// same path to Ace.
module.exports = {
  skipDownload: true,
};
