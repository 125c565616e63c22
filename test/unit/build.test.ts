import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/build.js';
import { formatMessages } from '../../src/diagnostics/report.js';

/**
 * build() called twice in one process, as a preview does after each change: the second
 * build must see every file of the book as it is now, whatever the first one read. (A
 * changed plugin is checked in test/books/rebuild.test.ts, under plain Node: Jest keeps a
 * module's source by its path, whatever the URL that imports it says.)
 */

let root: string;
/** The image's time stamp, in whole seconds (a file system keeps those exactly). */
const stamp = 1_700_000_000;

const svg = (colour: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="${colour}"/></svg>\n`;
const manifest = (contents: string, extra = '') =>
  `slug: twice\ntitle: Twice\nauthor: Ada\nlanguages: [en, nl]\ncontents: [one]\ntemplates: templates\nstrings:\n  en: { contents: ${contents} }\n${extra}`;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

async function html(): Promise<string> {
  const result = await build(path.join(root, 'book.yaml'), { formats: ['html'], outDir: path.join(root, 'dist'), jobs: 1 });
  expect(formatMessages(result.files, root).filter((line) => line.includes('error'))).toEqual([]);
  return readFileSync(path.join(root, 'dist/twice-en.html'), 'utf8');
}

/** The SVG images of an HTML edition, decoded from their data URIs. */
const images = (text: string) => [...text.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)].map((match) => Buffer.from(match[1]!, 'base64').toString('utf8'));

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'folio-twice-'));
  write('book.yaml', manifest('Contents-first'));
  write('chapters/en/one.md', '# One\n\nText.\n\n![A box](box.svg)\n');
  write('chapters/nl/one.md', '# Een\n\nTekst.\n');
  write('chapters/en/box.svg', svg('#ff0000'));
  utimesSync(path.join(root, 'chapters/en/box.svg'), stamp, stamp);
  write('templates/html/style.css', '/* style-first */\n');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('two builds in one process', () => {
  test('the second sees a changed image, template and strings', async () => {
    const first = await html();
    expect(first).toContain('style-first');
    expect(first).toContain('Contents-first');
    expect(images(first)).toEqual([expect.stringContaining('fill="#ff0000"')]);

    // The image keeps its size and its time stamp: only its bytes change, which a cache
    // keyed by either would miss.
    const image = path.join(root, 'chapters/en/box.svg');
    const before = statSync(image);
    writeFileSync(image, svg('#00ff00'));
    utimesSync(image, stamp, stamp);
    expect([statSync(image).size, statSync(image).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    write('templates/html/style.css', '/* style-second */\n');
    write('book.yaml', manifest('Contents-second'));

    const second = await html();
    expect(images(second)).toEqual([expect.stringContaining('fill="#00ff00"')]);
    expect(second).toContain('style-second');
    expect(second).toContain('Contents-second');
  });

  test('an html.stylesheet that is missing is reported once, at its line, for all editions', async () => {
    write('book.yaml', manifest('Contents', 'html:\n  stylesheet: missing.css\n'));
    const result = await build(path.join(root, 'book.yaml'), { formats: ['html'], outDir: path.join(root, 'dist-missing'), jobs: 1 });
    const lines = formatMessages(result.files, root).filter((line) => line.includes('missing.css'));
    expect(lines).toEqual([expect.stringMatching(/^book\.yaml:10:15 {2}error {2}html\.stylesheet missing\.css is not found {2}file-refused$/)]);
    expect(result.failed).toEqual(['en', 'nl']);
    expect(result.written).toEqual([]);
  });
});
