import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtBook, buildsRoot } from '../support/books.js';
import { folio } from '../support/folio.js';
import { corpusAvailable, repoRoot, requireTool } from '../support/tools.js';

const describeGuide = corpusAvailable || process.env.CI === 'true' ? describe : describe.skip;

/**
 * The text of each page of a PDF as pdftotext reads it, apart from how --compare reads
 * pages: one run over the file, which ends every page with a form feed (the same text, page
 * for page, as a run per page with -f/-l, at a run in all instead of one per page).
 */
const pageTexts = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describeGuide('what changed, on the guide', () => {
  test('after one word of one chapter of the Dutch edition changes: that edition, that chapter, exactly the pages whose text changed', async () => {
    requireTool('pdftotext', ['-v'], 'apt-get install -y poppler-utils');
    const top = mkdtempSync(path.join(tmpdir(), 'folio-guide-compare-'));
    // Before: the Dutch and Swedish editions of the tier's shared builds (html and pdf, from
    // the repaired copy of the sources, dated from book.yaml), as a published folder holds them.
    const before = path.join(top, 'before');
    mkdirSync(before);
    const shared = { html: builtBook('html', 'FOLIO_TEST_CORPUS'), pdf: builtBook('pdf', 'FOLIO_TEST_CORPUS') };
    for (const lang of ['nl', 'sv']) {
      for (const format of ['html', 'pdf'] as const) {
        const file = shared[format].file(lang, format);
        cpSync(file, path.join(before, path.basename(file)));
      }
    }
    // After: the same sources with one word changed, built by the command the same way.
    const content = path.join(top, 'content');
    cpSync(path.join(buildsRoot('FOLIO_TEST_CORPUS'), 'sources'), content, { recursive: true });
    const source = path.join(content, '{lang}/insights/{slug}.md');
    const after = path.join(top, 'after');

    const chapter = path.join(content, 'nl/insights/keep-it-simple.md');
    chmodSync(chapter, 0o644);
    const text = readFileSync(chapter, 'utf8');
    expect(text).toContain('een wiskundeleraar die');
    writeFileSync(chapter, text.replace('een wiskundeleraar die', 'een natuurkundeleraar die'));
    const summary = path.join(top, 'summary.md');
    const run = await folio(['build', '--source', source, '--lang', 'nl,sv', '--format', 'html,pdf', '--out', after, '--compare', before], {
      SOURCE_DATE_EPOCH: '',
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: repoRoot,
    });
    expect(run.code).toBe(0);

    const [old, now] = [before, after].map((dir) => path.join(dir, 'agency-success-guide-nl.pdf')) as [string, string];
    const [oldPages, nowPages] = [pageTexts(old), pageTexts(now)];
    expect(nowPages).toHaveLength(pageCount(now));
    const expected: number[] = [];
    for (let page = 1; page <= nowPages.length; page++) if (oldPages[page - 1] !== nowPages[page - 1]) expected.push(page);
    expect(expected.length).toBeGreaterThan(0);
    // The edited word is on one of them (hyphenation may break it across lines).
    const words = (page: number) => nowPages[page - 1]!.replace(/\u00ad/g, '').replace(/-\n/g, '');
    expect(expected.some((page) => words(page).includes('natuurkundeleraar'))).toBe(true);

    const pages = expected.join(', ');
    expect(run.stdout).toMatch(new RegExp(`^changes {5}nl {4}chapters: Houd Het Simpel \\(keep-it-simple\\); PDF pages: ${expected.length === 1 ? pages : '[\\d–, ]+'} of \\d+$`, 'm'));
    expect(run.stdout).toMatch(/^changes {5}sv {4}unchanged$/m);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('#### What changed');
    expect(markdown).toMatch(/^\| nl \| Houd Het Simpel \(keep-it-simple\) \| [\d–, ]+ of \d+ \|$/m);
    expect(markdown).toContain('Unchanged: sv.');
    // The pages named are exactly the pages whose text changed.
    const named = /^\| nl \| .* \| ([\d–, ]+) of \d+ \|$/m.exec(markdown)![1]!.split(', ').flatMap((range) => {
      const [from, to = from] = range.split('–').map(Number) as [number, number?];
      return Array.from({ length: to! - from + 1 }, (_, index) => from + index);
    });
    expect(named).toEqual(expected);
  });
});
