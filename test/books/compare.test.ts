import { describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { folio } from '../support/folio.js';
import { repoRoot, requireTool } from '../support/tools.js';

const temporary = () => mkdtempSync(path.join(tmpdir(), 'folio-compare-'));

describe('folio build --compare', () => {
  test('pages are compared by text and by look: a new cover changes page 1 and no chapter; an edit names its chapter', async () => {
    requireTool('pdftotext', ['-v'], 'apt-get install -y poppler-utils');
    const book = temporary();
    cpSync(path.join(repoRoot, 'test/fixtures/shelf'), book, { recursive: true });
    const [before, after] = [path.join(book, 'before'), path.join(book, 'after')];
    const build = (out: string, extra: string[] = []) => folio(['build', '--lang', 'en', '--format', 'html,pdf', '--out', out, ...extra], {}, book);
    expect((await build(before)).code).toBe(0);

    // The same sources: nothing changed.
    const same = await build(after, ['--compare', before, '--reporter', 'json']);
    expect(JSON.parse(same.stdout).changes).toEqual([{ lang: 'en', new: false, chapters: [], pages: [], pageCount: { before: expect.any(Number), after: expect.any(Number) } }]);

    // Another cover: the text of every page is the same, the cover page looks different.
    copyFileSync(path.join(repoRoot, 'test/fixtures/features/images/team.png'), path.join(book, 'cover.png'));
    const cover = JSON.parse((await build(after, ['--compare', before, '--reporter', 'json'])).stdout);
    expect(cover.changes[0]).toMatchObject({ lang: 'en', chapters: [], pages: [1] });

    // A word in chapter three.
    const three = path.join(book, 'chapters/en/three.md');
    writeFileSync(three, readFileSync(three, 'utf8').replace('Chapter 3 of', 'Chapter three of'));
    const run = await build(after, ['--compare', before]);
    expect(run.stdout).toMatch(/^changes {5}en {4}chapters: Three \(three\); PDF pages: 1, \d+(–\d+)? of \d+$/m);
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/report.schema.json'), 'utf8'));
    expect(new Ajv({ strict: true }).validate(schema, cover)).toBe(true);
  });

  test('an edition without an earlier file is new', async () => {
    const out = temporary();
    const run = await folio(['build', 'test/fixtures/shelf/book.yaml', '--lang', 'de', '--format', 'html', '--out', out, '--compare', temporary()]);
    expect(run.stdout).toMatch(/^changes {5}de {4}new: no earlier edition to compare with$/m);
  });
});
