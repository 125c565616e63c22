import { expect, test } from '@jest/globals';
import { EpubOptions } from '../../../src/targets/epub/options.js';
import { HtmlOptions } from '../../../src/targets/html/options.js';
import { resolveTargetOptions } from '../../../src/targets/options.js';
import { PdfOptions } from '../../../src/targets/pdf/options.js';
import { PrintOptions } from '../../../src/targets/print/options.js';

const sections = (html: unknown, pdf: unknown) => ({
  html: HtmlOptions.parse(html),
  epub: EpubOptions.parse(undefined),
  pdf: PdfOptions.parse(pdf),
  print: PrintOptions.parse({ bleed: '5mm' }),
});

test('stylesheets become the checked paths; the printer gets the pdf page', () => {
  const checked = new Map([
    ['html.stylesheet', '/book/css/screen.css'],
    ['pdf.stylesheet', '/book/css/print.css'],
  ]);
  const options = resolveTargetOptions(sections({ stylesheet: 'css/screen.css' }, { size: 'A5', stylesheet: 'css/print.css' }), (key) => checked.get(key));
  expect(options.html).toEqual({ cover: true, stylesheet: '/book/css/screen.css' });
  expect(options.pdf).toMatchObject({ size: 'A5', stylesheet: '/book/css/print.css', timeout: 300 });
  expect(options.print).toMatchObject({ bleed: '5mm', marks: 'none' });
  expect(options.print.page).toBe(options.pdf);
  expect(options.epub).toEqual({ embedFonts: true });
});

test('a stylesheet refused when the book loaded (reported there) is left out, and none is asked for when none is named', () => {
  const asked: string[] = [];
  const options = resolveTargetOptions(sections({ stylesheet: 'missing.css' }, {}), (key) => {
    asked.push(key);
    return undefined;
  });
  expect(options.html.stylesheet).toBeUndefined();
  expect(options.pdf.stylesheet).toBeUndefined();
  expect(asked).toEqual(['html.stylesheet']);
});
