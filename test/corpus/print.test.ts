import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/index.js';
import { pageBoxes, pageTexts, pdfFonts, pdfInfo, pixel, qpdfJson } from '../support/pdf.js';
import { corpusAvailable, corpusRoot, corpusSource, repoRoot } from '../support/tools.js';

/**
 * The printer's package of the English guide (`--format print`): A4 trim, 3 mm bleed,
 * white paper. The part openers are full-bleed brand blue, so a missing bleed shows.
 */

const describeCorpus = corpusAvailable || process.env.CI === 'true' ? describe : describe.skip;
const mm = 72 / 25.4;

describeCorpus('the guide for a printer', () => {
  let out: string;
  const file = (suffix: string) => path.join(out, `agency-success-guide-en${suffix}`);

  beforeAll(async () => {
    if (!corpusAvailable) throw new Error(`The corpus is missing at ${corpusRoot}; CI must have ../shared beside the repository`);
    out = mkdtempSync(path.join(tmpdir(), 'folio-corpus-print-'));
    const result = await build(path.join(repoRoot, 'book.yaml'), { formats: ['print'], source: corpusSource, outDir: out, languages: ['en'] });
    expect(result.failed).toEqual([]);
  }, 10 * 60 * 1000);

  test('the interior: trim plus bleed, TrimBox and BleedBox on every page, no cover page', async () => {
    const boxes = await pageBoxes(file('-interior.pdf'));
    for (const box of boxes) {
      const [x0, y0, x1, y1] = box.MediaBox;
      expect(Math.abs((x1 - x0) / mm - 216)).toBeLessThan(0.15);
      expect(Math.abs((y1 - y0) / mm - 303)).toBeLessThan(0.15);
      const [tx0, ty0, tx1, ty1] = box.TrimBox!;
      expect([(tx1 - tx0) / mm, (ty1 - ty0) / mm].map((value) => Number(value.toFixed(2)))).toEqual([210, 297]);
      expect(box.BleedBox).toEqual(box.MediaBox);
    }
    const pages = await pageTexts(file('-interior.pdf'));
    expect(pages[0]).toContain('Agency Success Guide');
  });

  test("every part opener's blue reaches the bleed edge, at each corner", async () => {
    const json = await qpdfJson(file('-interior.pdf'));
    const parts = json.outlines.filter((item) => item.kids.length > 0);
    expect(parts).toHaveLength(3);
    const boxes = await pageBoxes(file('-interior.pdf'));
    for (const part of parts) {
      const [x0, y0, x1, y1] = boxes[part.destpageposfrom1 - 1]!.MediaBox;
      const [width, height] = [Math.floor(x1 - x0) - 1, Math.floor(y1 - y0) - 1];
      for (const [x, y] of [[0, 0], [width, 0], [0, height], [width, height]]) {
        expect([part.title, x, y, await pixel(file('-interior.pdf'), part.destpageposfrom1, x!, y!)]).toEqual([part.title, x, y, '#02a1d1']);
      }
    }
  });

  test('the cover wrap: 2 × 210 mm + the spine for the pages printed + 2 × 3 mm, to 0.1 mm; fonts embedded', async () => {
    const pages = Number((await pdfInfo(file('-interior.pdf'))).Pages);
    const spine = pages * 0.002252 * 25.4;
    const [sheet] = await pageBoxes(file('-cover.pdf'));
    const [x0, , x1] = sheet!.MediaBox;
    expect(Math.abs((x1 - x0) / mm - (2 * 210 + spine + 6))).toBeLessThan(0.1);
    const [text] = await pageTexts(file('-cover.pdf'));
    expect(text).toContain('Emanuele Faja'); // on the back, and on the spine of a book this long
    for (const suffix of ['-interior.pdf', '-cover.pdf']) {
      const fonts = await pdfFonts(file(suffix));
      expect(fonts.filter((font) => !font.embedded || !font.type.includes('TrueType'))).toEqual([]);
    }
  });
});
