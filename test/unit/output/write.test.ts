import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeAtomic } from '../../../src/output/write.js';

describe('writeAtomic', () => {
  test('replaces the file whole and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-write-'));
    const target = path.join(dir, 'out', 'book.html');
    await writeAtomic(target, 'first');
    await writeAtomic(target, new TextEncoder().encode('second'));
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(path.dirname(target))).toEqual(['book.html']);
  });

  test('a write that fails names the file, keeps what was there and cleans up', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-write-'));
    // Something that cannot be replaced by a file: a folder with content in it.
    const target = path.join(dir, 'book.html');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'old');
    await expect(writeAtomic(target, 'new')).rejects.toThrow(`Cannot write ${target}`);
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['book.html']);
  });
});
