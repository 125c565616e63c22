// Puppeteer must never download its own browser: the machines that build books have no
// network but the package registries. It uses the system Chrome or Chromium instead;
// PUPPETEER_EXECUTABLE_PATH, when set, wins over the list below.
const { existsSync } = require('node:fs');

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

module.exports = {
  skipDownload: true,
  executablePath:
    process.env.PUPPETEER_EXECUTABLE_PATH || candidates.find((path) => existsSync(path)),
};
