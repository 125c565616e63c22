import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserPool } from '../../src/browser/browser.js';
import { build, type BuildOptions, type BuildProgress, type BuildResult } from '../../src/index.js';
import { repoRoot } from '../support/tools.js';

/**
 * The build cache must never make a wrong file: each kind of input is edited in turn in a
 * copy of test/fixtures/cache, and the build from the cache must give the very bytes a
 * build from scratch (no cache) gives, in every format. Real builds, one Chromium.
 */
const formats = ['html', 'epub', 'pdf'] as const;
let book: string;
let cache: string;
let browsers: BrowserPool;
const epoch = process.env.SOURCE_DATE_EPOCH;

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'folio-cache-'));
  book = path.join(root, 'book');
  cache = path.join(root, 'cache');
  cpSync(path.join(repoRoot, 'test/fixtures/cache'), book, { recursive: true });
  process.env.SOURCE_DATE_EPOCH = '1767225600';
  browsers = new BrowserPool();
});

afterAll(async () => {
  await browsers.close();
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch;
});

const manifest = () => path.join(book, 'book.yaml');
const cachedOut = () => path.join(path.dirname(book), 'cached');

interface Run {
  result: BuildResult;
  progress: BuildProgress[];
}

async function run(outDir: string, options: Partial<BuildOptions>): Promise<Run> {
  const progress: BuildProgress[] = [];
  const result = await build(manifest(), { formats, outDir, browsers, jobs: 1, onProgress: (event) => progress.push(event), ...options });
  expect(result.failed).toEqual([]);
  return { result, progress };
}

/** The bytes of every file a build wrote, by name. */
function files(outDir: string): Record<string, Buffer> {
  return Object.fromEntries(readdirSync(outDir).filter((name) => !name.startsWith('.')).sort().map((name) => [name, readFileSync(path.join(outDir, name))]));
}

/** Builds from the cache, then from scratch, and holds the two to the same bytes and the same messages. */
async function cachedEqualsCold(): Promise<Run> {
  const cached = await run(cachedOut(), { cache });
  const coldOut = mkdtempSync(path.join(path.dirname(book), 'cold-'));
  const cold = await run(coldOut, {});
  const messages = (result: BuildResult) => result.files.flatMap((file) => file.messages.map((message) => `${path.basename(file.path)}:${message.line}:${message.column} ${message.reason}`)).sort();
  expect(messages(cached.result)).toEqual(messages(cold.result));
  const [a, b] = [files(cachedOut()), files(coldOut)];
  expect(Object.keys(a)).toEqual(['cache-book-en.epub', 'cache-book-en.html', 'cache-book-en.pdf']);
  for (const name of Object.keys(b)) expect({ name, same: a[name]!.equals(b[name]!) }).toEqual({ name, same: true });
  return cached;
}

const edit = (file: string, change: (text: string) => string) => {
  const full = path.join(book, file);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(full, after);
};
const unchanged = (run: Run) => run.result.written.filter((event) => event.unchanged).map((event) => event.format);
const measured = (run: Run) => run.progress.filter((event) => event.format === 'pdf' && event.phase === 'measure').length / 2;

describe('the build cache', () => {
  test('a first build with an empty cache is the build without one, and writes its entries', async () => {
    const first = await cachedEqualsCold();
    expect(unchanged(first)).toEqual([]);
    expect(readdirSync(cache).sort()).toEqual(['chapters', 'hyphens', 'outputs', 'plans', 'probes']);
  });

  test('a rebuild with nothing changed renders nothing, writes nothing and says unchanged', async () => {
    const before = Object.fromEntries(readdirSync(cachedOut()).map((name) => [name, statSync(path.join(cachedOut(), name)).mtimeMs]));
    const again = await run(cachedOut(), { cache });
    expect(unchanged(again)).toEqual([...formats]);
    expect(again.progress.filter((event) => event.phase !== 'render')).toEqual([]);
    const after = Object.fromEntries(readdirSync(cachedOut()).map((name) => [name, statSync(path.join(cachedOut(), name)).mtimeMs]));
    expect(after).toEqual(before);
  });

  test('a word of a chapter: the outputs are made again, the PDF printed once with the last plan', async () => {
    edit('chapters/en/afterword.md', (text) => text.replace('The end of the book.', 'The very end of the book.'));
    const rebuilt = await cachedEqualsCold();
    expect(unchanged(rebuilt)).toEqual([]);
    expect(measured(rebuilt)).toBe(0);
    expect(rebuilt.progress.filter((event) => event.format === 'pdf' && event.phase === 'print' && event.pages === undefined)).toHaveLength(1);
  });

  // Each edit, then the cached build must equal the cold one.
  const edits: [string, () => void][] = [
    ['frontmatter', () => edit('chapters/en/code.md', (text) => text.replace('title: Code', 'title: Code Listings'))],
    ['image bytes', () => copyFileSync(path.join(book, 'chart-other.png'), path.join(book, 'chapters/en/images/chart.png'))],
    ['a template of the book', () => edit('theme/base/content.css', (text) => `${text}\nfigure { border: 2px solid #333; }\n`)],
    ['a generated string', () => edit('book.yaml', (text) => text.replace('contents: Table of Contents', 'contents: What Is Inside'))],
    ['a plugin option', () => edit('book.yaml', (text) => text.replace('maxBlocks: 2', 'maxBlocks: 0'))],
    ['a key of book.yaml', () => edit('book.yaml', (text) => text.replace('subtitle: Built again and again', 'subtitle: Built once more'))],
    ['the page size', () => edit('book.yaml', (text) => text.replace('size: A5', 'size: A6'))],
  ];
  for (const [what, change] of edits) {
    test(`${what}: the build from the cache is the build from scratch`, async () => {
      change();
      const rebuilt = await cachedEqualsCold();
      expect(unchanged(rebuilt)).not.toEqual([...formats]);
    });
  }

  test('damaged entries are misses, never wrong files', async () => {
    edit('chapters/en/preface.md', (text) => text.replace('again and again', 'over and over'));
    for (const kind of ['chapters', 'hyphens', 'outputs', 'plans', 'probes']) {
      for (const name of readdirSync(path.join(cache, kind), { recursive: true }).map(String)) {
        const file = path.join(cache, kind, name);
        if (!statSync(file).isFile()) continue;
        const bytes = readFileSync(file);
        // Half the entries cut short, the others with a byte changed in the middle.
        writeFileSync(file, name.charCodeAt(name.length - 1) % 2 ? bytes.subarray(0, bytes.length >> 1) : Buffer.from(bytes.map((byte, index) => (index === bytes.length >> 1 ? byte ^ 0xff : byte))));
      }
    }
    await cachedEqualsCold();
  });

  test('a deleted output is made again, the others stay unchanged', async () => {
    await run(cachedOut(), { cache });
    const html = path.join(cachedOut(), 'cache-book-en.html');
    writeFileSync(html, 'changed by hand');
    const again = await run(cachedOut(), { cache });
    expect(unchanged(again)).toEqual(['epub', 'pdf']);
    await cachedEqualsCold();
  });
});
