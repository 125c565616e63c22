import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FolioError } from '../../../src/diagnostics/errors.js';
import { ejsTemplate } from '../../../src/templates/ejs.js';
import { builtInTemplates } from '../../../src/templates/files.js';

let dir: string;
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (caught) {
    return caught as Error;
  }
  throw new Error('expected a failure');
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'folio-ejs-'));
  mkdirSync(path.join(dir, 'epub'), { recursive: true });
  writeFileSync(path.join(dir, 'epub/chapter.ejs'), '<section>\n<%= page.title %>\n<% if (page.x { %>\n</section>\n');
  writeFileSync(path.join(dir, 'epub/part.ejs'), '<section>\n<h1><%= page.title %></h1>\n<p><%= page.missing.name %></p>\n</section>\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('EJS templates of the EPUB', () => {
  test("a book's own template that does not compile is the book's problem, named by its file", async () => {
    const caught = await ejsTemplate([dir, builtInTemplates], 'epub/chapter.ejs').then(() => undefined, (error: unknown) => error as Error);
    expect(caught).toBeInstanceOf(FolioError);
    expect(caught!.message).toBe(`The book's template ${path.join(dir, 'epub/chapter.ejs')} does not compile (fix it, or remove it to use Folio's)`);
    expect(String((caught as Error & { cause: Error }).cause.message)).toContain("Unexpected token '{'");
  });

  test("a book's own template that fails as it renders: named by its file and line", async () => {
    const template = await ejsTemplate([dir, builtInTemplates], 'epub/part.ejs');
    const caught = failure(() => template.render({ page: { title: 'Part' } }));
    expect(caught).toBeInstanceOf(FolioError);
    expect(caught.message).toBe(`The book's template ${path.join(dir, 'epub/part.ejs')} failed as it rendered (fix it, or remove it to use Folio's)`);
    // EJS names the file and line in its own message, which the report gives after this one.
    expect(String((caught as Error & { cause: Error }).cause.message)).toContain(`${path.join(dir, 'epub/part.ejs')}:3`);
  });

  test("Folio's own template failing is a bug in Folio, not the book's problem", async () => {
    const template = await ejsTemplate([dir, builtInTemplates], 'epub/page.xhtml.ejs');
    const caught = failure(() => template.render({}));
    expect(caught).not.toBeInstanceOf(FolioError);
  });

  test('a template that works renders, and gives its text', async () => {
    const template = await ejsTemplate([builtInTemplates], 'epub/toc.ncx.ejs');
    expect(template.text).toContain('<ncx');
  });
});
