import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { BookRoots } from '../../../src/book/roots.js';
import type { Chapter } from '../../../src/book/types.js';
import { ChapterCache } from '../../../src/cache/chapters.js';
import { CacheStore } from '../../../src/cache/store.js';
import { warn } from '../../../src/diagnostics/messages.js';
import { ManifestSchema } from '../../../src/manifest/schema.js';

const entry = { slug: 'one', role: 'chapter' as const, number: 1, path: ['contents', 0] };

describe('ChapterCache', () => {
  test('a chapter is made again when its bytes, a file it read or the book\'s settings change; its warnings come back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-chapters-'));
    const chapterPath = path.join(dir, 'one.md');
    const image = path.join(dir, 'a.png');
    writeFileSync(chapterPath, '# One');
    const manifest = ManifestSchema.parse({ slug: 'x', title: 'X', author: 'A', languages: ['en'], contents: ['one'] });
    const store = new CacheStore(path.join(dir, 'cache'));
    const cache = new ChapterCache(store, { manifest, root: dir, roots: new BookRoots([dir]) });
    let made = 0;
    const make = async (): Promise<Chapter> => {
      made++;
      const file = new VFile({ path: chapterPath, value: '# One', data: { lang: 'en', reads: [image] } });
      warn(file, 'A warning to keep', { line: 1, column: 1 }, 'test-warning');
      return { slug: 'one', lang: 'en', role: 'chapter', file, title: 'One', frontmatter: {}, tree: { type: 'root', children: [] }, ids: new Set() };
    };
    const load = (bytes: string, using = cache) => using.load(chapterPath, Buffer.from(bytes), entry, 'en', make);

    await load('# One');
    const again = await load('# One');
    expect(made).toBe(1);
    expect(again.file.messages.map((message) => message.reason)).toEqual(['A warning to keep']);
    expect(again.title).toBe('One');

    await load('# One!');
    expect(made).toBe(2);
    // The image it looked for (missing) is there now: made again.
    writeFileSync(image, 'png');
    await load('# One');
    expect(made).toBe(3);
    await load('# One');
    expect(made).toBe(3);
    // Other strings for the language: another pipeline.
    const other = new ChapterCache(store, { manifest: { ...manifest, strings: { en: { contents: 'In' } } }, root: dir, roots: new BookRoots([dir]) });
    await load('# One', other);
    expect(made).toBe(4);
  });
});
