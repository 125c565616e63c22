import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FolioError } from '../../../src/diagnostics/errors.js';
import { builtInTemplates } from '../../../src/templates/files.js';
import { renderTemplate } from '../../../src/templates/render.js';
import { stringsFor } from '../../../src/templates/strings.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'folio-templates-'));
  mkdirSync(path.join(dir, 'index'), { recursive: true });
  // Handlebars compiles on first use: the unclosed block fails when the page is rendered.
  writeFileSync(path.join(dir, 'index/page.hbs'), '<h1>{{#if title}}{{title}}</h1>\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a book's own template that does not parse is the book's problem, named by its file", async () => {
  const failure = await renderTemplate([dir, builtInTemplates], 'index', 'page', { title: 'T' }, stringsFor('en')).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(failure).toBeInstanceOf(FolioError);
  expect((failure as Error).message).toContain(`The book's template ${path.join(dir, 'index/page.hbs')} cannot be rendered: `);
});
