import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtBook } from '../support/books.js';
import { readEpub } from '../support/epub.js';
import { repoRoot } from '../support/tools.js';

/**
 * What the fixture books render to, held as files: each EPUB's package, nav, NCX and XHTML
 * documents, and each PDF edition's final print HTML (the page Chromium prints, with its
 * page numbers). A change to the output shows as a diff of these files. When the change
 * is meant, regenerate them and review the diff before committing:
 *
 *   UPDATE=1 npm test -- --selectProjects books -t 'expected output'
 *
 * Data URIs (fonts, images) are replaced by their media type and a hash of their bytes, so
 * a changed font or image still shows, in one line.
 */
const expectedRoot = path.join(repoRoot, 'test/books/expected');
const update = process.env.UPDATE === '1';

const dataUris = /data:([^;,)"'\s]+)((?:;[^;,)"'\s]+)*),([^)"'\s]+)/g;
const normalize = (text: string) => text.replace(dataUris, (_, type: string, _params: string, data: string) => `data:${type};sha256-${createHash('sha256').update(data).digest('hex').slice(0, 16)}`);

/** The files of one edition, by their name under test/books/expected/<book>-<lang>/. */
async function rendered(name: string, lang: string): Promise<Map<string, string>> {
  const book = builtBook(name);
  const files = new Map<string, string>();
  const epub = await readEpub(book.file(lang, 'epub'));
  for (const entry of Object.keys(epub.zip.files).sort()) {
    if (/\.(xhtml|opf|ncx)$/.test(entry)) files.set(`epub/${path.basename(entry)}`, await epub.text(entry));
  }
  const print = book.printHtml[lang];
  if (!print) throw new Error(`${name} ${lang}: the shared build kept no print HTML`);
  files.set('print.html', normalize(readFileSync(print, 'utf8')));
  return files;
}

function listed(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const editions = [
  ['mini', 'en'],
  ['mini', 'nl'],
  ['features', 'en'],
  ['features', 'fr'],
] as const;

describe('expected output of the fixture books', () => {
  test.each(editions)('%s %s: EPUB documents and print HTML are as stored', async (name, lang) => {
    const dir = path.join(expectedRoot, `${name}-${lang}`);
    const files = await rendered(name, lang);
    if (update) {
      rmSync(dir, { recursive: true, force: true });
      for (const [file, text] of files) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
    }
    const hint = 'differs? if the change is meant: UPDATE=1 npm test -- --selectProjects books -t "expected output"';
    expect({ files: listed(dir), hint }).toEqual({ files: [...files.keys()].sort(), hint });
    for (const [file, text] of files) {
      // One assertion per file, so a failure names the file and shows the lines that differ.
      expect({ file, text }).toEqual({ file, text: readFileSync(path.join(dir, file), 'utf8') });
    }
  });
});
