import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserPool } from '../../src/browser/browser.js';
import { loadBook } from '../../src/book/load.js';
import { build, type BuildResult } from '../../src/index.js';
import { repoRoot } from '../support/tools.js';

/**
 * Every target renders from one Book loaded once per build, in the order of --format. Built
 * in one process in both orders (html → epub → pdf and pdf → epub → html), each file must
 * be the same to the byte: a target that changed the shared Book (a tree, a title, a list)
 * would change what the targets after it render. A book with parts and one without.
 */
const browsers = new BrowserPool();
const temporary: string[] = [];
afterAll(async () => {
  await browsers.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

async function built(fixture: string, formats: ('html' | 'epub' | 'pdf')[]): Promise<{ result: BuildResult; files: Map<string, Buffer> }> {
  const outDir = mkdtempSync(path.join(tmpdir(), `folio-order-${fixture}-`));
  temporary.push(outDir);
  const result = await build(path.join(repoRoot, 'test/fixtures', fixture, 'book.yaml'), { formats, outDir, languages: ['en'], browsers, jobs: 1 });
  expect(result.failed).toEqual([]);
  return { result, files: new Map(result.written.map((event) => [path.basename(event.path), readFileSync(event.path)])) };
}

describe('the targets share one Book and leave it as it was', () => {
  test.each(['mini', 'features'])('%s: html → epub → pdf and pdf → epub → html write the same bytes', async (fixture) => {
    const forward = await built(fixture, ['html', 'epub', 'pdf']);
    const backward = await built(fixture, ['pdf', 'epub', 'html']);
    expect([...forward.files.keys()].sort()).toEqual([`${forward.result.book!.slug}-en.epub`, `${forward.result.book!.slug}-en.html`, `${forward.result.book!.slug}-en.pdf`]);
    for (const [name, bytes] of forward.files) {
      // By name, so a failure says which format differs.
      expect({ name, same: bytes.equals(backward.files.get(name)!) }).toEqual({ name, same: true });
    }
    // And the Book after three renders is the Book as loaded.
    const fresh = await loadBook(path.join(repoRoot, 'test/fixtures', fixture, 'book.yaml'), { languages: ['en'] });
    const trees = (result: { book?: BuildResult['book'] }) => result.book!.editions.flatMap((edition) => edition.chapters.map((chapter) => [chapter.slug, chapter.title, chapter.tree]));
    expect(trees(forward.result)).toEqual(trees(fresh));
    expect(trees(backward.result)).toEqual(trees(fresh));
  });
});
