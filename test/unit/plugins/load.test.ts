import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { formatMessages, loadBook } from '../../../src/index.js';

/** A one-chapter book with `plugins`, in a temporary folder. */
function bookWith(plugins: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-plugins-'));
  writeFileSync(path.join(dir, 'one.md'), '---\ntitle: One\n---\n\nWeb blurb.\n\n---\n\nBook text.\n');
  writeFileSync(path.join(dir, 'book.yaml'), `slug: p\ntitle: P\nauthor: A\nlanguages: [en]\nsource: '{slug}.md'\ncontents: [one]\nplugins:\n${plugins}`);
  return dir;
}

describe('book plugins', () => {
  test('folio/<name> is one of Folio’s own plugins, with its options', async () => {
    const dir = bookWith('  - [folio/remark-drop-preamble, { maxBlocks: 2 }]\n');
    try {
      const { book, files } = await loadBook(path.join(dir, 'book.yaml'));
      expect(formatMessages(files).filter((line) => / error /.test(line))).toEqual([]);
      expect(toHtml(book!.editions[0]!.chapters[0]!.tree)).toBe('<p>Book text.</p>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unknown folio/ name is an error at its line that lists the plugins there are', async () => {
    const dir = bookWith('  - folio/remark-drop-everything\n');
    try {
      const { files } = await loadBook(path.join(dir, 'book.yaml'));
      expect(formatMessages(files).filter((line) => line.includes('plugin-load'))).toEqual([
        expect.stringMatching(/book\.yaml:8:5\s+error\s+Folio has no plugin folio\/remark-drop-everything; its plugins are folio\/remark-drop-preamble/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
