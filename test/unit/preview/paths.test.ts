import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileInside, isLocalHost, splitRequestPath } from '../../../src/preview/paths.js';

describe('splitRequestPath', () => {
  test('splits and decodes a path once, with its query', () => {
    const split = splitRequestPath('/en/epub/OEBPS/caf%C3%A9.xhtml?g=3');
    expect(split).toMatchObject({ ok: true, segments: ['en', 'epub', 'OEBPS', 'café.xhtml'], trailingSlash: false });
    expect(split.ok && split.query.get('g')).toBe('3');
    expect(splitRequestPath('/en/')).toMatchObject({ ok: true, segments: ['en'], trailingSlash: true });
    expect(splitRequestPath('/')).toMatchObject({ ok: true, segments: [], trailingSlash: true });
  });

  test.each([
    '/../book.yaml',
    '/en/../../book.yaml',
    '/%2e%2e/book.yaml',
    '/%2E%2E/book.yaml',
    '/.%2e/book.yaml',
    '/en/./edition.html',
    '/_folio/..%2fbook.yaml',
    '/_folio/..%5cbook.yaml',
    '/_folio/a%00b',
    '/%2e%2e%2fbook.yaml',
  ])('refuses %s (403), whatever the encoding', (target) => {
    expect(splitRequestPath(target)).toMatchObject({ ok: false, status: 403 });
  });

  test('refuses what is not a path, and broken percent-encoding (400)', () => {
    expect(splitRequestPath('http://example.com/en/')).toMatchObject({ ok: false, status: 400 });
    expect(splitRequestPath('*')).toMatchObject({ ok: false, status: 400 });
    expect(splitRequestPath('/en/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
  });

  test('a dot inside a name is a name', () => {
    expect(splitRequestPath('/_folio/pdfjs/build/pdf.worker.mjs')).toMatchObject({ ok: true, segments: ['_folio', 'pdfjs', 'build', 'pdf.worker.mjs'] });
    expect(splitRequestPath('/a/...')).toMatchObject({ ok: true, segments: ['a', '...'] });
  });
});

describe('fileInside', () => {
  const top = mkdtempSync(path.join(tmpdir(), 'folio-paths-'));
  const base = path.join(top, 'base');
  mkdirSync(path.join(base, 'sub'), { recursive: true });
  writeFileSync(path.join(base, 'sub/file.js'), 'ok');
  writeFileSync(path.join(top, 'secret.txt'), 'secret');
  symlinkSync(path.join(top, 'secret.txt'), path.join(base, 'link-out.txt'));
  symlinkSync(path.join(base, 'sub/file.js'), path.join(base, 'link-in.js'));
  afterAll(() => rmSync(top, { recursive: true, force: true }));

  test('gives a regular file inside the folder, also through a link that stays inside', () => {
    expect(fileInside(base, ['sub', 'file.js'])).toBe(path.join(base, 'sub/file.js'));
    expect(fileInside(base, ['link-in.js'])).toBe(path.join(base, 'sub/file.js'));
  });

  test('refuses a link out of the folder, a folder (no listing), the folder itself and what is not there', () => {
    expect(fileInside(base, ['link-out.txt'])).toBeUndefined();
    expect(fileInside(base, ['sub'])).toBeUndefined();
    expect(fileInside(base, [])).toBeUndefined();
    expect(fileInside(base, ['missing.js'])).toBeUndefined();
    expect(fileInside(base, ['..', 'secret.txt'])).toBeUndefined();
  });
});

test('isLocalHost: only 127.0.0.1 and localhost, on the preview\'s port', () => {
  expect(isLocalHost('127.0.0.1:4000', 4000)).toBe(true);
  expect(isLocalHost('localhost:4000', 4000)).toBe(true);
  expect(isLocalHost('localhost:4001', 4000)).toBe(false);
  expect(isLocalHost('evil.example:4000', 4000)).toBe(false);
  expect(isLocalHost('127.0.0.1.evil.example:4000', 4000)).toBe(false);
  expect(isLocalHost(undefined, 4000)).toBe(false);
});
