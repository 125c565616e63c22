import { expect, test } from '@jest/globals';
import path from 'node:path';
import { loadBook } from '../../../src/book/load.js';
import { repoRoot } from '../../support/tools.js';

test('one load reports every problem of every chapter: missing titles beside image and include errors', async () => {
  const loaded = await loadBook(path.join(repoRoot, 'test/fixtures/problems/book.yaml'));
  const messages = loaded.files.flatMap((file) => file.messages.map((message) => `${path.basename(file.path)}:${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}`));
  expect(messages).toEqual([
    'untitled.md:3:1 image-missing error',
    'untitled.md:1:1 chapter-title error',
    'pictures.md:9:1 mdbook-include error',
    'pictures.md:5:1 image-missing error',
    'pictures.md:7:1 image-type error',
  ]);
  expect([...loaded.failed]).toEqual(['en']);
});
