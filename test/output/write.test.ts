import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeAtomic } from '../../src/output/write.js';

describe('writeAtomic', () => {
  test('replaces the file whole and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-write-'));
    const target = path.join(dir, 'out', 'book.html');
    await writeAtomic(target, 'first');
    await writeAtomic(target, new TextEncoder().encode('second'));
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(path.dirname(target))).toEqual(['book.html']);
  });

  test('a write that fails names the file and keeps the old one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-write-'));
    const target = path.join(dir, 'book.html');
    writeFileSync(target, 'old');
    // The target is a folder's name now: the rename must fail.
    const blocked = path.join(dir, 'blocked');
    writeFileSync(blocked, 'a file where a folder should be');
    chmodSync(blocked, 0o444);
    await expect(writeAtomic(path.join(blocked, 'x.html'), 'new')).rejects.toThrow(`Cannot write ${path.join(blocked, 'x.html')}`);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'book.html']);
  });
});
