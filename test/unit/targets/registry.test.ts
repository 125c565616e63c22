import { expect, test } from '@jest/globals';
import { epubTarget } from '../../../src/targets/epub.js';
import { htmlTarget } from '../../../src/targets/html.js';
import { pdfTarget } from '../../../src/targets/pdf.js';
import { printTarget } from '../../../src/targets/print.js';
import { targets } from '../../../src/targets/registry.js';

test('each target the build sees says what its module says, before the module is loaded', () => {
  const modules = { html: htmlTarget, epub: epubTarget, pdf: pdfTarget, print: printTarget };
  expect(Object.keys(targets)).toEqual(Object.keys(modules));
  for (const [name, target] of Object.entries(targets)) {
    const loaded = modules[name as keyof typeof modules];
    expect({ name: target.name, extension: target.extension, needsBrowser: Boolean(target.needsBrowser) }).toEqual({
      name: loaded.name,
      extension: loaded.extension,
      needsBrowser: Boolean(loaded.needsBrowser),
    });
  }
});
