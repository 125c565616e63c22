import { afterEach, describe, expect, test } from '@jest/globals';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBook } from '../../../src/book/load.js';
import { executableStamp, outputKey } from '../../../src/cache/output-key.js';
import { repoRoot } from '../../support/tools.js';

/** A copy of test/fixtures/cache to change, loaded as a build loads it. */
function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-key-'));
  cpSync(path.join(repoRoot, 'test/fixtures/cache'), dir, { recursive: true });
  return dir;
}
const keyOf = async (dir: string, format = 'html', needsBrowser = false) => {
  const { book } = await loadBook(path.join(dir, 'book.yaml'));
  return outputKey(book!, book!.editions[0]!, format, needsBrowser);
};
const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  delete process.env.SOURCE_DATE_EPOCH;
});

describe('outputKey: everything an output is made from', () => {
  test('the same sources give the same key; the format and the browser are in it', async () => {
    const dir = copy();
    dirs.push(dir);
    const key = await keyOf(dir);
    expect(await keyOf(dir)).toBe(key);
    expect(await keyOf(dir, 'epub')).not.toBe(key);
    expect(await keyOf(dir, 'html', true)).not.toBe(key);
  });

  const changes: [string, (dir: string) => void][] = [
    ['chapter text', (dir) => edit(path.join(dir, 'chapters/en/afterword.md'), (text) => text.replace('end', 'close'))],
    ['frontmatter', (dir) => edit(path.join(dir, 'chapters/en/code.md'), (text) => text.replace('title: Code', 'title: Codes'))],
    ['image bytes', (dir) => copyFileSync(path.join(dir, 'chart-other.png'), path.join(dir, 'chapters/en/images/chart.png'))],
    ['cover bytes', (dir) => copyFileSync(path.join(dir, 'chart-other.png'), path.join(dir, 'cover.png'))],
    ['a template of the book', (dir) => edit(path.join(dir, 'theme/base/content.css'), (text) => `${text}\np {}`)],
    ['a new template file', (dir) => writeFileSync(path.join(dir, 'theme/base/extra.css'), '')],
    ['a generated string', (dir) => edit(path.join(dir, 'book.yaml'), (text) => text.replace('Table of Contents', 'Inside'))],
    ['a plugin option', (dir) => edit(path.join(dir, 'book.yaml'), (text) => text.replace('maxBlocks: 2', 'maxBlocks: 3'))],
    ['a key of book.yaml', (dir) => edit(path.join(dir, 'book.yaml'), (text) => text.replace('date: 2026-02-01', 'date: 2026-02-02'))],
    ['the page size', (dir) => edit(path.join(dir, 'book.yaml'), (text) => text.replace('size: A5', 'size: A4'))],
    ['SOURCE_DATE_EPOCH', () => (process.env.SOURCE_DATE_EPOCH = '1700000000')],
  ];
  for (const [what, change] of changes) {
    test(`${what} changes the key`, async () => {
      const dir = copy();
      dirs.push(dir);
      const before = await keyOf(dir);
      change(dir);
      expect(await keyOf(dir)).not.toBe(before);
    });
  }
});

describe('executableStamp: the browser in the key', () => {
  test("a wrapper script is stamped with the binary it names, so that the binary's upgrade is a miss", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-stamp-'));
    dirs.push(dir);
    const binary = path.join(dir, 'chromium-headless-shell');
    const wrapper = path.join(dir, 'wrapper');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3]));
    // As Debian's /usr/bin/chromium-headless-shell is written.
    writeFileSync(wrapper, `#!/bin/sh -e\n\n${binary} "$@"\n`);
    const [wrapped, alone] = [await executableStamp(wrapper), await executableStamp(binary)];
    expect(wrapped).toContain(binary);
    expect(alone).toBe(`${binary}:7:${alone.split(':').pop()}`);
    // The binary upgraded, the wrapper as it was.
    utimesSync(binary, new Date('2026-11-26T08:25:22Z'), new Date('2026-11-26T08:25:22Z'));
    expect(await executableStamp(wrapper)).not.toBe(wrapped);
    expect(await executableStamp(binary)).not.toBe(alone);
  });
});
