import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BookRoots } from '../../../src/book/roots.js';
import { fileFingerprint, folderFingerprint, hashOf, stableJson } from '../../../src/cache/keys.js';

describe('hashOf', () => {
  test('parts are framed: moving a boundary changes the hash', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
    expect(hashOf('abc')).not.toBe(hashOf('ab', 'c'));
    expect(hashOf('a', 'b')).toBe(hashOf('a', Buffer.from('b')));
  });
});

describe('stableJson', () => {
  test('Sets, Maps, bytes and undefined are told apart from what JSON would make of them', () => {
    expect(stableJson({ ids: new Set(['a']) })).not.toBe(stableJson({ ids: {} }));
    expect(stableJson(new Map([['a', 1]]))).not.toBe(stableJson(new Map([['a', 2]])));
    expect(stableJson({ a: undefined })).not.toBe(stableJson({}));
    expect(stableJson(new Uint8Array([1]))).not.toBe(stableJson(new Uint8Array([2])));
    expect(stableJson({ tree: { children: [new Set([1, 2])] } })).toBe(stableJson({ tree: { children: [new Set([1, 2])] } }));
  });
});

describe('fileFingerprint', () => {
  test('follows the bytes, where a link leads, and a missing file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-keys-'));
    const file = path.join(dir, 'a.png');
    try {
      const missing = await fileFingerprint(file);
      writeFileSync(file, 'one');
      const one = await fileFingerprint(file);
      expect(one).not.toBe(missing);
      expect(await fileFingerprint(file)).toBe(one);
      writeFileSync(file, 'two!');
      expect(await fileFingerprint(file)).not.toBe(one);
      // The same bytes behind a link elsewhere: another file, another fingerprint.
      writeFileSync(path.join(dir, 'b.png'), 'two!');
      symlinkSync(path.join(dir, 'b.png'), path.join(dir, 'c.png'));
      expect(await fileFingerprint(path.join(dir, 'c.png'))).not.toBe(await fileFingerprint(file));
      const folder = await folderFingerprint(dir);
      writeFileSync(path.join(dir, 'new.css'), '');
      expect(await folderFingerprint(dir)).not.toBe(folder);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fileFingerprint with the book\'s roots', () => {
  test('a link that leads out of the book is refused, never read', async () => {
    const [book, outside] = [mkdtempSync(path.join(tmpdir(), 'folio-book-')), mkdtempSync(path.join(tmpdir(), 'folio-outside-'))];
    try {
      writeFileSync(path.join(outside, 'secret.png'), 'secret');
      symlinkSync(path.join(outside, 'secret.png'), path.join(book, 'a.png'));
      const roots = new BookRoots([book]);
      expect(await fileFingerprint(path.join(book, 'a.png'), roots)).toBe(`${path.join(book, 'a.png')}: refused`);
      expect(await fileFingerprint(path.join(book, 'none.png'), roots)).toBe(`${path.join(book, 'none.png')}: missing`);
      expect(await folderFingerprint(book, roots)).toContain('a.png=');
      expect(await folderFingerprint(book, roots)).not.toMatch(/[0-9a-f]{64}/);
    } finally {
      rmSync(book, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
