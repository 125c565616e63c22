import { describe, expect, test } from '@jest/globals';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CacheStore } from '../../../src/cache/store.js';

const temporary = () => mkdtempSync(path.join(tmpdir(), 'folio-store-'));
const entryFile = (dir: string) => {
  const [kind] = readdirSync(dir);
  const [prefix] = readdirSync(path.join(dir, kind!));
  const [name] = readdirSync(path.join(dir, kind!, prefix!));
  return path.join(dir, kind!, prefix!, name!);
};

describe('CacheStore', () => {
  test('a value comes back as it went in, Sets and Maps included', async () => {
    const store = new CacheStore(temporary());
    const value = { tree: { type: 'root', children: [] }, ids: new Set(['a']), starts: new Map([['x', 3]]) };
    await store.set('kind', 'ab12', value);
    expect(await store.get('kind', 'ab12')).toEqual(value);
    expect(await store.get('kind', 'ab13')).toBeUndefined();
  });

  test('a truncated or altered entry is a miss', async () => {
    const dir = temporary();
    const store = new CacheStore(dir);
    await store.set('kind', 'cd34', { text: 'x'.repeat(1000) });
    const file = entryFile(dir);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 10));
    expect(await store.get('kind', 'cd34')).toBeUndefined();
    const altered = Buffer.from(bytes);
    altered[altered.length - 5] ^= 1;
    writeFileSync(file, altered);
    expect(await store.get('kind', 'cd34')).toBeUndefined();
    writeFileSync(file, 'not an entry');
    expect(await store.get('kind', 'cd34')).toBeUndefined();
  });

  test('a folder that cannot be written turns the cache off with one note, and never throws', async () => {
    const dir = temporary();
    const notes: string[] = [];
    // A file where the cache's folder should be: nothing can be written below it (also as root).
    const blocked = path.join(dir, 'file');
    writeFileSync(blocked, '');
    const store = new CacheStore(blocked, (reason) => notes.push(reason));
    await store.set('kind', 'ef56', 1);
    await store.set('kind', 'ef57', 2);
    expect(await store.get('kind', 'ef56')).toBeUndefined();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/cannot be written/);
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });
});
