import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../support/tools.js';

/**
 * The unit tier runs in seconds because it starts nothing: no Chromium, no Java, no
 * subprocess. Its files may not import what would (the browser, child processes, the
 * support modules that run validators, read PDFs or need the shared builds).
 */
const forbidden = [
  /^(node:)?child_process$/,
  /^puppeteer/,
  /^@axe-core\//,
  /\/support\/(browser|validators|epub|pdf|books|corpus|shared-builds)\.js$/,
  /\/src\/browser\//,
];

test('no unit test imports Chromium, child processes or the validators', () => {
  const unitRoot = path.join(repoRoot, 'test/unit');
  const files = readdirSync(unitRoot, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  expect(files.length).toBeGreaterThan(20);
  const offending = files.flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((imported) => imported.fileName)
      .filter((name) => forbidden.some((pattern) => pattern.test(name)))
      .map((name) => `${path.relative(unitRoot, file)} imports ${name}`),
  );
  expect(offending).toEqual([]);
});
