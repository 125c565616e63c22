import { beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/index.js';
import { builtBook, type BuiltBook } from '../support/books.js';
import { pageBoxes, pageTexts, pdfFonts, pdfImages, pdfInfo, pixel, qpdfJson } from '../support/pdf.js';
import { repoRoot } from '../support/tools.js';

/**
 * The printer's package of the print fixture (A5 trim, 3 mm bleed, cream paper, a square
 * cover, a part opener in full-bleed blue, one image too sharp and one too soft), built
 * once by the tier's setup with the screen PDF beside it, and here again with crop marks.
 */

const fixture = path.join(repoRoot, 'test/fixtures/print');
const mm = 72 / 25.4;
const trim = { width: 148, height: 210 };
const bleed = 3;

let result: BuiltBook;
const file = (suffix: string) => path.join(result.outDir, `print-test-en${suffix}`);

beforeAll(() => {
  result = builtBook('print');
});

describe('print: the interior', () => {
  test('the build writes the screen PDF, the interior and the cover wrap, with located warnings', () => {
    expect(result.failed).toEqual([]);
    expect(result.written.map((event) => path.basename(event.path))).toEqual(['print-test-en.pdf', 'print-test-en-interior.pdf', 'print-test-en-cover.pdf']);
    const lines = result.lines;
    expect(lines).toContainEqual(expect.stringMatching(/^test\/fixtures\/print\/book\.yaml:11:8 {2}warning {2}The cover art's shape differs from the page's by 42 %.*cover-fit$/));
    expect(lines).toContainEqual(expect.stringMatching(/^test\/fixtures\/print\/chapters\/en\/images\.md:11:1 {2}warning {2}Image thumbnail\.png prints at 96 ppi \(300 px over 3\.13 in\), below the 200 ppi.*image-resolution$/));
    // Characters no installed font draws, found before printing; once, though two prints ask.
    expect(lines.filter((line) => line.endsWith('glyph-missing'))).toEqual([
      'test/fixtures/print/chapters/en/preface.md:8:1  warning  No font of the print edition has 𓀀 (U+13000), 𐘀 (U+10600): they print as empty boxes. Install a font that covers them (Debian\'s fonts-noto-core has most scripts) or add one in pdf.stylesheet  glyph-missing',
    ]);
  });

  test('every page is the trim plus the bleed on each side, with TrimBox and BleedBox as set', async () => {
    const boxes = await pageBoxes(file('-interior.pdf'));
    expect(boxes.length).toBeGreaterThan(4);
    for (const box of boxes) {
      const [x0, y0, x1, y1] = box.MediaBox;
      // Chromium rounds the page box to its own units: within 0.15 mm.
      expect(Math.abs((x1 - x0) / mm - (trim.width + 2 * bleed))).toBeLessThan(0.15);
      expect(Math.abs((y1 - y0) / mm - (trim.height + 2 * bleed))).toBeLessThan(0.15);
      const [tx0, ty0, tx1, ty1] = box.TrimBox!;
      expect((tx1 - tx0) / mm).toBeCloseTo(trim.width, 2);
      expect((ty1 - ty0) / mm).toBeCloseTo(trim.height, 2);
      const [bx0, , bx1, by1] = box.BleedBox!;
      expect(Math.abs(tx0 - bx0 - bleed * mm)).toBeLessThan(0.15 * mm);
      expect(Math.abs(by1 - ty1 - bleed * mm)).toBeLessThan(0.15 * mm);
      expect(bx1).toBeLessThanOrEqual(x1);
    }
  });

  test('no cover page: the interior opens with the title page', async () => {
    const pages = await pageTexts(file('-interior.pdf'));
    expect(pages[0]).toContain('Printing With Folio');
    expect((await pageTexts(file('.pdf')))[0]!.trim()).toBe('');
  });

  test("the part opener's blue reaches the edge of the bleed", async () => {
    const json = await qpdfJson(file('-interior.pdf'));
    const part = json.outlines.find((item) => item.title.startsWith('Part 1'))!;
    expect(await pixel(file('-interior.pdf'), part.destpageposfrom1, 0, 0)).toBe('#02a1d1');
    const [, , width, height] = (await pageBoxes(file('-interior.pdf')))[part.destpageposfrom1 - 1]!.MediaBox;
    expect(await pixel(file('-interior.pdf'), part.destpageposfrom1, Math.floor(width) - 1, Math.floor(height) - 1)).toBe('#02a1d1');
  });

  test('images: the sharp one is downsampled to 300 ppi at its printed size, none is distorted', async () => {
    const interior = await pdfImages(file('-interior.pdf'));
    const diagram = interior.find((image) => image.width / image.height === 2)!;
    expect(diagram.width).toBeLessThan(3000);
    expect(Math.abs(diagram.xPpi - 300)).toBeLessThanOrEqual(2);
    for (const image of interior) expect(Math.abs(image.xPpi - image.yPpi)).toBeLessThanOrEqual(2);
    // The screen PDF keeps the file as it is.
    expect((await pdfImages(file('.pdf'))).map((image) => image.width)).toContain(3000);
  });

  test('fonts embedded, no Type 3', async () => {
    for (const suffix of ['-interior.pdf', '-cover.pdf']) {
      const fonts = await pdfFonts(file(suffix));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((font) => !font.embedded || !font.type.includes('TrueType'))).toEqual([]);
    }
  });
});

describe('print: the cover wrap', () => {
  test('one sheet: back, spine and front with bleed; the spine as wide as the page count on cream paper', async () => {
    const pages = Number((await pdfInfo(file('-interior.pdf'))).Pages);
    const spine = pages * 0.0025 * 25.4;
    const [sheet] = await pageBoxes(file('-cover.pdf'));
    expect(await pageBoxes(file('-cover.pdf'))).toHaveLength(1);
    const [x0, y0, x1, y1] = sheet!.MediaBox;
    expect(Math.abs((x1 - x0) / mm - (2 * trim.width + spine + 2 * bleed))).toBeLessThan(0.1);
    expect(Math.abs((y1 - y0) / mm - (trim.height + 2 * bleed))).toBeLessThan(0.15);
    const [tx0, , tx1] = sheet!.TrimBox!;
    expect((tx1 - tx0) / mm).toBeCloseTo(2 * trim.width + spine, 2);
  });

  test('the back carries the description and publisher; a short book has no spine text', async () => {
    const [text] = await pageTexts(file('-cover.pdf'));
    expect(text).toContain('What a printer receives from Folio');
    expect(text).toContain('Folio Test Press');
    expect(text!.match(/Printing With Folio/g)).toHaveLength(1); // on the back only: the front is the art
  });

  test('art of another shape is shown whole on the colour of its edge', async () => {
    // The fixture's cover: a green frame (#2a6f4e) round a pale square. The sheet's corners
    // (bleed) and the front's top edge, above the fitted art, are that green.
    const [, , width] = (await pageBoxes(file('-cover.pdf')))[0]!.MediaBox;
    expect(await pixel(file('-cover.pdf'), 1, Math.floor(width) - 2, 1)).toBe('#2a6f4e');
    expect(await pixel(file('-cover.pdf'), 1, 1, 1)).toBe('#2a6f4e');
    expect(await pixel(file('.pdf'), 1, 1, 1)).toBe('#2a6f4e');
  });
});

describe('print: crop marks', () => {
  test('with print.marks: crop the sheet grows past the bleed and carries the marks there', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'folio-print-marks-'));
    cpSync(fixture, copy, { recursive: true });
    const manifest = path.join(copy, 'book.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('  paper: cream', '  paper: cream\n  marks: crop'));
    const marked = await build(manifest, { formats: ['print'], outDir: copy });
    expect(marked.failed).toEqual([]);
    const [box] = await pageBoxes(path.join(copy, 'print-test-en-interior.pdf'));
    const [x0, , x1] = box!.MediaBox;
    const [bx0, , bx1] = box!.BleedBox!;
    expect((bx0 - x0) / mm).toBeCloseTo(7, 1);
    expect((x1 - bx1) / mm).toBeCloseTo(7, 1);
    // A mark: dark, in line with the trim's top edge, left of the bleed (the page is white there otherwise).
    const [tx0, , , ty1] = box!.TrimBox!;
    const [, , , my1] = box!.MediaBox;
    const markY = Math.round(my1 - ty1);
    expect(await pixel(path.join(copy, 'print-test-en-interior.pdf'), 2, Math.round((tx0 - x0) / 2) - 4, markY, 72)).not.toBe('#ffffff');
  }, 120_000);
});

describe('print: a book in Japanese', () => {
  test('the cover wrap sets its Japanese title and description in the TrueType CJK font, as the pages do: no Type 3', async () => {
    // The cover's own stylesheet once named Inter alone: CJK fell back to Noto CJK (CFF),
    // which Chromium embeds as Type 3 glyphs, and the build refused every CJK printer's package.
    const copy = mkdtempSync(path.join(tmpdir(), 'folio-print-ja-'));
    cpSync(fixture, copy, { recursive: true });
    renameSync(path.join(copy, 'chapters/en'), path.join(copy, 'chapters/ja'));
    const manifest = path.join(copy, 'book.yaml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8')
        .replace('title: Printing With Folio', 'title: フォリオで印刷する')
        .replace(/^description: .*$/m, 'description: フォリオが印刷所に渡すもの。')
        .replace('languages: [en]', 'languages: [ja]'),
    );
    const japanese = await build(manifest, { formats: ['print'], outDir: copy });
    expect(japanese.failed).toEqual([]);
    const cover = path.join(copy, 'print-test-ja-cover.pdf');
    const [text] = await pageTexts(cover);
    expect(text).toContain('フォリオで印刷する');
    const fonts = await pdfFonts(cover);
    expect(fonts.filter((font) => !font.embedded || !font.type.includes('TrueType'))).toEqual([]);
    expect(fonts.map((font) => font.name)).toContainEqual(expect.stringMatching(/IPAexGothic/));
  }, 120_000);
});
