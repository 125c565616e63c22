import { afterAll, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBook } from '../../../src/book/load.js';
import { BuildContext } from '../../../src/build-context.js';
import { formatMessages } from '../../../src/diagnostics/report.js';
import { ChapterMemory } from '../../../src/preview/chapter-store.js';
import { targets } from '../../../src/targets/registry.js';
import { repoRoot } from '../../support/tools.js';

const book = mkdtempSync(path.join(tmpdir(), 'folio-memory-'));
cpSync(path.join(repoRoot, 'test/fixtures/features'), book, { recursive: true });
const manifest = path.join(book, 'book.yaml');
afterAll(() => rmSync(book, { recursive: true, force: true }));

/** The HTML edition and every message of a load, as the preview makes them (keeping only the chapters of the last load). */
async function edition(chapters?: ChapterMemory) {
  const loaded = await loadBook(manifest, { languages: ['en', 'fr'], chapters });
  chapters?.prune();
  const book = loaded.book!;
  const html = await Promise.all(book.editions.map((edition) => targets.html.render({ book, edition, options: book.targetOptions.html, build: new BuildContext(), browser: () => Promise.reject(new Error('no browser')), keep: async () => {} })));
  return { html, messages: formatMessages(loaded.files) };
}

test('chapters kept between loads give the same editions and messages as a cold load, after any edit', async () => {
  const memory = new ChapterMemory();
  expect(await edition(memory)).toEqual(await edition());
  expect(memory.counts()).toEqual({ made: 6, reused: 0 });
  // Loaded again: every chapter from memory, the editions byte for byte the same (the
  // edition's passes rewrote ids and links in the copies, never in what is kept).
  expect(await edition(memory)).toEqual(await edition());
  expect(memory.counts()).toEqual({ made: 0, reused: 6 });

  const file = path.join(book, 'chapters/en/notes.md');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace(/\n## /, '\n\nAn added paragraph with a [link](tables.md) and a "quote".\n\n## '));
  const edited = await edition(memory);
  expect(memory.counts()).toEqual({ made: 1, reused: 5 });
  expect(edited).toEqual(await edition());
  expect(edited.html[0]).toContain('An added paragraph');
  // Back to the first text: made again (the pruned version is gone), still the same as cold.
  writeFileSync(file, original);
  expect(await edition(memory)).toEqual(await edition());
  expect(memory.counts()).toEqual({ made: 1, reused: 5 });
});
