import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as bundle } from 'esbuild';
import { parse } from 'yaml';
import { bundleOptions } from '../../scripts/bundle-options.js';
import { repoRoot } from '../support/tools.js';

/**
 * What the `folio` command's bundle carries ready-made (src/templates/prebuilt.ts, filled
 * in by scripts/prebuilt.js as the sources are bundled). The bundle is run under plain
 * Node, as the command runs it; Jest runs the sources, where there is nothing prebuilt.
 * That the command renders the same bytes as the sources is cli.test.ts's "byte-identical
 * files … in another process": the command's templates are these, the sources' compiled
 * as they are read.
 */

const templates = path.join(repoRoot, 'templates');
let entry: string;

/** Runs `script` (an ES module body, with the bundle imported as `prebuilt`) and returns what it prints, parsed. */
function inBundle(script: string): unknown {
  const source = `import * as prebuilt from ${JSON.stringify(pathToFileURL(entry).href)};\n${script}`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: repoRoot, encoding: 'utf8' }));
}

beforeAll(async () => {
  // Inside Folio's folder, as the command's bundle is: it finds templates/ from there.
  entry = path.join(repoRoot, 'node_modules/.cache/folio-test', `prebuilt-${process.pid}.mjs`);
  await bundle({ ...bundleOptions, entryPoints: [path.join(repoRoot, 'src/templates/prebuilt.ts')], outfile: entry });
}, 60_000);

afterAll(() => rmSync(entry, { force: true }));

describe('the prebuilt templates and locale table', () => {
  test('every Handlebars template of templates/ is there, made from the file as it is now', () => {
    const files = readdirSync(templates, { recursive: true })
      .map((file) => String(file).split(path.sep).join('/'))
      .filter((file) => file.endsWith('.hbs'))
      .sort();
    expect(files.length).toBeGreaterThan(5);
    const found = inBundle(`
      import { readFileSync } from 'node:fs';
      const files = ${JSON.stringify(files)};
      console.log(JSON.stringify({
        keys: Object.keys(prebuilt.prebuilt.handlebars).sort(),
        used: files.filter((file) => prebuilt.prebuiltTemplate(${JSON.stringify(templates)} + '/' + file, readFileSync(${JSON.stringify(templates)} + '/' + file, 'utf8')) !== undefined),
      }));`);
    expect(found).toEqual({ keys: files, used: files });
  });

  test("a template's compiled form is used only for Folio's own file with the text it was made from", () => {
    const found = inBundle(`
      import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      const own = ${JSON.stringify(path.join(templates, 'pdf/book.hbs'))};
      const text = readFileSync(own, 'utf8');
      // A book's template folder with a copy of the same file: the book's, compiled as read.
      const copy = mkdtempSync(tmpdir() + '/folio-prebuilt-') + '/book.hbs';
      writeFileSync(copy, text);
      console.log(JSON.stringify({
        own: prebuilt.prebuiltTemplate(own, text) !== undefined,
        edited: prebuilt.prebuiltTemplate(own, text + '<p>edited</p>') !== undefined,
        book: prebuilt.prebuiltTemplate(copy, text) !== undefined,
      }));`);
    expect(found).toEqual({ own: true, edited: false, book: false });
  });

  test('the locale table is templates/locales.yaml parsed, and an edited file is parsed afresh', () => {
    const text = readFileSync(path.join(templates, 'locales.yaml'), 'utf8');
    const found = inBundle(`
      import { readFileSync } from 'node:fs';
      const text = readFileSync(${JSON.stringify(path.join(templates, 'locales.yaml'))}, 'utf8');
      console.log(JSON.stringify({ table: prebuilt.prebuiltLocales(text), edited: prebuilt.prebuiltLocales(text + '\\n# edited\\n') ?? null }));`);
    expect(found).toEqual({ table: parse(text), edited: null });
  });

  test('run from the sources there is nothing prebuilt: everything is compiled as it is read', async () => {
    const sources = await import('../../src/templates/prebuilt.js');
    expect(sources.prebuilt).toBeUndefined();
    expect(sources.prebuiltLocales(readFileSync(path.join(templates, 'locales.yaml'), 'utf8'))).toBeUndefined();
  });
});
