import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../support/browser.js';
import { pageTexts } from '../support/pdf.js';
import { repoRoot } from '../support/tools.js';

/**
 * Tables over a page break, printed by Chromium with the print edition's own stylesheets:
 * the header row repeats on every page the table spans and never ends a page alone,
 * wherever on the page the table starts.
 */

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), 'folio-print-tables-'));
const css = ['base/content.css', 'pdf/print.css'].map((name) => readFileSync(path.join(repoRoot, 'templates', name), 'utf8')).join('\n');
const rows = Array.from({ length: 60 }, (_, index) => `<tr><td>Row ${index + 1}</td><td>value ${index + 1}</td></tr>`).join('');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function printTable(spacerMm: number): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      `<!DOCTYPE html><html lang="en"><head><style>${css} @page { size: A5; margin: 20mm; }</style></head><body>` +
        `<div style="height: ${spacerMm}mm"></div><div class="table-scroll" role="region" tabindex="0" aria-label="Table 1">` +
        `<table><thead><tr><th>Quarter heading</th><th>Value heading</th></tr></thead><tbody>${rows}</tbody></table></div></body></html>`,
    );
    const file = path.join(dir, `table-${spacerMm}.pdf`);
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    return (await pageTexts(file)).map((text) => text.split('\n').map((line) => line.trim()).filter(Boolean).join('\n'));
  } finally {
    await page.close();
  }
}

describe('print: tables across pages', () => {
  // A5 with 20 mm margins leaves 170 mm: from 140 mm down, the table starts in the last lines of the page.
  test.each([140, 146, 150, 152, 156, 160, 164, 168])('a table starting %d mm down the page', async (spacer) => {
    const pages = await printTable(spacer);
    expect(pages.length).toBeGreaterThan(2);
    for (const [index, text] of pages.entries()) {
      const lines = text.split('\n');
      if (lines.length === 0 || lines[0] === '') continue;
      // Every page of the table starts with its header row…
      expect([index, lines[0]]).toEqual([index, expect.stringMatching(/^Quarter heading\s+Value heading$/)]);
      // …which is never the page's last line.
      expect([index, lines.at(-1)]).not.toEqual([index, expect.stringMatching(/heading/)]);
    }
  });
});
